"""What the audit log listens to: every save, deletion and change of a many-to-many relation of
the models of AUDITED_APPS, connected to each of them from the app registry so that models
added later (an app's new model, a new app named here) are logged without more code.

The values before a change are read in pre_save, one query by primary key for the fields being
saved: exact whatever saved the object (the admin, a service, a command), and paid on writes
only, never on the public site's reads.
"""

from django.apps import apps
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from audit.log import HIDDEN, actor, is_secret, plain, record
from audit.models import Entry

Action = Entry.Action

# Apps whose every model is logged: content, taxonomy, meetings and the news attached to
# them, roles, embargoes (shares, revokes).
AUDITED_APPS = {"news", "embargoes", "taxonomy", "structures", "meetings", "auth"}
# Apps whose deletions by staff only are logged (a subscription removed in the admin): a
# reader's own unsubscribing leaves nothing of the alert, its address included.
STAFF_DELETIONS_APPS = {"alerts"}
# Rows that are no one's act, or a log of their own: a form kept across an expired session
# (news/kept_posts.py), an embargo link's openings (embargoes: a recipient reading).
NOT_AUDITED = {"news.keptpost", "embargoes.opening"}
# Link tables edited row by row (an admin inline), not through the relation's manager: logged
# as rows, since no m2m_changed tells of them.
LOGGED_AS_ROWS = {"meetings.meetingnews"}
# Saves that change nothing but these are not logged (signing in, the edit time).
ROUTINE_FIELDS = {"last_login", "updated_at"}

_through_models = None


def through_models():
    """Link tables of many-to-many fields: their rows are logged as the relation's change."""
    global _through_models
    if _through_models is None:
        _through_models = {
            field.remote_field.through
            for model in apps.get_models()
            for field in model._meta.many_to_many
            if getattr(field.remote_field, "through", None) is not None
        }
    return _through_models


def is_audited(model, deletion=False):
    opts = model._meta
    if model.__module__ == "__fake__":  # a migration's historical model
        return False
    if opts.label_lower in NOT_AUDITED:
        return False
    if model in through_models() and opts.label_lower not in LOGGED_AS_ROWS:
        return False
    if opts.app_label in STAFF_DELETIONS_APPS:
        if not deletion:
            return False
        user, _origin = actor()
        return user is not None and user.is_staff
    return opts.app_label in AUDITED_APPS


def logged_fields(model, update_fields=None):
    """The concrete fields whose values a change records (by attname: a key's id)."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and (update_fields is None or field.name in update_fields)
    ]


def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None or not is_audited(sender):
        instance._audit_before = None
        return
    fields = logged_fields(sender, update_fields)
    instance._audit_before = (
        sender._base_manager.using(kwargs.get("using"))
        .filter(pk=instance.pk)
        .values(*[field.attname for field in fields])
        .first()
    )


def after_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or not is_audited(sender):
        return
    from news.models import Transition

    if sender is Transition:
        if created:
            record_transition(instance)
        return
    if created:
        record(Action.CREATE, instance)
        return
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if before is None:  # saved with a primary key that was not stored yet
        record(Action.CREATE, instance)
        return
    changes = {}
    for field in logged_fields(sender, update_fields):
        old, new = plain(before.get(field.attname)), plain(getattr(instance, field.attname))
        if old != new:
            hidden = is_secret(field.name)
            changes[field.name] = {
                "before": HIDDEN if hidden else old,
                "after": HIDDEN if hidden else new,
            }
    if set(changes) - ROUTINE_FIELDS:
        record(Action.CHANGE, instance, changes=changes)


def record_transition(transition):
    """A status move, logged on its item (news.services records the Transition)."""
    record(
        Action.STATE,
        transition.news,
        changes={"status": {"before": transition.from_status, "after": transition.to_status}},
        note=transition.note,
        user=transition.by,
    )


def after_delete(sender, instance, origin=None, **kwargs):
    """A deletion, unless it only follows from another one (a cascade): that one is logged."""
    if not is_audited(sender, deletion=True):
        return
    if isinstance(origin, QuerySet):
        started_here = origin.model is sender
    else:
        started_here = origin is None or (type(origin) is sender and origin.pk == instance.pk)
    if started_here:
        record(Action.DELETE, instance)


def relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Terms added to or removed from an item, groups and permissions given or taken away."""
    if not (is_audited(type(instance)) or sender._meta.app_label in AUDITED_APPS):
        return
    if type(instance).__module__ == "__fake__":
        return
    name = relation_name(sender, instance, reverse)
    if action == "pre_clear":
        # Who is about to be removed: a clear() says no names afterwards.
        manager = getattr(instance, name, None)
        instance._audit_cleared = [str(obj) for obj in manager.all()] if manager else []
        return
    if action == "post_clear":
        removed = getattr(instance, "_audit_cleared", [])
        if removed:
            record(Action.CHANGE, instance, changes={name: {"removed": removed}})
        return
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    names = sorted(str(obj) for obj in model._base_manager.filter(pk__in=pk_set))
    key = "added" if action == "post_add" else "removed"
    record(Action.CHANGE, instance, changes={name: {key: names}})


def relation_name(through, instance, reverse):
    """The name of the relation on `instance` whose link table is `through`."""
    for field in type(instance)._meta.get_fields():
        if reverse and field.auto_created and getattr(field, "through", None) is through:
            return field.get_accessor_name()
        if not reverse and field.many_to_many and not field.auto_created:
            if getattr(field.remote_field, "through", None) is through:
                return field.name
    return through._meta.model_name


def connect():
    """Connect the receivers to each model of the audited apps, found in the app registry at
    start-up (so a model added to them later is covered), and to nothing else: a model no
    receiver listens to keeps Django's fast deletion (one DELETE, no rows loaded)."""
    for model in apps.get_models(include_auto_created=True):
        uid = f"audit_{model._meta.label_lower}"
        if model in through_models() and model._meta.app_label in AUDITED_APPS:
            m2m_changed.connect(relation_changed, sender=model, dispatch_uid=f"{uid}_m2m")
        if model._meta.app_label in STAFF_DELETIONS_APPS:
            post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}_delete")
        elif is_audited(model):
            pre_save.connect(before_save, sender=model, dispatch_uid=f"{uid}_before")
            post_save.connect(after_save, sender=model, dispatch_uid=f"{uid}_after")
            post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}_delete")
