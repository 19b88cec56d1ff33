from django.urls import path

from . import team_views, views

app_name = "cities"

urlpatterns = [
    path("", views.home, name="home"),
    path("cities/", views.city_list, name="city_list"),
    path("cities/export.<str:fmt>", views.city_export, name="city_export"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
    path("cities/<slug:slug>/edit/", views.city_edit, name="city_edit"),
    path("cities/<slug:slug>/dashboard/", team_views.city_dashboard, name="city_dashboard"),
    path("cities/<slug:slug>/contacts/", team_views.city_contacts_edit, name="city_contacts_edit"),
    path("cities/<slug:slug>/handover/", team_views.focal_point_handover, name="focal_point_handover"),
    path("cities/<slug:slug>/images/", team_views.city_images, name="city_images"),
    path("cities/<slug:slug>/images/<int:pk>/remove/", team_views.city_image_remove, name="city_image_remove"),
    path("cities/<slug:slug>/history/", team_views.city_history, name="city_history"),
    path("cities/<slug:slug>/changes/new/", team_views.change_request_create, name="change_request_create"),
    path("change-requests/", team_views.change_request_list, name="change_request_list"),
    path("change-requests/<int:pk>/", team_views.change_request_detail, name="change_request_detail"),
    path("change-requests/<int:pk>/withdraw/", team_views.change_request_withdraw, name="change_request_withdraw"),
    path("map/", views.city_map, name="city_map"),
    path("fields/", views.field_list, name="field_list"),
    path("fields/<slug:code>/", views.field_detail, name="field_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:iso2>/", views.country_detail, name="country_detail"),
]
