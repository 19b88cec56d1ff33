"""The Secretariat's back office for the registry and its reference data."""

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .choices import CityStatus
from .models import City, CityContact, CityFieldPeriod, Country, CreativeField, Region


class RegistryAdmin(admin.ModelAdmin):
    """Admin of registry data: every change refreshes the public pages' caches."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.registry_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.registry_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.registry_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.registry_changed()


@admin.register(CreativeField)
class CreativeFieldAdmin(RegistryAdmin):
    list_display = ["code", "name_en", "name_fr", "name_es", "introduced", "colour", "position"]
    list_editable = ["position"]
    search_fields = ["code", "name_en", "name_fr", "name_es"]

    @admin.display(description=_("year introduced"), ordering="year_introduced")
    def introduced(self, field):
        return str(field.year_introduced)  # a year, printed without a thousands separator


@admin.register(Region)
class RegionAdmin(RegistryAdmin):
    list_display = ["code", "name_en", "name_fr", "name_es", "position"]
    search_fields = ["code", "name_en"]


@admin.register(Country)
class CountryAdmin(RegistryAdmin):
    list_display = ["iso2", "iso3", "name_en", "name_fr", "name_es", "region"]
    list_filter = ["region"]
    search_fields = ["iso2", "iso3", "name_en", "name_fr", "name_es"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # City search matches country names in every language.
        services.country_refresh_search_text(country=obj)


class CityFieldPeriodInline(admin.TabularInline):
    model = CityFieldPeriod
    extra = 0


class CityContactInline(admin.StackedInline):
    model = CityContact
    extra = 0


@admin.register(City)
class CityAdmin(RegistryAdmin):
    list_display = ["name", "country", "field", "designation", "status"]
    list_filter = ["status", "field", "country__region", "designation_year"]
    search_fields = ["name", "registry_name", "country__name_en", "search_text"]
    list_select_related = ["country", "field"]
    autocomplete_fields = ["country"]
    readonly_fields = ["gazetteer_id", "created_at", "updated_at"]
    inlines = [CityFieldPeriodInline, CityContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "registry_name", "country", "field", "designation_year"]}),
        (_("Membership"), {"fields": ["status", "left_on"]}),
        (_("Place"), {"fields": ["latitude", "longitude", "population", "gazetteer_id"]}),
        (_("Public profile"), {"fields": ["website", "description_en", "description_fr", "description_es"]}),
        (_("Record history"), {"fields": ["created_at", "updated_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        """Save through the services, so that a field change or a departure keeps the history right."""
        obj.search_text = services.city_search_text(name=obj.name, registry_name=obj.registry_name, country=obj.country)
        if not change:
            super().save_model(request, obj, form, change)
            CityFieldPeriod.objects.create(city=obj, field=obj.field, start_year=obj.designation_year)
            return
        new_field = obj.field
        if "field" in form.changed_data:
            obj.field = form.initial_field
        super().save_model(request, obj, form, change)
        if new_field.pk != obj.field_id:
            services.city_change_field(city=obj, field=new_field, year=timezone.now().year)
        if "status" in form.changed_data and obj.status == CityStatus.LEFT:
            services.city_mark_left(city=obj, left_on=obj.left_on)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None:
            # Remembered so that save_model can hand the change of field to the service.
            form.initial_field = obj.field
        return form

    @admin.display(description=_("designation year"), ordering="designation_year")
    def designation(self, city):
        return str(city.designation_year)  # a year, printed without a thousands separator
