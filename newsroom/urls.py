"""Every address a visitor reaches, under its language (osce_cms/urls.py): the home page,
the news list, items and their feeds, the term pages. The sitemap and robots.txt, which are
not in a language, are in newsroom/urls_unprefixed.py.

The namespaces are those of the models' get_absolute_url(): "news" for items, "taxonomy" for
fields of work, countries and meetings, "structures" for structures.
"""

from django.urls import include, path

from newsroom import feeds, items, lists, previews, terms, views

news_patterns = (
    [
        path("", lists.news_list, name="list"),
        # Before the items: an item's slug cannot be "rss" or "atom".
        path("rss/", feeds.NewsRssFeed(), name="rss"),
        path("atom/", feeds.NewsAtomFeed(), name="atom"),
        # Private views of unpublished items (two segments, so no item's page is shadowed).
        path("preview/<int:pk>/", previews.preview, name="preview"),
        path(
            "preview/<int:pk>/attachments/<int:attachment_pk>/",
            previews.preview_attachment,
            name="preview-attachment",
        ),
        path("shared-preview/<slug:token>/", previews.shared_preview, name="shared-preview"),
        path(
            "shared-preview/<slug:token>/attachments/<int:attachment_pk>/",
            previews.shared_preview_attachment,
            name="shared-preview-attachment",
        ),
        path("<slug:slug>/", items.ItemView.as_view(), name="detail"),
        path(
            "<slug:slug>/attachments/<int:attachment_pk>/",
            items.AttachmentView.as_view(),
            name="attachment",
        ),
    ],
    "news",
)

taxonomy_patterns = (
    [
        path("fields-of-work/", terms.field_list, name="field-list"),
        path("fields-of-work/<slug:slug>/", terms.FieldView.as_view(), name="field-detail"),
        path("meetings/", terms.meeting_list, name="meeting-list"),
        path("meetings/<slug:slug>/", terms.MeetingView.as_view(), name="meeting-detail"),
        path("countries/", terms.country_list, name="country-list"),
        path("countries/<slug:slug>/", terms.CountryView.as_view(), name="country-detail"),
    ],
    "taxonomy",
)

structure_patterns = (
    [
        path("", terms.structure_list, name="list"),
        path("<slug:slug>/", terms.StructureView.as_view(), name="detail"),
    ],
    "structures",
)

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", include(news_patterns)),
    path("", include(taxonomy_patterns)),
    path("structures/", include(structure_patterns)),
]
