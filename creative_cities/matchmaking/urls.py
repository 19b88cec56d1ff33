from django.urls import path

from . import views

app_name = "matchmaking"

urlpatterns = [
    path("matchmaking/projects/<slug:slug>/", views.project_recommendations, name="project_recommendations"),
    path("matchmaking/calls/<slug:slug>/", views.call_recommendations, name="call_recommendations"),
    path("matchmaking/cities/<slug:slug>/", views.city_recommendations, name="city_recommendations"),
]
