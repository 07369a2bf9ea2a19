"""Typed text is never lost to an expired session or a failed upload.

An admin form posted by a session that has expired (signed out when idle, or at the end of
the day) is kept in the database, not thrown away by the redirect to the login page: the
login page then leads back to the form, filled in with what was posted, for the editor to
check and save. Files are not kept (the editor chooses them again), nor passwords.

Who may get a kept post back: the browser that posted it, signed in again as anyone who
may change that object. The post carries no user (its session is gone), so it is bound to
three things instead: the form's path; a 256-bit token in the link back to the form, stored
here only as a hash; and a random key in an HTTP-only cookie of the browser that posted,
also stored as a hash, so that the link alone (in a log, a history, a Referer) shows
nothing. The admin's own permission checks run before the kept values are shown.

A kept post lasts KEEP_FOR. Reading it never writes: it is deleted when the form it fills
is saved, or purged once expired, when a new one is kept. Since anyone can post to an admin
form, what is kept is bounded: MAX_ROWS posts of at most MAX_BYTES each.

A storage failure while saving (a full disk, a permission denied: an OSError from the
storage) rolls the whole save back and shows the form again with the text and the error.
"""

import hashlib
import json
import logging
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

KEEP_FOR = timedelta(hours=24)
MAX_ROWS = 200
MAX_BYTES = 1024 * 1024
# The query parameter of the link back to the form, and the browser's cookie.
PARAMETER = "kept"
COOKIE = "kept_posts"
# Never kept, whatever form they come from.
UNKEPT = {"csrfmiddlewaretoken"}


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()


class KeptPost(models.Model):
    """An admin form as posted by a session that had expired, until it is saved."""

    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    browser_hash = models.CharField(_("browser key hash"), max_length=64)
    path = models.CharField(_("path"), max_length=500)
    data = models.JSONField(_("posted values"))
    file_names = models.JSONField(_("files not kept"), default=list, blank=True)
    created_at = models.DateTimeField(_("kept at"), default=timezone.now)

    class Meta:
        app_label = "news"
        ordering = ["-created_at"]
        verbose_name = _("kept post")
        verbose_name_plural = _("kept posts")
        indexes = [
            # The purge of expired posts: created_at < now - KEEP_FOR.
            models.Index(fields=["created_at"], name="news_keptpost_created_idx"),
        ]

    def __str__(self):
        return f"{self.path} ({self.created_at:%Y-%m-%d %H:%M})"

    def as_query_dict(self):
        data = QueryDict(mutable=True)
        for name, values in self.data.items():
            data.setlist(name, values)
        return data


def keep(request):
    """Keep `request`'s posted values: (token, browser key), or None if they cannot be."""
    if len(request.path) > KeptPost._meta.get_field("path").max_length:
        return None
    KeptPost.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    if KeptPost.objects.count() >= MAX_ROWS:
        logger.warning("Not keeping an expired session's post to %s: %d kept", request.path,
                       MAX_ROWS)
        return None
    data = {
        name: request.POST.getlist(name)
        for name in request.POST
        if name not in UNKEPT and "password" not in name.lower()
    }
    if len(json.dumps(data)) > MAX_BYTES:
        return None
    token = secrets.token_urlsafe(32)
    browser = request.COOKIES.get(COOKIE, "")
    if not 32 <= len(browser) <= 64:
        browser = secrets.token_urlsafe(32)
    KeptPost.objects.create(
        token_hash=_digest(token),
        browser_hash=_digest(browser),
        path=request.path,
        data=data,
        file_names=[upload.name[:100] for upload in request.FILES.values()],
    )
    return token, browser


def find(request):
    """The post kept for this form and this browser, by the token in the URL, or None."""
    token, browser = request.GET.get(PARAMETER, ""), request.COOKIES.get(COOKIE, "")
    if not token or not browser:
        return None
    kept = KeptPost.objects.filter(
        token_hash=_digest(token),
        path=request.path,
        created_at__gte=timezone.now() - KEEP_FOR,
    ).first()
    if kept is None or not secrets.compare_digest(kept.browser_hash, _digest(browser)):
        return None
    return kept


