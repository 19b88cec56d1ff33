"""The pages of reporting cycles, review and publication (see monitoring.urls)."""

urlpatterns = []
