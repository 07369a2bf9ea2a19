"""{% site_name %}: settings.SITE_NAME for the error pages rendered without a context (500,
503), so that their titles read "Title – Site name" like every other page. Registered as the
template library "site" (settings.TEMPLATES)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name():
    return settings.SITE_NAME
