"""Forms of the calendar, due dates, compliance filters, review and the published reports' filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.core.widgets import Choices, DateInput, FastSelect, FastTextInput

from .choices import Compliance, Section


class DaysField(forms.CharField):
    """Numbers of days written as "90, 30, 7": a list of distinct whole numbers from 1 to 3650."""

    def to_python(self, value):
        text = super().to_python(value)
        days = []
        for part in text.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= 3650:
                raise forms.ValidationError(
                    _("Write whole numbers of days between 1 and 3650, separated by commas, e.g. 90, 30, 7.")
                )
            days.append(int(part))
        return sorted(set(days), reverse=True)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(day) for day in value)
        return value


class CalendarForm(forms.Form):
    cycle_years = forms.IntegerField(
        label=_("Years between reports"), min_value=1, max_value=10, help_text=_("The network's rule is four.")
    )
    due_day = forms.IntegerField(
        label=_("Day of the month reports are due"),
        min_value=1,
        max_value=31,
        help_text=_("31 in a shorter month means its last day."),
    )
    due_month = forms.TypedChoiceField(
        label=_("Month reports are due"),
        coerce=int,
        choices=[
            (1, _("January")),
            (2, _("February")),
            (3, _("March")),
            (4, _("April")),
            (5, _("May")),
            (6, _("June")),
            (7, _("July")),
            (8, _("August")),
            (9, _("September")),
            (10, _("October")),
            (11, _("November")),
            (12, _("December")),
        ],
    )
    tracked_from = forms.DateField(
        label=_("Reports tracked from"),
        widget=DateInput(),
        help_text=_("Reports due before this day were sent by e-mail and are not followed here."),
    )
    reminders_before = DaysField(
        label=_("Reminders before the due date (days)"),
        required=False,
        help_text=_("Separated by commas, e.g. 90, 30, 7."),
    )
    reminders_after = DaysField(
        label=_("Reminders after the due date (days)"),
        required=False,
        help_text=_("Separated by commas, e.g. 1, 14, 30, 60."),
    )


class DueDateForm(forms.Form):
    """Move a city's due date, or grant an extension: the new day and why."""

    KIND_CHOICES = [("moved", _("Move the due date")), ("extension", _("Grant an extension"))]

    cycle = forms.TypedChoiceField(label=_("Report"), coerce=int)
    kind = forms.ChoiceField(label=_("Change"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    due_on = forms.DateField(label=_("New due date"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The city's team reads it in the notification."),
    )

    def __init__(self, *args, cycles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].choices = list(cycles)


class ComplianceFilterForm(forms.Form):
    q = forms.CharField(label=_("City or country"), required=False, max_length=100, widget=FastTextInput)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Compliance.choices], widget=FastSelect
    )
    field = forms.ChoiceField(label=_("Creative field"), required=False, widget=FastSelect)
    region = forms.ChoiceField(label=_("Region"), required=False, widget=FastSelect)

    def __init__(self, *args, fields=(), regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = Choices([("", _("All fields")), *fields])
        self.fields["region"].choices = Choices([("", _("All regions")), *regions])


class PublishedFilterForm(ComplianceFilterForm):
    """The published reports' filters: field, region, period (its last year), city."""

    period = forms.ChoiceField(label=_("Period ending in"), required=False, widget=FastSelect)

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["status"]
        self.fields["q"].label = _("City")
        self.fields["period"].choices = Choices([("", _("All periods")), *[(str(y), str(y)) for y in periods]])


class ReviewForm(forms.Form):
    """A comment box per section; the decision is the button pressed (return or accept)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in Section.choices:
            self.fields[f"comment_{key}"] = forms.CharField(
                label=_("Comment on “%(section)s”") % {"section": label},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def comments(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"comment_{key}", "") for key in Section.values}
