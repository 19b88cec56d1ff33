from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.my_roles, name="my_roles"),
    path("me/profile/", views.profile, name="profile"),
    path("me/data.json", views.my_data, name="my_data"),
    path("me/delete/", views.my_account_delete, name="my_account_delete"),
    path("me/tokens/", views.token_list, name="token_list"),
    path("me/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitations/<str:key>/", views.invitation_accept, name="invitation_accept"),
]
