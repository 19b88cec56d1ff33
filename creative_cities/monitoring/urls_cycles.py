"""The pages of reporting cycles, review and publication (see monitoring.urls)."""

from django.urls import path

from . import cycle_views, publication_views

urlpatterns = [
    path("calendar/", cycle_views.calendar_edit, name="calendar_edit"),
    path("cities/<slug:slug>/", cycle_views.city_cycles, name="city_cycles"),
    path("compliance/", cycle_views.compliance_overview, name="compliance"),
    path("compliance/export/", cycle_views.compliance_export, name="compliance_export"),
    path("review/", cycle_views.review_queue, name="review_queue"),
    path("review/<slug:slug>/", cycle_views.report_review, name="report_review"),
    path("field-reports/", cycle_views.field_reports, name="field_reports"),
    path("reports/", publication_views.report_list, name="report_list"),
    path("reports/<slug:slug>/", publication_views.report_detail, name="report_detail"),
    path("reports/<slug:slug>/pdf/", publication_views.report_pdf, name="report_pdf"),
    path("promises/", publication_views.promises, name="promises"),
    path("promises/export.<str:fmt>", publication_views.promises_export, name="promises_export"),
]
