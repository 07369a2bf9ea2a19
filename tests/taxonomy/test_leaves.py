"""taxonomy and structures are leaves: news depends on them, never the other way round.
Neither imports news or newsroom, at import time or through `_meta` at run time (a reverse
relation news declares). Their pages' addresses are URL names resolved when asked for."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
LEAVES = ("taxonomy", "structures")
FORBIDDEN = ("news", "newsroom", "demo")


def sources():
    for app in LEAVES:
        yield from sorted((ROOT / app).rglob("*.py"))


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            yield from (arg.value for arg in node.args if isinstance(arg, ast.Constant))


def names_used(tree):
    """Attribute names and string constants: how code reaches a relation by name."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def reverse_relations_from_news():
    """The names news gives its relations on the leaves' models (lead_news, news, …)."""
    names = set()
    for app in LEAVES:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if field.auto_created and not field.concrete:
                    if field.related_model._meta.app_label in FORBIDDEN:
                        names.add(field.name)
                        names.add(field.get_accessor_name())
    return names


@pytest.mark.parametrize("path", list(sources()), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_of_the_leaves_imports_news(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    found = [module for module in imported_modules(tree) if module.split(".")[0] in FORBIDDEN]
    assert found == []


@pytest.mark.parametrize("path", list(sources()), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_of_the_leaves_reaches_news_through_its_relations(path):
    reverse = reverse_relations_from_news()
    assert {"lead_news", "supported_news"} <= reverse  # what the search looks for
    tree = ast.parse(path.read_text(), filename=str(path))
    assert sorted(set(names_used(tree)) & reverse) == []


def test_the_leaves_load_without_news_installed():
    """Their models, admins and load_taxonomy, in a process whose only apps are theirs."""
    script = (
        f"FORBIDDEN = {FORBIDDEN!r}\n"
        + """
import sys
import django
from django.conf import settings
settings.configure(
    INSTALLED_APPS=[
        "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
        "django.contrib.sessions", "django.contrib.messages", "taxonomy", "structures",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    USE_TZ=True,
)
django.setup()
import structures.admin, taxonomy.admin
import structures.management.commands.load_taxonomy
loaded = sorted(name for name in sys.modules if name.split(".")[0] in FORBIDDEN)
print(loaded)
sys.exit(1 if loaded else 0)
"""
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_their_addresses_are_url_names_resolved_when_asked_for(monkeypatch):
    from django import urls

    from tests.factories import CountryFactory, FieldOfWorkFactory, StructureFactory

    asked = []
    real = urls.reverse
    for module in ("taxonomy.models", "structures.models"):
        monkeypatch.setattr(
            f"{module}.reverse", lambda name, *a, **k: asked.append(name) or real(name, *a, **k)
        )
    FieldOfWorkFactory().get_absolute_url()
    CountryFactory().get_absolute_url()
    StructureFactory().get_absolute_url()
    assert asked == ["taxonomy:field-detail", "taxonomy:country-detail", "structures:detail"]
