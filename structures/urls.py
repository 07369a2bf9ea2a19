from django.urls import path

app_name = "structures"

urlpatterns = []
