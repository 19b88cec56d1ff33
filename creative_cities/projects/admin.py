from django.contrib import admin

from .models import Milestone, Project, ProjectDocument, ProjectFollower, ProjectPartner, ProjectResult, ProjectUpdate


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 0
    raw_id_fields = ["city", "organisation"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    readonly_fields = ["reminded_on"]


class ProjectResultInline(admin.TabularInline):
    model = ProjectResult
    extra = 0


class ProjectDocumentInline(admin.TabularInline):
    model = ProjectDocument
    extra = 0
    # Files come in through the pages, which clean them; here they are only listed or removed.
    readonly_fields = ["file", "is_image", "size", "added_by", "created_at"]
    fields = ["title", "file", "is_image", "size", "added_by", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "lead_city", "lead_organisation", "status", "is_pilot", "start_on", "end_on", "is_demo"]
    list_filter = ["status", "is_pilot", "is_demo", "fields"]
    search_fields = ["title", "summary", "lead_city__name", "lead_organisation__name"]
    raw_id_fields = ["lead_city", "lead_organisation", "created_by"]
    filter_horizontal = ["fields", "objectives", "areas", "sdg_goals"]
    readonly_fields = ["slug"]
    inlines = [ProjectPartnerInline, MilestoneInline, ProjectResultInline, ProjectDocumentInline]


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "created_by", "created_at"]
    search_fields = ["title", "project__title"]
    raw_id_fields = ["project", "created_by"]


@admin.register(ProjectFollower)
class ProjectFollowerAdmin(admin.ModelAdmin):
    list_display = ["project", "user", "created_at"]
    raw_id_fields = ["project", "user"]
