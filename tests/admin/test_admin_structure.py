"""The news admin is one class assembled from one module per concern: no method of
ModelAdmin is overridden twice in its chain, and its form keeps the user per form."""

import inspect

import pytest
from django.contrib import admin

from news.admin.items import NewsItemAdmin
from news.forms import NewsItemAdminForm
from news.models import NewsItem

OURS = ("news.", "taxonomy.", "structures.", "newsroom.", "osce_cms.")


def model_admin_methods():
    return {
        name
        for klass in admin.ModelAdmin.__mro__
        for name, value in vars(klass).items()
        if callable(value) or isinstance(value, (property, classmethod, staticmethod))
    } - {"media"}  # a property Django's metaclass gives every admin class


def test_no_method_of_modeladmin_is_defined_by_two_of_our_classes():
    ours = [klass for klass in NewsItemAdmin.__mro__ if klass.__module__.startswith(OURS)]
    assert len(ours) > 1, "the concerns are mixed in"
    defined_by = {}
    for klass in ours:
        for name in model_admin_methods() & set(vars(klass)):
            defined_by.setdefault(name, []).append(klass.__qualname__)
    twice = {name: owners for name, owners in defined_by.items() if len(owners) > 1}
    assert twice == {}


def test_the_form_class_carries_no_user():
    assert "user" not in vars(NewsItemAdminForm)
    assert "user" in inspect.signature(NewsItemAdminForm.__init__).parameters


@pytest.mark.django_db
def test_each_form_gets_the_user_of_its_request(rf, django_user_model):
    model_admin = admin.site.get_model_admin(NewsItem)
    first, second = (
        django_user_model.objects.create_superuser(name, f"{name}@example.org", "x")
        for name in ("first", "second")
    )
    forms = []
    for user in (first, second):
        request = rf.get("/admin/news/newsitem/add/")
        request.user = user
        forms.append(model_admin.get_form(request)())
    assert [form.user for form in forms] == [first, second]
    assert not hasattr(type(forms[0]), "user")
