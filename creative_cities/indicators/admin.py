from django.contrib import admin

from .models import Framework, Node, Value


class NodeInline(admin.TabularInline):
    model = Node
    fields = ["code", "name_en", "name_fr", "name_es", "parent", "position", "weight", "direction", "unit"]
    extra = 0
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name_en", "slug", "status", "shipped", "is_demo"]
    list_filter = ["status", "shipped"]
    search_fields = ["name_en", "name_fr", "name_es", "slug"]
    inlines = [NodeInline]


@admin.register(Node)
class NodeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "framework", "parent", "weight"]
    list_filter = ["framework"]
    search_fields = ["code", "name_en"]
    filter_horizontal = ["sdg_targets"]
    raw_id_fields = ["parent"]


@admin.register(Value)
class ValueAdmin(admin.ModelAdmin):
    list_display = ["node", "city", "year", "value", "origin", "is_demo"]
    list_filter = ["origin", "year", "node__framework"]
    raw_id_fields = ["node", "city", "entered_by"]
    search_fields = ["city__name", "node__code"]
