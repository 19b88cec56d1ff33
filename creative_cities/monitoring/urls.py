"""The monitoring pages: the editor of a city's report, and the cycles, review and publication."""

from . import urls_cycles, urls_editor

app_name = "monitoring"

urlpatterns = urls_editor.urlpatterns + urls_cycles.urlpatterns
