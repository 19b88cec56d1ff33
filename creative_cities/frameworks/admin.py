from django.contrib import admin

from .models import AreaOfAction, Objective, SdgGoal, SdgTarget


@admin.register(Objective, AreaOfAction)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["position", "code", "name_en", "name_fr", "name_es"]
    list_display_links = ["code"]


class SdgTargetInline(admin.TabularInline):
    model = SdgTarget
    extra = 0
    fields = ["code", "position", "label_en", "label_fr", "label_es"]


@admin.register(SdgGoal)
class SdgGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "name_en", "name_fr", "name_es", "colour"]
    inlines = [SdgTargetInline]
