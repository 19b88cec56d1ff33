from django.contrib import admin

from .models import Organisation, OrganisationMember


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "country", "town", "verified_at"]
    list_filter = ["sector", "verified_at"]
    search_fields = ["name", "town"]
    raw_id_fields = ["country", "member_city", "verified_by", "created_by"]
    readonly_fields = ["slug"]
    inlines = [OrganisationMemberInline]
