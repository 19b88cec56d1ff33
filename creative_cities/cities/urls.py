from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.home, name="home"),
    path("cities/", views.city_list, name="city_list"),
    path("cities/export.<str:fmt>", views.city_export, name="city_export"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
    path("cities/<slug:slug>/edit/", views.city_edit, name="city_edit"),
    path("map/", views.city_map, name="city_map"),
    path("fields/", views.field_list, name="field_list"),
    path("fields/<slug:code>/", views.field_detail, name="field_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:iso2>/", views.country_detail, name="country_detail"),
]
