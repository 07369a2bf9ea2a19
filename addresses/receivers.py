"""Recording old slugs: when a page's slug changes, the one it had is kept (models.OldSlug).

pre_save reads the slug the row has in the database (one query, only for a row that exists);
post_save keeps it once the row is saved. A chain a → b → c leaves a and b both pointing to
the object, so each redirects to its current address in one hop. Writes that send no signal
(QuerySet.update(), bulk_create()) record nothing.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save

from addresses.models import OldSlug


def connect():
    for label in OldSlug.Kind.values:
        model = apps.get_model(label)
        uid = f"addresses:{label}"
        pre_save.connect(read_slug, sender=model, dispatch_uid=f"{uid}:pre")
        post_save.connect(keep_old_slug, sender=model, dispatch_uid=f"{uid}:post")
        post_delete.connect(forget, sender=model, dispatch_uid=f"{uid}:delete")


def read_slug(sender, instance, update_fields=None, **kwargs):
    # Raw saves too: reversion restores a revision with one (the admin's form then saves over
    # it), and a revision may bring back an older slug.
    instance._slug_before_save = None
    if instance.pk is None or (update_fields is not None and "slug" not in update_fields):
        return
    before = sender._base_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if before and before != instance.slug:
        instance._slug_before_save = before


def keep_old_slug(sender, instance, **kwargs):
    old = getattr(instance, "_slug_before_save", None)
    if old is None:
        return
    instance._slug_before_save = None
    # An old slug that belonged to another object now belongs to this one: the latest wins.
    OldSlug.objects.update_or_create(
        kind=OldSlug.kind_of(sender), slug=old, defaults={"object_id": instance.pk}
    )


def forget(sender, instance, **kwargs):
    """A deleted object's old addresses answer 404 like its own."""
    OldSlug.objects.filter(kind=OldSlug.kind_of(sender), object_id=instance.pk).delete()
