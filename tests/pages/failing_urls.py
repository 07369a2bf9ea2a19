"""The site's URLs plus one view that fails, to see the 500 page a visitor gets."""

from django.urls import path

from osce_cms.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("A bug")


urlpatterns = [*site_urlpatterns, path("fail/", fail)]
