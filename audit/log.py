"""Writing an audit entry: the actor and origin come from the request being answered."""

from audit.middleware import current_request
from audit.models import SYSTEM, Entry
from osce_cms.security import client_ip

# Longest value kept for a field's before and after, and for an object's text.
VALUE_LENGTH = 200
# Field names whose values are never written to the log (only that they changed).
SECRET_PARTS = ("password", "token", "secret")
HIDDEN = "***"


def cut(text, length=VALUE_LENGTH):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def plain(value):
    """A field's value as the log keeps it: JSON's own types as they are, the rest as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return cut(value)


def is_secret(name):
    return any(part in name for part in SECRET_PARTS)


def actor():
    """(user or None, origin): the signed-in user and client address of the current request;
    (None, "system") outside one."""
    request = current_request.get()
    if request is None:
        return None, SYSTEM
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        user = None
    return user, client_ip(request) or SYSTEM


def record(action, obj=None, *, model="", object_id="", changes=None, note="", user=None):
    """Write one entry about `obj` (or the `model` label and `object_id` given)."""
    request_user, origin = actor()
    user = user or request_user
    # An account deleting itself: its name is kept, the key to the deleted row cannot be.
    linked = None if user is not None and _is_same(user, obj, action) else user
    if obj is not None:
        model = model or obj._meta.label_lower
        object_id = object_id or ("" if obj.pk is None else str(obj.pk))
    return Entry.objects.create(
        user=linked,
        username=user.get_username() if user is not None else "",
        origin=origin,
        action=action,
        model=model,
        object_id=cut(object_id, 64),
        object_repr=cut(obj) if obj is not None else "",
        changes=changes or {},
        note=note,
    )


def _is_same(user, obj, action):
    return action == Entry.Action.DELETE and obj is not None and obj == user
