from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from api import views

app_name = "api"

urlpatterns = [
    path("v1/news/", views.NewsListView.as_view(), name="news-list"),
    path("v1/news/<slug:slug>/", views.NewsItemView.as_view(), name="news-detail"),
    path("v1/fields-of-work/", views.FieldOfWorkListView.as_view(), name="field-list"),
    path("v1/countries/", views.CountryListView.as_view(), name="country-list"),
    path("v1/structures/", views.StructureListView.as_view(), name="structure-list"),
    path("v1/meetings/", views.MeetingSeriesListView.as_view(), name="meeting-list"),
    path("v1/schema/", SpectacularJSONAPIView.as_view(authentication_classes=()), name="schema"),
    path("v1/docs/", views.DocsView.as_view(), name="docs"),
    re_path(r"^.*$", views.NotFoundView.as_view(), name="not-found"),
]
