"""Signals the news app sends where Django's model signals say nothing.

`content_changed` announces a write that sends no model signal (QuerySet.update(),
bulk_create(), COPY, a restored database) and may change what the public pages show. The
public site listens (newsroom/invalidation.py); news sends it without knowing who listens,
so that news never imports the public site. `sender` is the model whose rows were written,
or None when any may have been.
"""

from django.dispatch import Signal

content_changed = Signal()
