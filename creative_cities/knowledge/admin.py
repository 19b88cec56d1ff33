from django.contrib import admin

from .models import ItemFigure, ItemLink, ItemPartner, ItemTranslation, ItemVersion, KnowledgeItem


class TranslationInline(admin.StackedInline):
    model = ItemTranslation
    extra = 0


class FigureInline(admin.TabularInline):
    model = ItemFigure
    extra = 0


class PartnerInline(admin.TabularInline):
    model = ItemPartner
    extra = 0


class LinkInline(admin.TabularInline):
    model = ItemLink
    extra = 0


class VersionInline(admin.TabularInline):
    model = ItemVersion
    extra = 0
    fields = ["number", "created_at", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(admin.ModelAdmin):
    """The Secretariat's view of every item. The workflow (submit, publish, return) is on the item's page,
    so that the authors are told and the search index follows."""

    list_display = ["title", "kind", "status", "owner_city", "language", "published_at", "is_demo"]
    list_filter = ["status", "kind", "is_demo", "language", "fields"]
    search_fields = ["title", "summary", "slug", "owner_city__name"]
    readonly_fields = ["status", "submitted_at", "published_at", "created_by", "slug"]
    autocomplete_fields = ["owner_city", "adapted_from"]
    filter_horizontal = ["cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets"]
    inlines = [TranslationInline, FigureInline, PartnerInline, LinkInline, VersionInline]