class KeptPostMiddleware:
    """Keeps what an expired session posts to an admin form, and finds it again.

    In process_view, after CsrfViewMiddleware's (so a post without a valid CSRF token is
    refused as before) and before the admin's own redirect to the login page. Only for admins
    that can put a kept post back into their form (KeepTypedTextMixin). After
    AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)
        if not isinstance(model_admin, KeepTypedTextMixin):
            return None
        info = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}"
        if request.resolver_match.url_name not in {f"{info}_add", f"{info}_change"}:
            return None
        if model_admin.admin_site.has_permission(request):
            if PARAMETER in request.GET:
                request.kept_post = find(request)
                if request.kept_post is None and request.method == "GET":
                    messages.warning(
                        request,
                        gettext(
                            "The changes kept for you could not be found: they are kept for "
                            "24 hours, until saved, and only for the browser they were typed in."
                        ),
                    )
            return None
        if request.method != "POST":
            return None
        kept = keep(request)
        if kept is None:
            return None
        token, browser = kept
        # Imported here: this module is loaded with the app's models, before auth's forms.
        from django.contrib.auth.views import redirect_to_login

        message = gettext("Your session has expired. What you typed is kept: sign in again.")
        if request.FILES:
            message += " " + gettext("The files you chose are not kept: choose them again.")
        messages.info(request, message)
        response = redirect_to_login(
            f"{request.path}?{PARAMETER}={token}",
            reverse("admin:login", current_app=model_admin.admin_site.name),
        )
        response.set_cookie(
            COOKIE,
            browser,
            max_age=int(KEEP_FOR.total_seconds()),
            path=reverse("admin:index", current_app=model_admin.admin_site.name),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response


class KeepTypedTextMixin:
    """For a ModelAdmin: puts a kept post back into its form, and turns a storage failure
    while saving into a form error instead of a 500.

    The admin's own get_form() passes its form class through kept_form(), and its add_view()
    and change_view() run the view they extend through keeping_typed_text(), around the
    transaction (and revision) of the save, so that a failed save is rolled back before the
    form is shown again.
    """

    # The form, formsets and message of a request showing a kept post or a storage failure.

    def shown_kept_post(self, request, obj):
        """The kept post to show in this GET's form, if the user may change `obj`."""
        kept = getattr(request, "kept_post", None)
        if kept is None or request.method != "GET":
            return None
        allowed = (
            self.has_add_permission(request)
            if obj is None
            else self.has_change_permission(request, obj)
        )
        return kept if allowed else None

    def kept_form(self, request, obj, form):
        """`form`, the admin's form class, as this request shows it: bound to a kept post, or
        refusing to save after a storage failure."""
        failure = getattr(request, "storage_failure", None)
        if failure is not None:
            return _refusing(form, failure)
        kept = self.shown_kept_post(request, obj)
        if kept is not None:
            request.kept_post_shown = kept
            return _bound_to(form, kept.as_query_dict())
        return form

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if getattr(request, "storage_failure", None) is not None:
            kwargs["files"] = MultiValueDict()
        kept = getattr(request, "kept_post_shown", None)
        if kept is not None and request.method == "GET":
            kwargs.update(data=kept.as_query_dict(), files=MultiValueDict())
        return kwargs

    def render_change_form(self, request, context, *args, **kwargs):
        kept = getattr(request, "kept_post_shown", None)
        if kept is not None and request.method == "GET":
            messages.info(request, gettext("Your unsaved changes were kept: check them and save."))
            if kept.file_names:
                messages.warning(
                    request,
                    gettext("These files were not kept: %(names)s. Choose them again.")
                    % {"names": ", ".join(kept.file_names)},
                )
        return super().render_change_form(request, context, *args, **kwargs)

    # Saved: the kept post has done its work.

    def response_add(self, request, obj, *args, **kwargs):
        self.forget_kept_post(request)
        return super().response_add(request, obj, *args, **kwargs)

    def response_change(self, request, obj):
        self.forget_kept_post(request)
        return super().response_change(request, obj)

    def forget_kept_post(self, request):
        kept = getattr(request, "kept_post", None)
        if kept is not None:
            kept.delete()

    # A storage failure: the save is rolled back, then the form shown again.

    def keeping_typed_text(self, view, request, *args):
        """`view(request, *args)`; after a storage failure, which rolled its save back, the
        same view again, showing the form with the text and the error."""
        try:
            return view(request, *args)
        except OSError as error:
            self.note_storage_failure(request, error)
            return view(request, *args)

    def note_storage_failure(self, request, error):
        if request.method != "POST" or getattr(request, "storage_failure", None) is not None:
            raise error
        logger.error("Storage failure while saving %s", request.path, exc_info=error)
        # The reason without the server's paths.
        reason = error.strerror or error.__class__.__name__
        if request.FILES:
            message = gettext(
                "The file could not be stored: %(reason)s. Nothing was saved. Your text is "
                "kept; choose the file again."
            )
        else:
            message = gettext(
                "Your changes could not be stored: %(reason)s. Nothing was saved. Your text is "
                "kept; save again."
            )
        request.storage_failure = message % {"reason": reason}


def _bound_to(form_class, data):
    """`form_class`, bound to `data` when the admin creates it unbound."""

    class Restored(form_class):
        def __init__(self, *args, **kwargs):
            if not args and "data" not in kwargs:
                args = (data, MultiValueDict())
            super().__init__(*args, **kwargs)

    Restored.__name__ = form_class.__name__
    return Restored


def _refusing(form_class, message):
    """`form_class` without the uploads (they are gone), refusing to save with `message`."""

    class Refusing(form_class):
        def __init__(self, *args, **kwargs):
            if len(args) > 1:
                args = (args[0], MultiValueDict(), *args[2:])
            super().__init__(*args, **kwargs)

        def clean(self):
            cleaned_data = super().clean()
            self.add_error(None, forms.ValidationError(message, code="storage_failure"))
            return cleaned_data

    Refusing.__name__ = form_class.__name__
    return Refusing
