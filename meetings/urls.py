from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    # Under the series' page (taxonomy:meeting-detail, /meetings/<series>/).
    path("meetings/<slug:series>/<slug:slug>/", views.MeetingView.as_view(), name="detail"),
]
