"""The public addresses that are in no language: the sitemap, which lists every language's
pages with their alternates, and robots.txt."""

from django.urls import path

from newsroom import sitemaps, views

urlpatterns = [
    # The index of the child sitemaps, and each of them (newsroom/sitemaps.py).
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
