"""The Secretariat browses, filters and exports the audit trail; nobody edits it."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent

EXPORT_FIELDS = ["at", "actor_label", "action", "object_type", "object_id", "object_label", "before", "after", "ip"]


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
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    @admin.action(description=_("Export the selected events as CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
        writer = csv.writer(response)
        writer.writerow(EXPORT_FIELDS)
        for event in queryset.order_by("at"):
            writer.writerow([getattr(event, name) for name in EXPORT_FIELDS])
        return response
