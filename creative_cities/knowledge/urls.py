from django.urls import path

from . import feeds, search_views, views

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", search_views.search, name="search"),
    path("knowledge/export.csv", search_views.search_export, name="search_export"),
    path("knowledge/feed/rss/", feeds.ItemRssFeed(), name="feed_rss"),
    path("knowledge/feed/atom/", feeds.ItemAtomFeed(), name="feed_atom"),
    path("knowledge/new/", views.item_create, name="item_create"),
    path("knowledge/review/", views.review_queue, name="review_queue"),
    path("knowledge/transfers/", views.transfers, name="transfers"),
    path("knowledge/cities/<slug:slug>/", views.city_knowledge, name="city_knowledge"),
    path("knowledge/fields/<slug:code>/", views.field_knowledge, name="field_knowledge"),
    path("knowledge/<slug:slug>/", views.item_detail, name="item_detail"),
    path("knowledge/<slug:slug>/edit/", views.item_edit, name="item_edit"),
    path("knowledge/<slug:slug>/submit/", views.item_submit, name="item_submit"),
    path("knowledge/<slug:slug>/review/", views.item_review, name="item_review"),
    path("knowledge/<slug:slug>/unpublish/", views.item_unpublish, name="item_unpublish"),
    path("knowledge/<slug:slug>/translations/", views.item_translations, name="item_translations"),
    path(
        "knowledge/<slug:slug>/translations/<str:language>/delete/",
        views.item_translation_delete,
        name="item_translation_delete",
    ),
    path("knowledge/<slug:slug>/attachments/", views.item_attachments, name="item_attachments"),
    path(
        "knowledge/<slug:slug>/attachments/<int:pk>/remove/",
        views.item_attachment_remove,
        name="item_attachment_remove",
    ),
    path("knowledge/<slug:slug>/contact/", views.item_contact, name="item_contact"),
    path("knowledge/<slug:slug>/versions/", views.item_versions, name="item_versions"),
]
