"""The indicator pages: frameworks, values, imports and dashboards."""

from django.urls import path

from . import manage_views, team_views, views

app_name = "indicators"

urlpatterns = [
    path("", views.network_dashboard, name="network_dashboard"),
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/<slug:slug>/", views.framework_detail, name="framework_detail"),
    path(
        "frameworks/<slug:slug>/template.<str:extension>",
        views.framework_template,
        name="framework_template",
    ),
    path("import/", team_views.value_import, name="value_import"),
    path("import/confirm/", team_views.value_import_confirm, name="value_import_confirm"),
    path("manage/", manage_views.framework_manage_list, name="framework_manage_list"),
    path("manage/<slug:slug>/", manage_views.framework_edit, name="framework_edit"),
    path("manage/<slug:slug>/method/", manage_views.framework_method, name="framework_method"),
    path("manage/<slug:slug>/status/", manage_views.framework_status, name="framework_status"),
    path("manage/<slug:slug>/nodes/new/", manage_views.node_edit, name="node_create"),
    path("manage/<slug:slug>/nodes/<int:pk>/", manage_views.node_edit, name="node_edit"),
    path("manage/<slug:slug>/nodes/<int:pk>/delete/", manage_views.node_delete, name="node_delete"),
    path("manage/<slug:slug>/nodes/<int:pk>/move/", manage_views.node_move, name="node_move"),
    path("cities/<slug:slug>/", views.city_dashboard, name="city_dashboard"),
    path("cities/<slug:slug>/values/", team_views.city_values, name="city_values"),
    path("cities/<slug:slug>/export.<str:extension>", views.city_values_export, name="city_values_export"),
    path("<slug:framework>/", views.network_dashboard, name="framework_dashboard"),
    path("<slug:framework>/ranking.<str:extension>", views.framework_ranking_export, name="framework_ranking_export"),
]
