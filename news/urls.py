from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("<slug:slug>/", views.detail, name="detail"),
]
