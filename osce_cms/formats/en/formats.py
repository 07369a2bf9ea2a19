"""English formats of the site (FORMAT_MODULE_PATH = ["osce_cms.formats"]): Django's own,
but times on the 24-hour clock with their zone ("Dec. 6, 2026, 15:04 CET"). Django's
"3:04 p.m." ended every sentence that closes on a time with "p.m.."; and the organisation
works in one zone (TIME_ZONE, Vienna) with staff in many, so a time says which it is."""

from django.conf.locale.en.formats import *  # noqa: F403

# A day as pages show it ("5 December 2026"); other languages keep Django's own
# ("5 декабря 2026 г.", "5. Dezember 2026").
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "N j, Y, H:i T"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
