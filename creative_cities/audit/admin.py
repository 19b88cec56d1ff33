"""The Secretariat browses, filters and exports the audit trail; nobody edits it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from creative_cities.core.csv_export import csv_stream_response

from . import selectors
from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "object_type", "object_label", "ip"]
    list_filter = ["action", "object_type", ("at", admin.DateFieldListFilter)]
    search_fields = ["actor_label", "object_label", "object_id", "action"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("audit.view_auditevent")

    def has_module_permission(self, request):
        return request.user.has_perm("audit.view_auditevent")

    @admin.action(description=_("Export the selected events as CSV"))
    def export_csv(self, request, queryset):
        """The selected events, oldest first, with the columns of the audit pages' export."""
        return csv_stream_response(
            header=selectors.EXPORT_FIELDS,
            rows=selectors.audit_event_rows(queryset.order_by("at")),
            filename="audit-trail.csv",
        )
