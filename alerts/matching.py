"""Which subscriptions follow which new items: each distinct stored query is asked once.

A subscription's query is the /news/ list's query string. It is read by the list's own
filters (newsroom/filters.py NewsFilter) and applied through their queryset path, to the
published items among the new ones only: the same answer as the list gives, on SQLite and
PostgreSQL, without the in-memory index of the public news (a worker has none).
"""

import logging

from django.http import QueryDict

from alerts.models import Subscription
from news.models import NewsItem
from newsroom.results import Reading

log = logging.getLogger(__name__)


def confirmed():
    """Subscriptions that may be sent alerts: confirmed by their address (double opt-in)."""
    return Subscription.objects.filter(confirmed_at__isnull=False)


def matching_items(queries, item_ids):
    """{query: set of the ids among `item_ids` its list would show now}, for each query of
    `queries` that shows any. A query that no longer reads (a term it names was deleted or
    is used by no public item any more) is logged and skipped, never fatal."""
    reading = Reading()  # the taxonomy read once for every query
    new = NewsItem.objects.published().filter(pk__in=item_ids)
    found = {}
    for query in queries:
        filterset = reading.filterset(QueryDict(query))
        if not filterset.is_valid():
            log.warning(
                "Alerts: stored filters %r no longer read (%s); skipped.",
                query,
                filterset.form.errors.as_text().replace("\n", " "),
            )
            continue
        ids = set(filterset.filter_queryset(new).values_list("pk", flat=True))
        if ids:
            found[query] = ids
    return found


def by_item(items):
    """{item id: the distinct queries whose list shows that item}, for `items` (published
    NewsItems), asking each distinct query of the subscriptions that consented before some
    item was published (the others are sent none of these) once."""
    if not items:
        return {}
    latest = max(item.published_at for item in items)
    queries = (
        confirmed()
        .filter(confirmed_at__lte=latest)
        .order_by()
        .values_list("query", flat=True)
        .distinct()
    )
    found = {item.pk: [] for item in items}
    for query, ids in matching_items(list(queries), [item.pk for item in items]).items():
        for item_id in ids:
            found[item_id].append(query)
    return found
