"""URLs of the term pages, in the namespaces the terms' get_absolute_url() use."""

from django.urls import path

from news import term_views as views

taxonomy_patterns = (
    [
        path("fields-of-work/", views.field_list, name="field-list"),
        path("fields-of-work/<slug:slug>/", views.field_detail, name="field-detail"),
        path("meetings/", views.meeting_list, name="meeting-list"),
        path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
        path("countries/", views.country_list, name="country-list"),
        path("countries/<slug:slug>/", views.country_detail, name="country-detail"),
    ],
    "taxonomy",
)

structure_patterns = (
    [
        path("", views.structure_list, name="list"),
        path("<slug:slug>/", views.structure_detail, name="detail"),
    ],
    "structures",
)
