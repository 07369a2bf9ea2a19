"""Guardrails on live items. Saving a public item so that it names a closed structure, a
closed (retired) meeting series or a retired field of work or country it did not name, or so
that its lead issuer is taken away, asks for the confirmation publishing asks for ("Publish
despite the warnings", news/forms.py); the confirmation is written to the audit log. Drafts,
items in review and scheduled items are not concerned: publishing checks them.

Retired terms are not offered for new tagging (the admin's autocomplete leaves them out);
the items that have them keep them.
"""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from audit.log import record
from audit.models import Entry
from news import services
from news.forms import NewsItemAdminForm
from news.models import NewsItem

# The relations to retired terms, and how a warning names such a term.
RETIRED_RELATIONS = {
    "fields_of_work": lambda term: _("The field of work %(term)s is retired.") % {"term": term},
    "countries": lambda term: _("The country %(term)s is retired.") % {"term": term},
    "meeting_series": lambda term: _("The meeting series %(term)s is closed.") % {"term": term},
}


class LiveItemGuardrailForm(NewsItemAdminForm):
    """The news form, refusing an unconfirmed change of a public item that the warnings name."""

    # The warnings a save of a public item was confirmed against (logged when it is saved).
    live_warnings = ()

    def clean(self):
        cleaned_data = super().clean()
        self.live_warnings = self.warnings_for_live_item()
        if self.live_warnings and not cleaned_data.get("confirm_publication", False):
            self.add_error(
                "confirm_publication",
                _("%(warnings)s This item is public: confirm to save it anyway.")
                % {"warnings": " ".join(self.live_warnings)},
            )
        return cleaned_data

    def warnings_for_live_item(self):
        stored = self.instance
        if stored.pk is None or not stored.is_published() or self.target_status != stored.status:
            return []
        if self.errors:  # a value refused already: what it would add is not known yet
            return []
        warnings = []
        lead = self.submitted("lead_structure")
        if stored.lead_structure_id is not None and getattr(lead, "pk", None) != (
            stored.lead_structure_id
        ):
            warnings.append(
                _("This takes %(structure)s away as the item's lead issuer.")
                % {"structure": stored.lead_structure}
            )
        supporting = set(stored.supporting_structures.all())
        added = [
            structure
            for structure in [lead, *self.submitted("supporting_structures")]
            if structure is not None
            and structure != stored.lead_structure
            and structure not in supporting
        ]
        # The publication's own warnings, for the structures added only (an item whose issuer
        # closed after its publication is edited without one).
        warnings += services.closed_taxonomy(NewsItem(), supporting_structures=added)
        for name, warning in RETIRED_RELATIONS.items():
            stored_terms = set(getattr(stored, name).all())
            new_terms = [term for term in self.submitted(name) if term not in stored_terms]
            warnings += [warning(term) for term in new_terms if term.is_retired]
        return warnings

    def save(self, commit=True):
        item = super().save(commit)
        if self.live_warnings:  # confirmed: clean() refuses them otherwise
            record(
                Entry.Action.CONFIRM,
                item,
                note=_("Saved the public item despite: %(warnings)s")
                % {"warnings": get_text_list(self.live_warnings, _("and"))},
            )
        return item


class RetiredTermsNotOfferedMixin:
    """For the admins of terms that can be retired: their autocomplete (the news form's
    choices) leaves retired terms out. Their changelists still list them."""

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            queryset = queryset.filter(is_retired=False)
        return queryset, may_have_duplicates
