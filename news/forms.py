from django import forms
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem


class NewsItemAdminForm(forms.ModelForm):
    """The admin's news form: a draft may be incomplete, a published item may not."""

    class Meta:
        model = NewsItem
        fields = [
            "title",
            "slug",
            "kind",
            "dateline",
            "lede",
            "body",
            "lead_structure",
            "supporting_structures",
            "fields_of_work",
            "countries",
            "meeting_series",
            "tags",
            "image",
            "image_alt",
            "image_caption",
            "image_credit",
            "image_focal_x",
            "image_focal_y",
            "status",
            "date_issued",
            "published_at",
            "withdrawal_notice",
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == NewsItem.Status.PUBLISHED:
            missing = self.missing_for_publication()
            if missing:
                self.add_error(
                    "status",
                    _(
                        "This item cannot be published yet: add %(missing)s. "
                        "It can be saved as a draft meanwhile."
                    )
                    % {"missing": get_text_list(missing, _("and"))},
                )
            elif "published_at" in self.fields and not cleaned_data.get("published_at"):
                # Set here rather than only in NewsItem.save, so that the model's
                # "published has a publication time" constraint holds when the form validates.
                cleaned_data["published_at"] = timezone.now()
        return cleaned_data

    def missing_for_publication(self):
        """NewsItem.missing_for_publication() for the values being saved, not the stored ones."""
        stored = self.instance

        def submitted(name):
            return self.cleaned_data.get(name) if name in self.fields else getattr(stored, name)

        candidate = NewsItem(
            date_issued=submitted("date_issued"), lead_structure=submitted("lead_structure")
        )
        if "fields_of_work" in self.fields:
            fields_of_work = self.cleaned_data.get("fields_of_work") or []
        else:
            fields_of_work = stored.fields_of_work.all() if stored.pk else []
        return candidate.missing_for_publication(fields_of_work=fields_of_work)
