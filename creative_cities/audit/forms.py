"""The audit trail's filters, shared by its page and its CSV export."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.core.widgets import DateInput

from . import selectors


class AuditEventFilterForm(forms.Form):
    """Every filter is optional; the choices of action and object type are those the trail holds."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
        help_text=_("Words in the object's name, the address of who acted, or the action."),
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    object_type = forms.ChoiceField(label=_("Type of object"), required=False)
    person = forms.CharField(
        label=_("By"), required=False, max_length=254, help_text=_("All or part of the e-mail address of who acted.")
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["action"].choices = everything + [(value, value) for value in selectors.audit_event_actions()]
        self.fields["object_type"].choices = everything + [
            (value, value) for value in selectors.audit_event_object_types()
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The last day must not be before the first."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters, ready for the selector; invalid ones are left out."""
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q") or "",
            "action": data.get("action") or "",
            "object_type": data.get("object_type") or "",
            "person": data.get("person") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
