from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path(
        "organisations/<slug:slug>/members/<int:pk>/role/",
        views.organisation_member_role,
        name="organisation_member_role",
    ),
    path(
        "organisations/<slug:slug>/members/<int:pk>/remove/",
        views.organisation_member_remove,
        name="organisation_member_remove",
    ),
    path("organisations/<slug:slug>/verify/", views.organisation_verify, name="organisation_verify"),
]
