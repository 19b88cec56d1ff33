"""Forms of projects. Everything is checked before anything is written; the API uses them too."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.models import City
from creative_cities.core.languages import writing_language_choices
from creative_cities.core.widgets import Choices, DateInput, FastCheckboxInput, FastSelect, FastTextInput, Picker

from .choices import STATUS_MOVES, MilestoneStatus, PartnerRole, ProjectStatus
from .parties import party_from_key

PARTNER_ROLES = [(value, label) for value, label in PartnerRole.choices if value != PartnerRole.LEAD]


class ProjectForm(forms.Form):
    """A project's facts. On creation it names the lead; on editing it offers the status moves allowed."""

    lead = forms.ChoiceField(
        label=_("Led by"), help_text=_("The city or organisation that leads the project: one you act for.")
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), max_length=1500, widget=forms.Textarea(attrs={"rows": 3}))
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=60000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: ## heading, **bold**, *italic*, - list, [link](https://…)."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=writing_language_choices)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices, initial=ProjectStatus.IDEA)
    is_pilot = forms.BooleanField(
        label=_("Pilot initiative of the network"),
        required=False,
        help_text=_("A pilot initiative of the network, to be scaled up."),
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("Creative fields"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives of the network"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of action"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    sdg_goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    start_on = forms.DateField(label=_("Starts on"), required=False, widget=DateInput())
    end_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0, max_digits=14, decimal_places=2)
    currency = forms.RegexField(
        label=_("Currency"),
        required=False,
        regex=r"^[A-Za-z]{3}$",
        help_text=_("Three letters, e.g. EUR, USD, XOF."),
        error_messages={"invalid": _("Write the currency as three letters, e.g. EUR.")},
    )
    funding_sources = forms.CharField(
        label=_("Funding sources"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, choices: dict, leads: list | None = None, project=None, **kwargs):
        """``leads``: the parties offered as lead (on creation); ``project``: the project edited."""
        super().__init__(*args, **kwargs)
        for name in ("fields", "objectives", "areas", "sdg_goals"):
            self.fields[name].queryset = choices[name]
        if project is None:
            self.fields["lead"].choices = [(key, label) for key, label in (leads or [])]
            self.fields["status"].choices = [
                (value, label)
                for value, label in ProjectStatus.choices
                if value in (ProjectStatus.IDEA, ProjectStatus.SEEKING, ProjectStatus.ACTIVE)
            ]
        else:
            del self.fields["lead"]
            allowed = {project.status, *STATUS_MOVES.get(project.status, set())}
            self.fields["status"].choices = [(v, label) for v, label in ProjectStatus.choices if v in allowed]
            self.fields["status"].help_text = _(
                "Ideas seek partners and become active; active projects are completed. Completed and cancelled "
                "projects are closed."
            )

    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").upper()

    def clean_lead(self):
        party = party_from_key(self.cleaned_data["lead"])
        if party is None:
            raise forms.ValidationError(_("Choose the city or organisation that leads the project."))
        return party

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_on"), cleaned.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", _("The project cannot end before it starts."))
        if cleaned.get("budget") is not None and not cleaned.get("currency"):
            self.add_error("currency", _("Say in which currency the budget is."))
        return cleaned

    def service_arguments(self) -> tuple[dict, dict]:
        """(data, relations) for project_create and project_update."""
        data = {
            name: self.cleaned_data[name]
            for name in (
                "title", "summary", "description", "language", "status", "is_pilot",
                "start_on", "end_on", "budget", "currency", "funding_sources",
            )
        }  # fmt: skip
        if "lead" in self.cleaned_data:
            lead = self.cleaned_data["lead"]
            key = "lead_city" if isinstance(lead, City) else "lead_organisation"
            data.update({"lead_city": None, "lead_organisation": None, key: lead})
        relations = {name: self.cleaned_data[name] for name in ("fields", "objectives", "areas", "sdg_goals")}
        return data, relations


class ProjectFilterForm(forms.Form):
    """The list's filters; the choices are (value, label) pairs (``selectors.project_filter_choices``)."""

    q = forms.CharField(label=_("Title or summary"), required=False, max_length=100, widget=FastTextInput)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *ProjectStatus.choices],
        widget=FastSelect,
    )
    field = forms.ChoiceField(label=_("Creative field"), required=False, widget=FastSelect)
    region = forms.ChoiceField(label=_("Region of the lead city"), required=False, widget=FastSelect)
    city = forms.ChoiceField(label=_("City (lead or partner)"), required=False, widget=FastSelect)
    organisation = forms.ChoiceField(label=_("Organisation (lead or partner)"), required=False, widget=FastSelect)
    pilot = forms.BooleanField(label=_("Pilot initiatives only"), required=False, widget=FastCheckboxInput)

    def __init__(self, *args, fields=(), regions=(), cities=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Long lists (405 cities, hundreds of organisations): taken as the pairs they are, not normalised per form.
        for name, everything, pairs in (
            ("field", _("All fields"), fields),
            ("region", _("All regions"), regions),
            ("city", _("All cities"), cities),
            ("organisation", _("All organisations"), organisations),
        ):
            self.fields[name].choices = Choices([("", everything), *pairs])


class PartnerAddForm(forms.Form):
    party = forms.ChoiceField(label=_("City or organisation"), widget=Picker)
    role = forms.ChoiceField(label=_("Role"), choices=PARTNER_ROLES, initial=PartnerRole.PARTNER)
    contribution = forms.CharField(label=_("What they bring"), required=False, max_length=500)
    joined_on = forms.DateField(
        label=_("Joined on"), required=False, widget=DateInput(), help_text=_("Today if left empty.")
    )

    def __init__(self, *args, party_choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [
            ("", _("Choose…")),
            (_("Cities"), party_choices["cities"]),
            (_("Organisations"), party_choices["organisations"]),
        ]

    def clean_party(self):
        party = party_from_key(self.cleaned_data["party"])
        if party is None:
            raise forms.ValidationError(_("Choose a city or an organisation."))
        return party


class PartnerForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=PARTNER_ROLES)
    contribution = forms.CharField(label=_("What they bring"), required=False, max_length=500)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices, initial=MilestoneStatus.PLANNED)
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=DateInput(),
        help_text=_("For a milestone done; today if left empty."),
    )


class MilestoneStatusForm(forms.Form):
    """What partners may change of a milestone: how far it is."""

    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=DateInput(),
        help_text=_("For a milestone done; today if left empty."),
    )


class ResultForm(forms.Form):
    label = forms.CharField(label=_("What is counted"), max_length=200)
    value = forms.DecimalField(label=_("Value reached"), max_digits=16, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=16, decimal_places=2, min_value=0.01)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=40, help_text=_("e.g. people, events, %"))
    note = forms.CharField(label=_("Note or source"), required=False, max_length=500)


class BaseResultFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        """The results kept, in order: the rows filled in and not marked for removal."""
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


ResultFormSet = forms.formset_factory(ResultForm, formset=BaseResultFormSet, extra=2, can_delete=True, max_num=100)


class ProjectUpdateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown. The project's followers receive it."),
    )
