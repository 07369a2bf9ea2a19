"""Who may do what with news, each rule named once.

The roles (groups made by a migration): publishers write news for their structures and what
is under them; editors (publish_newsitem, edit_any_newsitem) edit any item and publish,
schedule and withdraw; taxonomy managers keep the terms. Which items a user reaches is
NewsItemQuerySet.editable_by(), built on publisher_structure_ids() and may_edit_any().
"""

from structures.models import Structure


def may_publish(user):
    """Whether `user` may publish, schedule and withdraw (the items they reach)."""
    return user.is_active and user.has_perm("news.publish_newsitem")


def may_edit_any(user):
    """Whether `user` may edit items of any structure (superusers have every permission)."""
    return user.is_active and user.has_perm("news.edit_any_newsitem")


def publisher_structure_ids(user):
    """Ids of the structures `user` publishes for: their memberships and everything under them.

    The one statement of a publisher's reach, used by NewsItemQuerySet.editable_by() and by the
    admin's choice of lead structure.
    """
    return Structure.objects.subtree_ids(
        user.structure_memberships.values_list("structure", flat=True)
    )
