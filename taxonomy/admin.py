"""The taxonomy's own admins. The news app adds what concerns news to them (how many items
use each entry, which ones block a delete): news/admin/terms.py."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries


def other_languages():
    """[(code, name)] of the interface's languages but the default (English, in `name`)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslatedNamesForm(forms.ModelForm):
    """A term's form with one text field per interface language other than English for each
    JSON column of names ("Name in Russian"), saved into the column; a blank one removes that
    language, which then shows the English name. Languages the form does not offer are kept.

    Made for a model by TranslatedNamesAdminMixin: `translated` is its
    {JSON column: (the English field, the label with %(language)s)}.
    """

    translated = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column, (_field, label) in self.translated.items():
            stored = getattr(self.instance, column) or {}
            for code, language in other_languages():
                name = f"{column}_{code}"
                self.fields[name].label = label % {"language": language}
                self.initial.setdefault(name, stored.get(code, ""))

    def clean(self):
        cleaned_data = super().clean()
        for column in self.translated:
            values = dict(getattr(self.instance, column) or {})
            for code, _language in other_languages():
                value = cleaned_data.get(f"{column}_{code}", "")
                if value:
                    values[code] = value
                else:
                    values.pop(code, None)
            setattr(self.instance, column, values)
        return cleaned_data


class TranslatedNamesAdminMixin:
    """For the admin of a term with names in other languages (taxonomy.models
    NamedInLanguages): its form gets the fields of TranslatedNamesForm, shown together under
    "Names in other languages"."""

    translated = {"names": ("name", _("Name in %(language)s"))}

    def translated_fields(self):
        """One line per language: its name (and acronym...)."""
        return [
            tuple(f"{column}_{code}" for column in self.translated)
            for code, _language in other_languages()
        ]

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            (_("Names in other languages"), {"fields": self.translated_fields()}),
        ]

    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        declared = {}
        for column, (english, _label) in self.translated.items():
            field = self.model._meta.get_field(english)  # its length and checks
            for code, _language in other_languages():
                declared[f"{column}_{code}"] = forms.CharField(
                    required=False, max_length=field.max_length, validators=field.validators
                )
        kwargs["form"] = type(TranslatedNamesForm)(
            f"{self.model.__name__}NamesForm",
            (TranslatedNamesForm, base),
            {**declared, "translated": self.translated, "__module__": __name__},
        )
        return super().get_form(request, obj, **kwargs)


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(TranslatedNamesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "order"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description", "order", "is_retired"]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(TranslatedNamesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "order", "is_retired"]


@admin.register(Country)
class CountryAdmin(TranslatedNamesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "iso_code", "group"]
    list_filter = ["group"]
    search_fields = ["name", "=iso_code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "iso_code", "group", "is_retired"]


@admin.register(Chairpersonship)
class ChairpersonshipAdmin(admin.ModelAdmin):
    list_display = ["year", "country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["year__exact", "country__name"]
    autocomplete_fields = ["country"]
