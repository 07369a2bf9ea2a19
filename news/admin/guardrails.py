"""Guardrails on live items. Saving a public item so that it names a closed structure, a
closed (retired) meeting series or a retired field of work or country it did not name, or so
that its lead issuer is taken away, asks for the confirmation publishing asks for ("Publish
despite the warnings", news/forms.py); the confirmation is written to the audit log. Drafts,
items in review and scheduled items are not concerned: publishing checks them.

Retired terms are not offered for new tagging (the admin's autocomplete leaves them out);
the items that have them keep them.
"""

from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import model_ngettext, unquote
from django.template.response import TemplateResponse
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
                _("%(warnings)s %(public)s")
                % {"warnings": " ".join(self.live_warnings), "public": self.live_confirmation()},
            )
        return cleaned_data

    def is_live(self):
        """Whether this save changes an item the public sees now."""
        return self.instance.is_published()

    def live_confirmation(self):
        return _("This item is public: confirm to save it anyway.")

    def warnings_for_live_item(self):
        stored = self.instance
        if stored.pk is None or not self.is_live() or self.target_status != stored.status:
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


class DeletionRefusalMixin:
    """For NewsItemAdmin: a deletion the rules refuse (news.services.can_delete) says why and
    what to do instead, where Django would answer a bare 403 for one item, or "would result
    in deleting related objects … news item" for a selection."""

    def deletion_refusal(self, request, item):
        """Why `request.user` may not delete `item` and what to do instead, or None."""
        if services.can_delete(request.user, item):
            return None
        values = {"title": item.title}
        if not request.user.has_perm("news.delete_newsitem"):
            return _("You may not delete news items: ask an editor to delete “%(title)s”.") % (
                values
            )
        if item.status == NewsItem.Status.REVIEW:
            return (
                _(
                    "“%(title)s” is submitted for review: only an editor may delete it now. Return "
                    "it to draft (change its status to Draft and save), then delete it; or ask an "
                    "editor."
                )
                % values
            )
        if item.status == NewsItem.Status.PUBLISHED and not item.is_published():
            return (
                _(
                    "“%(title)s” is scheduled for publication: only an editor may delete it or "
                    "take it off the schedule. Ask an editor."
                )
                % values
            )
        if item.status == NewsItem.Status.PUBLISHED:
            return (
                _(
                    "“%(title)s” is published: only an editor may delete it. Ask an editor to "
                    "withdraw it instead, which takes it off the site with a notice for readers."
                )
                % values
            )
        return (
            _(
                "“%(title)s” has been published and withdrawn: only an editor may delete it. Ask "
                "an editor."
            )
            % values
        )

    def refusal_context(self, request, title, refusals):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "refusals": refusals,
            "opts": opts,
            "app_label": opts.app_label,
            "media": self.media,
        }

    def delete_view(self, request, object_id, extra_context=None):
        item = self.get_object(request, unquote(object_id))
        refusal = item is not None and self.deletion_refusal(request, item)
        if not refusal:
            return super().delete_view(request, object_id, extra_context)
        context = {
            **self.refusal_context(request, _("This item cannot be deleted"), [refusal]),
            "object": item,
            "object_name": str(self.model._meta.verbose_name),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/delete_confirmation.html", context, status=403)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (delete_selected_unless_refused, name, description)
        return actions


def delete_selected_unless_refused(modeladmin, request, queryset):
    """Django's "Delete selected" action, unless the rules refuse some of the selection: then
    nothing is deleted and each refusal says why (DeletionRefusalMixin)."""
    refusals = [
        refusal for item in queryset if (refusal := modeladmin.deletion_refusal(request, item))
    ]
    if not refusals:
        return delete_selected(modeladmin, request, queryset)
    context = {
        **modeladmin.refusal_context(request, _("These items cannot be deleted"), refusals),
        "objects_name": model_ngettext(queryset),
        "queryset": queryset,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/delete_selected_confirmation.html", context, status=403)


class RetiredTermsNotOfferedMixin:
    """For the admins of terms that can be retired: their autocomplete (the news form's
    choices) leaves retired terms out. Their changelists still list them."""

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            queryset = queryset.filter(is_retired=False)
        return queryset, may_have_duplicates
