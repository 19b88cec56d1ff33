from django.contrib import admin

from .models import Call, Interest


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0
    fields = ["city", "organisation", "status", "created_at", "decided_at"]
    readonly_fields = ["created_at", "decided_at"]
    raw_id_fields = ["city", "organisation"]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "topic", "city", "organisation", "deadline", "status", "is_demo"]
    list_filter = ["kind", "topic", "status", "is_demo"]
    search_fields = ["title", "slug", "city__name", "organisation__name"]
    date_hierarchy = "deadline"
    raw_id_fields = ["city", "organisation", "project", "created_by"]
    filter_horizontal = ["fields", "sdg_goals"]
    readonly_fields = ["slug", "closed_at"]
    inlines = [InterestInline]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["call", "city", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["call__title", "city__name", "organisation__name", "message"]
    raw_id_fields = ["call", "city", "organisation", "created_by", "decided_by", "partner"]
    readonly_fields = ["decided_at"]
