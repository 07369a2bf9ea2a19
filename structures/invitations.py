"""Invitations for new staff: instead of a password chosen by whoever adds them, an email
with a link (Django's password-reset token, valid for PASSWORD_RESET_TIMEOUT) with which
they choose their own. The link works until a password is set (the token depends on it).

Unlike Django's PasswordResetConfirmView, the token stays in the address rather than being
moved into the session on GET: a GET writes nothing. The page asks not to be sent as a
referrer, so the token does not leave with a link followed from it.
"""

import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters


def invitation_url(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("staff-invitation", args=[uid, token]))


def send_invitation(request, user):
    """Email `user` the link to choose their password; raises what sending raises."""
    days = datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT).days
    context = {
        "user": user,
        "url": invitation_url(request, user),
        "site_name": settings.SITE_NAME,
        "days": max(days, 1),
        "invited_by": request.user.get_full_name() or request.user.get_username(),
    }
    subject = _("Your account on %(site)s") % {"site": settings.SITE_NAME}
    body = render_to_string("structures/invitation_email.txt", context, request=request)
    send_mail(subject, body, None, [user.email])


def invited_user(uidb64, token):
    """The user the link names, if its token is still good."""
    User = get_user_model()
    try:
        user = User._default_manager.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    if not user.is_active or not default_token_generator.check_token(user, token):
        return None
    return user


@never_cache
@sensitive_post_parameters()
def accept_invitation(request, uidb64, token):
    """The invited person chooses their password, then signs in."""
    user = invited_user(uidb64, token)
    form = None
    if user is not None:
        form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            form.save()
            messages.success(request, _("Your password is set. Sign in with it."))
            return redirect("admin:login")
    context = {
        **admin.site.each_context(request),
        "form": form,
        "validlink": user is not None,
        "title": _("Choose your password"),
    }
    response = TemplateResponse(
        request,
        "registration/password_reset_confirm.html",
        context,
        status=200 if user is not None else 404,
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
