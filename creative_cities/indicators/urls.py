"""The indicator pages: frameworks, values, imports and dashboards."""

app_name = "indicators"

urlpatterns = []
