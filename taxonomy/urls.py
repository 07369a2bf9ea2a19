from django.urls import path

from taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("fields-of-work/", views.field_list, name="field-list"),
    path("fields-of-work/<slug:slug>/", views.field_detail, name="field-detail"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<slug:slug>/", views.country_detail, name="country-detail"),
]
