"""{% desk_queue %}: the queue on the admin home (templates/admin/index.html).

A tag rather than a view of our own, so that the admin's index stays Django's: the tag reads
everything in desk.queue.queue() before rendering, and the template only loops over lists."""

from django import template

from desk.queue import queue

register = template.Library()


@register.inclusion_tag("desk/queue.html", takes_context=True)
def desk_queue(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    parts = queue(user) if user is not None and user.is_authenticated else []
    return {"parts": parts}
