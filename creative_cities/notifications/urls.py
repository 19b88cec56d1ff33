from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("me/notifications/", views.notification_list, name="notification_list"),
    path("me/notifications/read/", views.notification_read_all, name="notification_read_all"),
    path("me/notifications/settings/", views.notification_settings, name="notification_settings"),
    path("me/notifications/<int:pk>/", views.notification_open, name="notification_open"),
]
