from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("cooperation/", views.network, name="network"),
    path("cooperation/links/", views.link_list, name="link_list"),
    path("cooperation/export.graphml", views.export_graphml, name="export_graphml"),
    path("cooperation/export.csv", views.export_csv, name="export_csv"),
    path("cooperation/cities/<slug:slug>/", views.city_cooperation, name="city_cooperation"),
]
