from django.urls import path

from pages import views
from pages.models import Page

app_name = "pages"

urlpatterns = [path(f"{slot}/", views.page, {"slot": slot}, name=slot) for slot in Page.Slot.values]
