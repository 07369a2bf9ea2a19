from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from osce_cms import views as site_views
from osce_cms.navigation import MenusView
from structures import invitations
from structures import views as structure_views

# The site's name in the admin's header and its pages' titles (templates/admin/base_site.html).
admin.site.site_header = admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    # Embargo links and their admin pages, before the admin's catch-all (embargoes/urls.py).
    path("", include("embargoes.urls")),
    # A new member of staff chooses their password (structures/invitations.py).
    path(
        "admin/invitation/<uidb64>/<token>/",
        invitations.accept_invitation,
        name="staff-invitation",
    ),
    path("admin/", admin.site.urls),
    path("healthz/", site_views.healthz, name="healthz"),
    path("readyz/", site_views.readyz, name="readyz"),
    # The public JSON API (api/urls.py) and email alerts (alerts/urls.py).
    path("api/", include("api.urls")),
    # The sitemap (every language's addresses, with their alternates) and robots.txt.
    path("", include("newsroom.urls_unprefixed")),
]

# Everything a visitor reads, under its language: /en/news/, /ru/news/… (settings.LANGUAGES).
# An address without a language is redirected to the visitor's (Accept-Language, else the
# default) by django.middleware.locale.LocaleMiddleware, with Vary: Accept-Language and no
# cookie; an unknown language is a 404.
urlpatterns += i18n_patterns(
    path("alerts/", include("alerts.urls")),
    path("menus/", MenusView.as_view(), name="menus"),
    path("field-operations/", structure_views.field_operations, name="field-operations"),
    # The footer's pages, written in the admin (pages/).
    path("", include("pages.urls")),
    # Everything a visitor reaches (newsroom/urls.py).
    path("", include("meetings.urls")),  # /meetings/<series>/<meeting>/
    path("", include("newsroom.urls")),
)

# An unavailable database raised outside a view still answers 503 (osce_cms/middleware.py).
handler500 = "osce_cms.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
