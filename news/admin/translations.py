"""Translations in the news admin: an item's language on its form, "Translate into…", the
group's shared details kept in step on every save, and the translation status of the groups
a user may edit (news/translations.py holds the rules).

NewsItemAdmin mixes TranslationAdminMixin in: its own get_urls() and save_related() call
translation_urls() and keep_translations_in_step().
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from news import languages, services, translations
from news.admin.guardrails import LiveItemGuardrailForm
from news.models import NewsItem
from structures.models import Structure

Status = NewsItem.Status
GROUPS_PER_PAGE = 25


class TranslatedItemForm(LiveItemGuardrailForm):
    """The news form with the item's language: one language once in a group, the shared
    details changed only by who may change every member, and a draft translation's slug
    following its new title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # A post without it (an older page, a script) keeps the item's language.
            self.fields["language"].required = False

    def is_live(self):
        """A hidden translation's shared details are those of its public translations: a
        change of them is confirmed as one of a public item is (guardrails.py), by whoever
        may confirm (the others may not change them at all: check_shared_details())."""
        if super().is_live():
            return True
        if "confirm_publication" not in self.fields or self.instance.pk is None:
            return False
        return translations.members(self.instance).published().exists()

    def live_confirmation(self):
        if self.instance.is_published():
            return super().live_confirmation()
        return _("A translation of this item is public: confirm to save it anyway.")

    def clean_language(self):
        language = self.cleaned_data.get("language") or self.instance.language
        taken = translations.language_taken(self.instance, language)
        if taken is not None:
            raise forms.ValidationError(
                _("“%(title)s”, a translation of this item, is in %(language)s already.")
                % {"title": taken.title, "language": languages.name(language)},
                code="taken",
            )
        return language

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            self.follow_title_with_slug(cleaned_data)
            self.check_shared_details(cleaned_data)
        return cleaned_data

    def follow_title_with_slug(self, cleaned_data):
        """A hidden translation whose slug is still the one made from its source's title gets
        one from its own new title (transliterated: a Russian title gives a readable slug)."""
        title, slug = cleaned_data.get("title"), cleaned_data.get("slug")
        if "title" not in self.changed_data or "slug" in self.changed_data or not title:
            return
        if not translations.follows_its_source(self.instance, slug or ""):
            return
        language = cleaned_data.get("language") or self.instance.language
        cleaned_data["slug"] = translations.unique_slug(title, language, exclude=self.instance.pk)

    def check_shared_details(self, cleaned_data):
        changed = [
            name
            for name in [*translations.SHARED_FIELDS, *translations.SHARED_RELATIONS]
            if name in self.changed_data
        ]
        if not changed:
            return
        locked = translations.locked_members(self.instance, self.user) if self.user else []
        if locked:
            message = _(
                "Its translation “%(title)s” is published: only an editor may change what "
                "translations share."
            ) % {"title": locked[0].title}
            for name in changed:
                self.add_error(name, message)
            return
        values = {name: cleaned_data.get(name) for name in changed}
        for name, message in translations.check_shared(self.instance, values).items():
            self.add_error(name, message)


