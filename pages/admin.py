"""The footer pages are edited under "Flat pages". The sites framework is there only because
flatpages needs it: the one site is made by pages/0001, so its admin is not offered."""

from django.contrib import admin
from django.contrib.sites.models import Site

admin.site.unregister(Site)
