from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from news import views as news_views

urlpatterns = [
    path("", news_views.home, name="home"),
    path("news/", include("news.urls")),
    path("", include("taxonomy.urls")),
    path("structures/", include("structures.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
