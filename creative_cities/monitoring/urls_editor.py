"""The pages where a city team writes its report (see monitoring.urls)."""

urlpatterns = []
