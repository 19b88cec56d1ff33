"""Forms of the report editor. Each carries the report's revision as read, and the fingerprint of what it changes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.pickers import city_picker
from creative_cities.core.languages import writing_language_choices
from creative_cities.core.widgets import Picker, PickerMultiple

from . import editor_selectors as selectors
from .choices import CommitmentOutcome, ContributionKind
from .validation import evidence_links_clean

MARKDOWN_HINT = _("Markdown: ## heading, **bold**, *italic*, - list, [link](https://…).")


class RevisionForm(forms.Form):
    """The revision of the report the page was read at, and a fingerprint of what the form changes."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    base = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class SectionTextForm(RevisionForm):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=30000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=MARKDOWN_HINT,
    )


class GeneralSectionForm(SectionTextForm):
    language = forms.ChoiceField(
        label=_("The report is written in"),
        choices=writing_language_choices,
        help_text=_("Write every section in this language."),
    )
    field_order = ["language", "text"]


class ContributionForm(RevisionForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ContributionKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    year = forms.IntegerField(label=_("Year"), min_value=2004, max_value=2100)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class YearsMixin:
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The last year comes after the first."))
        return cleaned


def suggest_partners(form, city) -> None:
    """Name the city's cooperation partners under the partner cities, to choose from first."""
    ids = selectors.city_partner_ids(city)
    if ids:
        names = ", ".join(c.name for c in selectors.member_cities().filter(pk__in=ids)[:20])
        form.fields["partner_cities"].help_text = _("Your city's partners on the platform: %(names)s.") % {
            "names": names
        }


class InitiativeForm(YearsMixin, RevisionForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HINT,
    )
    start_year = forms.IntegerField(label=_("From (year)"), required=False, min_value=2004, max_value=2100)
    end_year = forms.IntegerField(label=_("Until (year)"), required=False, min_value=2004, max_value=2100)
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of action"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    practices = forms.ModelMultipleChoiceField(
        label=_("The city's practices, policies and publications"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Those of your city on the platform, whatever their status."),
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("The city's projects"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Those your city leads or takes part in."),
    )
    partner_cities = forms.ModelMultipleChoiceField(
        label=_("Partner cities"), queryset=None, required=False, widget=city_picker(multiple=True)
    )

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = selectors.areas()
        self.fields["practices"].queryset = selectors.city_practices(city)
        self.fields["projects"].queryset = selectors.city_projects(city)
        self.fields["partner_cities"].queryset = selectors.member_cities().exclude(pk=city.pk)
        suggest_partners(self, city)


class CommitmentForm(RevisionForm):
    objective = forms.CharField(label=_("Objective"), max_length=300)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    area = forms.ModelChoiceField(label=_("Area of action"), queryset=None, required=False)
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"),
        queryset=None,
        required=False,
        # Grouped by goal, in the goals' order; "4.7" or words of the target find it.
        widget=PickerMultiple(group=lambda target: str(target.goal), sort_groups=False),
    )
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0, max_digits=14, decimal_places=2)
    currency = forms.RegexField(
        label=_("Currency"), required=False, regex=r"^[A-Za-z]{3}$", help_text=_("Three letters, e.g. EUR, USD, XOF.")
    )
    partners = forms.CharField(
        label=_("Partners"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    partner_cities = forms.ModelMultipleChoiceField(
        label=_("Partner cities"), queryset=None, required=False, widget=city_picker(multiple=True)
    )

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = selectors.areas()
        self.fields["sdg_targets"].queryset = selectors.sdg_targets()
        self.fields["partner_cities"].queryset = selectors.member_cities().exclude(pk=city.pk)
        suggest_partners(self, city)

    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").upper()


class CommitmentIndicatorForm(RevisionForm):
    name = forms.CharField(label=_("Indicator"), max_length=300)
    node = forms.ModelChoiceField(
        label=_("Framework indicator"),
        queryset=None,
        required=False,
        help_text=_("Optional: the indicator of a framework this one measures."),
        # Grouped by framework; its code or words of its name find it.
        widget=Picker(group=lambda node: str(node.framework)),
    )
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = forms.FloatField(label=_("Baseline"), required=False)
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False, min_value=2004, max_value=2100)
    target = forms.FloatField(label=_("Target"), required=False)
    target_year = forms.IntegerField(label=_("Target year"), required=False, min_value=2004, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["node"].queryset = selectors.framework_indicators()


class CommitmentReviewForm(RevisionForm):
    outcome = forms.ChoiceField(
        label=_("What became of it"), choices=CommitmentOutcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Explanation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed unless it is done."),
    )
    evidence_links = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address a line."),
    )
    practices = forms.ModelMultipleChoiceField(
        label=_("The city's practices, policies and publications"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("The city's projects"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practices"].queryset = selectors.city_practices(city)
        self.fields["projects"].queryset = selectors.city_projects(city)

    def clean_evidence_links(self):
        return evidence_links_clean(self.cleaned_data["evidence_links"])


def item_initial(item, form_class) -> dict:
    """A form's initial values from an item (its links as lists, evidence links one a line)."""
    initial = {}
    for name in form_class.base_fields:
        if name in ("revision", "base") or not hasattr(item, name):
            continue
        value = getattr(item, name)
        if hasattr(value, "all"):
            value = list(value.all())
        elif name == "evidence_links":
            value = "\n".join(value or [])
        initial[name] = value
    return initial


def item_data(form) -> dict:
    """What a valid item form gives a service: its fields without the revision and fingerprint."""
    return {name: value for name, value in form.cleaned_data.items() if name not in ("revision", "base")}
