"""Covers drawn by the platform (cover_views.py): outside the language prefixes, as a cover has no words."""

from django.urls import path

from . import cover_views

app_name = "covers"

urlpatterns = [
    path("cities/<slug:slug>.<str:fmt>", cover_views.city_cover, name="city_cover"),
    path("items/<slug:slug>.<str:fmt>", cover_views.item_cover, name="item_cover"),
    path("projects/<slug:slug>.<str:fmt>", cover_views.project_cover, name="project_cover"),
    path("calls/<slug:slug>.<str:fmt>", cover_views.call_cover, name="call_cover"),
]
