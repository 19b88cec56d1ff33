from django.urls import path

from . import views

app_name = "board"

urlpatterns = [
    path("board/", views.call_list, name="call_list"),
    path("board/new/", views.call_create, name="call_create"),
    path("board/mine/", views.mine, name="mine"),
    path("board/interests/<int:pk>/accept/", views.interest_accept, name="interest_accept"),
    path("board/interests/<int:pk>/decline/", views.interest_decline, name="interest_decline"),
    path("board/interests/<int:pk>/withdraw/", views.interest_withdraw, name="interest_withdraw"),
    path("board/<slug:slug>/", views.call_detail, name="call_detail"),
    path("board/<slug:slug>/edit/", views.call_edit, name="call_edit"),
    path("board/<slug:slug>/close/", views.call_close, name="call_close"),
    path("board/<slug:slug>/interest/", views.interest_create, name="interest_create"),
]
