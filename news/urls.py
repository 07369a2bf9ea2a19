from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    # Before the items: an item's slug cannot be "rss" or "atom".
    path("rss/", feeds.NewsRssFeed(), name="rss"),
    path("atom/", feeds.NewsAtomFeed(), name="atom"),
    # Private views of unpublished items (two segments, so no item's page is shadowed).
    path("preview/<int:pk>/", views.preview, name="preview"),
    path(
        "preview/<int:pk>/attachments/<int:attachment_pk>/",
        views.preview_attachment,
        name="preview-attachment",
    ),
    path("shared-preview/<slug:token>/", views.shared_preview, name="shared-preview"),
    path(
        "shared-preview/<slug:token>/attachments/<int:attachment_pk>/",
        views.shared_preview_attachment,
        name="shared-preview-attachment",
    ),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/attachments/<int:pk>/", views.attachment, name="attachment"),
]
