"""The pages where a city team writes its report (see monitoring.urls)."""

from django.urls import path

from . import editor_item_views as items
from . import editor_views as views

urlpatterns = [
    path("cities/<slug:slug>/report/", views.city_report, name="city_report"),
    path("reports/<slug:slug>/edit/", views.report_edit, name="report_edit"),
    path("reports/<slug:slug>/submit/", views.report_submit, name="report_submit"),
    path("reports/<slug:slug>/versions/", views.report_versions, name="report_versions"),
    path("reports/<slug:slug>/versions/<int:number>/", views.report_version_detail, name="report_version_detail"),
    # The structured parts come before the section pages, whose last segment is any word.
    path("reports/<slug:slug>/edit/network/add/", items.contribution_edit, name="contribution_create"),
    path("reports/<slug:slug>/edit/network/<int:pk>/", items.contribution_edit, name="contribution_edit"),
    path("reports/<slug:slug>/edit/network/<int:pk>/remove/", items.contribution_remove, name="contribution_remove"),
    path("reports/<slug:slug>/edit/plan/add/", items.commitment_edit, name="commitment_create"),
    path("reports/<slug:slug>/edit/plan/<int:pk>/", items.commitment_edit, name="commitment_edit"),
    path("reports/<slug:slug>/edit/plan/<int:pk>/remove/", items.commitment_remove, name="commitment_remove"),
    path("reports/<slug:slug>/edit/plan/<int:pk>/move/", items.commitment_move, name="commitment_move"),
    path(
        "reports/<slug:slug>/edit/plan/<int:pk>/indicators/add/",
        items.commitment_indicator_edit,
        name="commitment_indicator_create",
    ),
    path(
        "reports/<slug:slug>/edit/plan/<int:pk>/indicators/<int:indicator_pk>/",
        items.commitment_indicator_edit,
        name="commitment_indicator_edit",
    ),
    path(
        "reports/<slug:slug>/edit/plan/<int:pk>/indicators/<int:indicator_pk>/remove/",
        items.commitment_indicator_remove,
        name="commitment_indicator_remove",
    ),
    path("reports/<slug:slug>/edit/promises/<int:pk>/", items.commitment_review_edit, name="commitment_review_edit"),
    path(
        "reports/<slug:slug>/edit/promises/<int:pk>/continue/",
        items.commitment_continue,
        name="commitment_continue",
    ),
    path("reports/<slug:slug>/edit/<str:section>/add/", items.initiative_edit, name="initiative_create"),
    path("reports/<slug:slug>/edit/<str:section>/<int:pk>/", items.initiative_edit, name="initiative_edit"),
    path(
        "reports/<slug:slug>/edit/<str:section>/<int:pk>/remove/",
        items.initiative_remove,
        name="initiative_remove",
    ),
    path("reports/<slug:slug>/edit/<str:section>/", views.report_section, name="report_section"),
    path(
        "reports/<slug:slug>/edit/<str:section>/autosave/",
        views.report_section_autosave,
        name="report_section_autosave",
    ),
]
