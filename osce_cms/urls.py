from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from news import term_urls
from news import views as news_views
from news.sitemaps import sitemaps
from osce_cms import views as site_views

urlpatterns = [
    path("", news_views.home, name="home"),
    path("news/", include("news.urls")),
    path("", include(term_urls.taxonomy_patterns)),
    path("structures/", include(term_urls.structure_patterns)),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", news_views.robots_txt, name="robots-txt"),
    path("healthz/", site_views.healthz, name="healthz"),
    path("readyz/", site_views.readyz, name="readyz"),
]

# An unavailable database raised outside a view still answers 503 (osce_cms/middleware.py).
handler500 = "osce_cms.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
