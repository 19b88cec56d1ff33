"""Forms of the board. Everything is checked before anything is written."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.models import CreativeField
from creative_cities.cities.selectors import filter_choices
from creative_cities.core.widgets import DateInput, FastSelect, FastTextInput
from creative_cities.frameworks.models import SdgGoal
from creative_cities.projects.parties import party_key

from . import selectors
from .choices import CallKind, CallTopic
from .models import Call


def _party_choices(parties) -> list[tuple[str, str]]:
    return [(party_key(party), str(party)) for party in parties]


class CallForm(forms.ModelForm):
    """A call's content; on creation, also who publishes it (one of the person's cities or organisations)."""

    publisher = forms.ChoiceField(label=_("Published by"), required=False)
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=DateInput,
        help_text=_("The last day to answer. The call closes by itself after this day."),
    )

    class Meta:
        model = Call
        fields = ["kind", "topic", "title", "description", "language", "deadline", "fields", "sdg_goals"]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 10}),
            "fields": forms.CheckboxSelectMultiple,
            "sdg_goals": forms.CheckboxSelectMultiple,
        }
        labels = {
            "kind": _("Need or offer"),
            "topic": _("About"),
            "title": _("Title"),
            "description": _("Description"),
            "language": _("Written in"),
            "fields": _("Creative fields"),
            "sdg_goals": _("Sustainable Development Goals"),
        }
        help_texts = {
            "description": _("What you seek or offer, for whom, and what you expect. Markdown."),
        }

    def __init__(self, *args, publishers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CallKind.choices
        self.fields["topic"].choices = CallTopic.choices
        self.fields["fields"].queryset = CreativeField.objects.all()
        self.fields["sdg_goals"].queryset = SdgGoal.objects.all()
        self.publishers = {party_key(party): party for party in publishers or []}
        if publishers is None:  # editing: the publisher stays
            del self.fields["publisher"]
        else:
            self.fields["publisher"].required = True
            self.fields["publisher"].choices = [("", _("Choose…")), *_party_choices(publishers)]
            self.order_fields(["publisher"])

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        changed = self.instance.pk is None or deadline != self.instance.deadline
        if changed and deadline < selectors.today():
            raise forms.ValidationError(_("The deadline must be today or a later day."))
        return deadline

    def split(self) -> tuple[object, dict, dict]:
        """The publisher, the call's values and its relations, as the services take them."""
        data = {name: self.cleaned_data[name] for name in ("kind", "topic", "title", "description", "language")}
        data["deadline"] = self.cleaned_data["deadline"]
        relations = {"fields": list(self.cleaned_data["fields"]), "sdg_goals": list(self.cleaned_data["sdg_goals"])}
        return self.publishers.get(self.cleaned_data.get("publisher") or ""), data, relations


class InterestForm(forms.Form):
    party = forms.ChoiceField(label=_("Answer for"))
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you bring, and how to reach you. The publisher's team reads it."),
    )

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = {party_key(party): party for party in parties}
        self.fields["party"].choices = _party_choices(parties)

    @property
    def chosen_party(self):
        """The city or organisation chosen, once the form is valid."""
        return self.parties.get(self.cleaned_data.get("party") or "")


class DecisionForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CallFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100, widget=FastTextInput)
    kind = forms.ChoiceField(
        label=_("Need or offer"), required=False, choices=[("", _("Both")), *CallKind.choices], widget=FastSelect
    )
    topic = forms.ChoiceField(
        label=_("About"), required=False, choices=[("", _("Anything")), *CallTopic.choices], widget=FastSelect
    )
    field = forms.ChoiceField(label=_("Creative field"), required=False, widget=FastSelect)
    region = forms.ChoiceField(label=_("Region of the publisher"), required=False, widget=FastSelect)
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("open", _("Open calls")), ("all", _("Open and closed calls"))],
        initial="open",
        widget=FastSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registry = filter_choices()  # kept per version of the registry
        self.fields["field"].choices = [("", _("All fields")), *registry["fields"]]
        self.fields["region"].choices = [("", _("All regions")), *registry["regions"]]

    def filters(self) -> dict:
        """The selector's arguments; an invalid value is ignored rather than refused."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q", ""),
            "kind": data.get("kind", ""),
            "topic": data.get("topic", ""),
            "field": data.get("field", ""),
            "region": data.get("region", ""),
            "open_only": (data.get("status") or "open") != "all",
        }
