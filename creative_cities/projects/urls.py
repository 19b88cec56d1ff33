from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/<slug:slug>/", views.project_detail, name="project_detail"),
    path("projects/<slug:slug>/edit/", views.project_edit, name="project_edit"),
    path("projects/<slug:slug>/partners/", views.project_partners, name="project_partners"),
    path("projects/<slug:slug>/partners/<int:pk>/edit/", views.project_partner_edit, name="project_partner_edit"),
    path("projects/<slug:slug>/partners/<int:pk>/remove/", views.project_partner_remove, name="project_partner_remove"),
    path("projects/<slug:slug>/milestones/", views.project_milestones, name="project_milestones"),
    path("projects/<slug:slug>/milestones/<int:pk>/", views.milestone_edit, name="milestone_edit"),
    path("projects/<slug:slug>/milestones/<int:pk>/delete/", views.milestone_delete, name="milestone_delete"),
    path("projects/<slug:slug>/results/", views.project_results, name="project_results"),
    path("projects/<slug:slug>/documents/", views.project_documents, name="project_documents"),
    path(
        "projects/<slug:slug>/documents/<int:pk>/remove/",
        views.project_document_remove,
        name="project_document_remove",
    ),
    path("projects/<slug:slug>/updates/new/", views.project_update_create, name="project_update_create"),
    path("projects/<slug:slug>/follow/", views.project_follow, name="project_follow"),
    path("projects/<slug:slug>/unfollow/", views.project_unfollow, name="project_unfollow"),
]
