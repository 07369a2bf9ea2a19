"""Counts exact: the numbers a /news/ page shows against a plain ORM count of the same filter.

`parse_page()` reads the number of results and the facet counts from the HTML a visitor
gets; `expected()` counts NewsItem.objects.published() narrowed by the URL's parameters,
written here without the site's FilterSet or counting (only the table of facets says which
parameter is which); `check()` compares a page's numbers with those counts.
"""

import html
import re
from urllib.parse import parse_qsl, urlsplit

# The number of results opens the heading, in any language ("1,234 results", "1 234
# результата", "1 234 résultats"), its thousands separated as the language separates them.
TOTAL = re.compile(
    r'<h2 id="news-results-heading">\s*(\d+(?:[,.\u202f\xa0 ]\d{3})*)\s+[^\d\s]'
)
CHOICE = re.compile(r'<li class="facet-choice[^"]*">(.*?)</li>', re.S)
CHOICE_ID = re.compile(r'<input [^>]*id="facet-([a-z]+)-([^"]+)"')
CHOICE_COUNT = re.compile(r'class="facet-count"[^>]*>\s*(\d[\d,.\u202f\xa0 ]*)')
CHOICES_CHECKED = 4  # facet counts compared per page, besides the number of results


def number(text):
    return int(re.sub(r"\D", "", text))


def parse_page(text):
    """{"total": results or None, "choices": {(param, value): count}} of a /news/ page."""
    found = TOTAL.search(text)
    choices = {}
    for block in CHOICE.findall(text):
        ident, count = CHOICE_ID.search(block), CHOICE_COUNT.search(block)
        if ident and count:
            choices[(ident.group(1), html.unescape(ident.group(2)))] = number(count.group(1))
    return {"total": number(found.group(1)) if found else None, "choices": choices}


def query_params(path):
    """{name: [values]} of a URL's query, without page and sort (whether other languages are
    shown, `others`, is kept: it decides what the view selects)."""
    params = {}
    for name, value in parse_qsl(urlsplit(path).query):
        if name not in ("page", "sort") and value != "":
            params.setdefault(name, []).append(value)
    return params


def with_choice(params, param, value):
    """The parameters of the view that a facet choice's count stands for: `value` as the
    only choice of its facet, every other filter kept."""
    from newsroom.facets import FACET_OF

    facet = FACET_OF[param]
    changed = {name: values for name, values in params.items()}
    for other in facet.params:
        changed.pop(other.name, None)
    changed[param] = [value]
    return changed


def sampled_choices(choices, limit=CHOICES_CHECKED):
    """A few (param, value) of the page's choices: one of each facet in turn, non-zero
    counts first."""
    by_param = {}
    for key, _count in sorted(choices.items(), key=lambda entry: (entry[1] == 0, entry[0])):
        by_param.setdefault(key[0], []).append(key)
    picked, rounds = [], 0
    while len(picked) < limit and any(len(keys) > rounds for keys in by_param.values()):
        for keys in by_param.values():
            if len(keys) > rounds and len(picked) < limit:
                picked.append(keys[rounds])
        rounds += 1
    return picked


def expected(params, language="en"):
    """Published items the parameters select on a page in `language`, counted with the ORM
    from the models: with no language chosen, the page's language's items and, unless
    `others` says not, the others' with no translation in it (the rule written for the
    database, NewsItemQuerySet.in_language())."""
    from django.db.models import Q
    from django.utils import translation

    from news import search
    from news.models import RELATIONS, NewsItem, NewsSupportingStructure
    from newsroom.facets import FACETS, OTHERS, default_others
    from structures.models import Structure

    relations = {relation.name: relation for relation in RELATIONS}
    items = NewsItem.objects.published()
    if not params.get("language"):
        others = (params.get(OTHERS) or [default_others()])[0]
        items = items.in_language(language, others == "include")
    for facet in FACETS:
        chosen = {p.name: params[p.name] for p in facet.params if params.get(p.name)}
        if not chosen:
            continue
        if facet.narrowed == "column":
            values = [v for name in chosen for v in chosen[name]]
            if facet.lookup.endswith("__in"):
                items = items.filter(**{facet.lookup: values})
            else:
                items = items.filter(**{facet.lookup: values[0]})
        elif facet.narrowed == "issued_by":
            roots = Structure.objects.filter(slug__in=chosen[facet.params[0].name])
            ids = Structure.objects.subtree_ids(roots)
            supported = NewsSupportingStructure.objects.filter(structure__in=ids)
            items = items.filter(Q(lead_structure__in=ids) | Q(pk__in=supported.values("news")))
        else:
            relation = relations[facet.relation]
            term_ids = set()
            for param in facet.params:
                values = chosen.get(param.name)
                if not values:
                    continue
                model = relation.term
                if param.groups:
                    term_ids |= set(
                        model.objects.filter(group__in=values).values_list("pk", flat=True)
                    )
                elif "parent" in _field_names(model):
                    term_ids |= model.objects.subtree_ids(model.objects.filter(slug__in=values))
                else:
                    term_ids |= set(
                        model.objects.filter(slug__in=values).values_list("pk", flat=True)
                    )
            links = relation.link.objects.filter(**{f"{relation.term_key}__in": term_ids})
            items = items.filter(pk__in=links.values(relation.news_key))
    if params.get("from"):
        items = items.filter(date_issued__gte=params["from"][0])
    if params.get("to"):
        items = items.filter(date_issued__lte=params["to"][0])
    if params.get("q"):
        with translation.override(language):  # a search is read in the page's language
            items = search.matching(items, params["q"][0])
    return items.count()


def _field_names(model):
    return {field.name for field in model._meta.get_fields()}


def check(path, text, count=expected):
    """[{"path", "what", "shown", "expected"}] for every number on the page that differs
    from `count` (the plain count of a view's parameters); a page without a number of
    results is itself a difference."""
    page = parse_page(text)
    params = query_params(path)
    language = urlsplit(path).path.split("/")[1]
    differences = []
    want = count(params, language)
    if page["total"] != want:
        differences.append(
            {"path": path, "what": "results", "shown": page["total"], "expected": want}
        )
    for param, value in sampled_choices(page["choices"]):
        want = count(with_choice(params, param, value), language)
        shown = page["choices"][(param, value)]
        if shown != want:
            differences.append(
                {"path": path, "what": f"{param}={value}", "shown": shown, "expected": want}
            )
    return differences
