"""The long tail's URLs: drawn from the facet space with a seed, every shape, none twice."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from benchmarks import longtail
from newsroom.facets import FACET_OF, PARAMS, order, query


def space(**overrides):
    """A small facet space, as facet_space() reads it from a database."""
    return {
        "params": {
            "field": ["arms-control", "youth", "media"],
            "country": ["austria", "malta"],
            "group": ["participating-state"],
            "structure": ["mission", "office", "loner"],
            "kind": ["news", "speech"],
            "meeting": ["council"],
            "event": ["council~vienna-2025", "council~helsinki-2026"],
            "tag": ["water", "roads"],
            "language": ["en", "ru", "sq"],
            "year": ["2025", "2024"],
        },
        "order": list(order()),
        "facet_of": {name: FACET_OF[name].name for name in PARAMS},
        "repeats": [name for name in PARAMS if name != "year"],
        "tree_param": "structure",
        "parents": ["mission"],
        "days": [738000, 739000],
        "common_words": ["security", "office"],
        "rare_words": ["zanzibar", "quixotic"],
        "pages": 50,
        "items": [f"/en/news/item-{n}/" for n in range(30)],
        "published": 1000,
        **overrides,
    }


def test_the_same_seed_draws_the_same_urls_and_another_seed_others():
    first = longtail.draw(space(), 150, seed=7)
    assert first == longtail.draw(space(), 150, seed=7)
    assert first != longtail.draw(space(), 150, seed=8)


def test_every_url_is_drawn_once():
    paths = [entry["path"] for entry in longtail.draw(space(), 300, seed=1)]
    assert len(paths) == 300
    assert len(set(paths)) == len(paths)


def test_every_shape_is_drawn_each_facet_parameter_alone_among_them():
    drawn = longtail.draw(space(), 120, seed=1)
    shapes = {entry["shape"] for entry in drawn}
    assert shapes == set(PARAMS) | set(longtail.SHAPES)


def test_the_shapes_say_what_they_ask_for():
    by_shape = {}
    for entry in longtail.draw(space(), 200, seed=3):
        by_shape.setdefault(entry["shape"], []).append(entry)
    params = [dict(parse_qsl(urlsplit(entry["path"]).query)) for entry in by_shape["field"]]
    assert all(list(query) == ["field"] for query in params)
    for entry in by_shape["or"]:
        names = [name for name, _value in parse_qsl(urlsplit(entry["path"]).query)]
        assert len(names) >= 2 and len(set(names)) == 1
    for entry in by_shape["pair"]:
        names = [name for name, _value in parse_qsl(urlsplit(entry["path"]).query)]
        assert len(names) == 2 and set(names) != {"country", "group"}
    assert all("structure=mission" in entry["path"] for entry in by_shape["subtree"])
    assert all(
        {"from", "to"} <= set(dict(parse_qsl(urlsplit(e["path"]).query)))
        for e in by_shape["date range"]
    )
    assert all("q=" in entry["path"] for entry in by_shape["search+facet"])
    assert all(re.match(r"/(en|ru|fr|de)/news/rss/\?", entry["path"]) for entry in by_shape["feed"])
    # Lists and feeds are asked in every interface language, English most.
    prefixes = [entry["path"].split("/")[1] for entry in by_shape["feed"] + by_shape["field"]]
    assert {"en", "ru"} <= set(prefixes)
    assert all(entry["path"].startswith("/en/news/item-") for entry in by_shape["item"])
    pages = [int(urlsplit(e["path"]).query.split("=")[1]) for e in by_shape["deep page"]]
    assert all(5 <= page <= 50 for page in pages)
    assert {entry["kind"] for entry in by_shape["search rare"]} == {"search"}


def test_a_small_space_gives_fewer_urls_rather_than_repeats():
    small = space(
        params={"kind": ["news"]},
        parents=[],
        common_words=[],
        rare_words=[],
        items=[],
        pages=1,
        days=[None, None],
    )
    drawn = longtail.draw(small, 100, seed=1)
    assert [entry["path"] for entry in drawn] == ["/en/news/?kind=news"] or len(drawn) == len(
        {entry["path"] for entry in drawn}
    )
    assert len(drawn) < 100


def test_a_split_shares_no_url_and_gives_each_part_every_shape_with_two_urls():
    drawn = longtail.draw(space(), 400, seed=5)
    one, four = longtail.split(drawn, 2)
    assert not {e["path"] for e in one} & {e["path"] for e in four}
    assert len(one) + len(four) == 400
    shapes = [e["shape"] for e in drawn]
    twice = {shape for shape in shapes if shapes.count(shape) >= 2}
    assert twice <= {e["shape"] for e in one}
    assert twice <= {e["shape"] for e in four}
    assert {"group", "meeting"} <= {e["shape"] for e in one}  # one value each: one URL


@pytest.mark.django_db
def test_the_space_has_every_parameter_of_the_table_of_facets_and_the_datas_terms(newsroom):
    found = longtail.facet_space()
    assert set(found["params"]) == set(PARAMS)
    assert set(found["params"]["field"]) == {"arms-control", "youth", "unused-field"}
    assert "mission" in found["parents"] and "loner" not in found["parents"]
    assert found["published"] == 4
    assert newsroom.get_absolute_url() in found["items"]
    assert "security" in found["common_words"]
    assert set(found["params"]["year"]) == {
        str(newsroom.date_issued.year),
        str(newsroom.date_issued.year - 1),
    }


def test_drawn_list_addresses_are_the_ones_the_list_makes():
    """The drawing runs without Django; its addresses are those facets.query() gives, which
    /news/ answers without a redirect."""
    from django.http import QueryDict

    for entry in longtail.draw(space(), 200, seed=3):
        path, _, query_string = entry["path"].partition("?")
        if path in longtail.list_paths() and query_string:
            assert "?" + query_string == query(QueryDict(query_string)), entry


def test_the_benchmark_process_draws_without_django():
    """`python -m benchmarks` itself never sets Django up: the long tail imports nothing
    that needs it."""
    import subprocess
    import sys

    code = "import benchmarks.longtail, benchmarks.__main__; print('ok')"
    env = {"PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "ok", done.stderr
