from django.urls import path

from . import secretariat_views as views

app_name = "secretariat"

urlpatterns = [
    path("", views.home, name="home"),
    path("people/", views.user_list, name="user_list"),
    path("people/export.csv", views.user_export, name="user_export"),
    path("people/<int:pk>/", views.user_detail, name="user_detail"),
    path("people/<int:pk>/roles/", views.role_grant, name="role_grant"),
    path("people/<int:pk>/roles/<int:role_pk>/end/", views.role_end, name="role_end"),
    path("people/<int:pk>/focal-point/", views.focal_point_hand_over, name="focal_point_hand_over"),
    path("people/<int:pk>/deactivate/", views.user_deactivate, name="user_deactivate"),
    path("people/<int:pk>/reactivate/", views.user_reactivate, name="user_reactivate"),
    path("people/<int:pk>/tokens/<int:token_pk>/revoke/", views.token_revoke, name="token_revoke"),
]
