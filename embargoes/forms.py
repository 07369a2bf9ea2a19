from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

MAX_RECIPIENTS = 200


class EmbargoForm(forms.Form):
    lifts_at = forms.DateTimeField(
        label=_("Embargoed until"),
        help_text=_(
            "The item is published at this time, and the recipients' links then lead to "
            "its public page."
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    confirmed = forms.BooleanField(
        label=_("Publish it at that time even though the warnings above say otherwise"),
        required=False,
    )


class RecipientsForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        help_text=_(
            "One or more addresses, separated by commas, spaces or new lines. Each "
            "recipient is emailed a link of their own."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=20_000,
    )

    def clean_emails(self):
        addresses = [a for a in self.cleaned_data["emails"].replace(",", " ").split() if a]
        if len(addresses) > MAX_RECIPIENTS:
            raise ValidationError(
                _("At most %(count)d addresses at a time."), params={"count": MAX_RECIPIENTS}
            )
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(
                _("Not email addresses: %(wrong)s"), params={"wrong": ", ".join(wrong[:10])}
            )
        return addresses