class StatusFilterForm(forms.Form):
    """The translation status page's filters (GET)."""

    structure = forms.ModelChoiceField(
        label=_("Issued by"),
        queryset=Structure.objects.none(),
        required=False,
        empty_label=_("All I may edit"),
        help_text=_("The lead issuer, with everything under it."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        help_text=_("Only groups missing this language, or whose item in it is out of date."),
    )
    needs_work = forms.BooleanField(label=_("Only what needs work"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = services.lead_structure_choices(
            user, Structure.objects.all()
        )
        self.fields["language"].choices = [("", _("Any language"))] + [
            (code, languages.name(code)) for code in languages.news_codes()
        ]


def expected_languages(language=None):
    """The languages a group is expected in: the interface's (a visitor there falls back to
    another language otherwise), and `language` when one is asked about."""
    codes = languages.site_codes()
    return codes + [language] if language and language not in codes else codes


def status_groups(user, structure=None, language=None, needs_work=False):
    """The translation groups `user` may edit, as rows of {"translation_group": id}, newest
    group first: issued by `structure` (or under it), missing `language` or out of date in
    it, with an out-of-date item or a missing expected language (`needs_work`)."""
    editable = NewsItem.objects.editable_by(user)
    if structure is not None:
        editable = editable.filter(lead_structure__in=Structure.objects.subtree_ids([structure]))
    items = NewsItem.objects.filter(translation_group__in=editable.values("translation_group"))
    if language:
        done = translations.with_out_of_date(NewsItem.objects.filter(language=language))
        items = items.exclude(
            translation_group__in=done.filter(out_of_date=False).values("translation_group")
        )
    groups = items.values("translation_group")
    if needs_work:
        expected = expected_languages(language)
        groups = groups.annotate(
            stale=models.Count("pk", filter=translations.out_of_date()),
            present=models.Count("language", filter=models.Q(language__in=expected), distinct=True),
        ).filter(models.Q(stale__gt=0) | models.Q(present__lt=len(expected)))
    else:
        groups = groups.distinct()
    return groups.order_by("-translation_group")


def item_state(item):
    """(key, label) of an item's state on the status page."""
    if item.is_hidden():
        return "draft", gettext("Draft or in review")
    if item.is_scheduled():
        return "scheduled", gettext("Scheduled")
    if item.status == Status.WITHDRAWN:
        return "withdrawn", gettext("Withdrawn")
    return "published", gettext("Published")


class TranslationAdminMixin:
    """For NewsItemAdmin: translations (news/translations.py) in the admin."""

    # The form.

    @admin.display(description=_("translations"))
    def translations_of_item(self, obj):
        """The other members of the item's group, each with its language and state, and
        whether it is out of date."""
        if obj is None or obj.pk is None:
            return "—"
        others = translations.with_out_of_date(translations.members(obj)).order_by("language")
        if not others:
            return _("None yet: use “Translate into…” above.")
        rows = []
        for other in others:
            state = item_state(other)[1]
            if other.out_of_date:
                state = _("%(state)s, out of date") % {"state": state}
            rows.append(
                (
                    languages.name(other.language),
                    reverse("admin:news_newsitem_change", args=[other.pk]),
                    other.language,
                    other.title,
                    state,
                )
            )
        return format_html(
            '<ul class="translations">{}</ul>',
            format_html_join("", '<li>{}: <a href="{}" lang="{}">{}</a> ({})</li>', rows),
        )

    def warn_language_changed(self, request, obj):
        """A public item written in another language has another address: say so, since
        links to its former one no longer show it."""
        if obj.has_public_page():
            messages.warning(
                request,
                _(
                    "Its language is now %(language)s, and its address %(url)s: links to its "
                    "former address no longer lead to it."
                )
                % {"language": languages.name(obj.language), "url": obj.get_absolute_url()},
            )

    def keep_translations_in_step(self, request, form, change):
        """After a save: the group's other members get the item's shared details."""
        if not change:
            return
        updated = translations.keep_in_step(form.instance, request.user)
        if updated:
            messages.info(
                request,
                ngettext(
                    "Its translation %(titles)s was given the same shared details.",
                    "Its translations %(titles)s were given the same shared details.",
                    len(updated),
                )
                % {"titles": get_text_list([f"“{item.title}”" for item in updated], _("and"))},
            )

    # Translate into…

    def translation_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("translations/", wrap(self.translation_status_view), name=f"{info}_translations"),
            path(
                "<path:object_id>/translate/",
                wrap(self.translate_view),
                name=f"{info}_translate",
            ),
        ]

    def translate_view(self, request, object_id):
        """The languages the item's group lacks; posting one makes its draft translation."""
        item = self.get_object(request, object_id)  # None unless the user reaches it
        if item is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:news_newsitem_change", args=[item.pk])
        status = 200
        if request.method == "POST":
            language = request.POST.get("language", "")
            try:
                translation = translations.translate(item, language, request.user)
            except services.Refused as refusal:
                messages.error(request, refusal.message)
                status = 400
            else:
                messages.success(
                    request,
                    _(
                        "A draft in %(language)s was made from “%(title)s”: translate its "
                        "title, lede, body and image texts, then save."
                    )
                    % {"language": languages.name(language), "title": item.title},
                )
                return HttpResponseRedirect(
                    reverse("admin:news_newsitem_change", args=[translation.pk])
                )
        missing = translations.missing_languages(item)
        site = set(languages.site_codes())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translate “%(title)s”") % {"title": item},
            "opts": self.opts,
            "original": item,
            "change_url": change_url,
            "interface_languages": [
                (code, languages.name(code)) for code in missing if code in site
            ],
            "other_languages": [
                (code, languages.name(code)) for code in missing if code not in site
            ],
            "existing": translations.members(item).order_by("language"),
        }
        return TemplateResponse(
            request, "admin/news/newsitem/translate.html", context, status=status
        )

    # The translation status of the groups.

    def translation_status_view(self, request):
        """Each group's items by language, with what is missing and what is out of date."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = StatusFilterForm(request.GET, user=request.user)
        valid = form.is_valid()
        chosen = form.cleaned_data if valid else {}
        language = chosen.get("language") or None
        groups = status_groups(
            request.user,
            structure=chosen.get("structure"),
            language=language,
            needs_work=chosen.get("needs_work", False),
        )
        page = Paginator(groups, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
        ids = [row["translation_group"] for row in page.object_list]
        items = translations.with_out_of_date(
            NewsItem.objects.filter(translation_group__in=ids)
        ).select_related("lead_structure")
        by_group = {}
        for item in items:
            by_group.setdefault(item.translation_group, []).append(item)
        columns = self.status_columns(by_group, language)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.opts,
            "form": form,
            "page": page,
            "columns": [(code, languages.name(code)) for code in columns],
            "expected": [languages.name(code) for code in expected_languages(language)],
            "rows": [self.status_row(gid, by_group.get(gid, []), columns) for gid in ids],
        }
        return TemplateResponse(
            request,
            "admin/news/newsitem/translations.html",
            context,
            status=200 if valid else 400,
        )

    @staticmethod
    def status_columns(by_group, language):
        """The expected languages, then any other one an item on the page is in."""
        present = {item.language for group in by_group.values() for item in group}
        expected = expected_languages(language)
        return expected + [
            code for code in languages.news_codes() if code in present and code not in expected
        ]

    @staticmethod
    def status_row(group_id, items, columns):
        """One group: its first item (its source), and a cell per language of `columns`."""
        by_language = {item.language: item for item in items}
        first = next((item for item in items if item.pk == group_id), items[0] if items else None)
        cells = []
        for code in columns:
            item = by_language.get(code)
            if item is None:
                cells.append(
                    {
                        "language": code,
                        "name": languages.name(code),
                        "key": "missing",
                        "label": gettext("Missing"),
                    }
                )
                continue
            key, label = item_state(item)
            cells.append(
                {
                    "language": code,
                    "name": languages.name(code),
                    "item": item,
                    "key": key,
                    "label": label,
                    "out_of_date": item.out_of_date,
                }
            )
        return {"first": first, "cells": cells}
