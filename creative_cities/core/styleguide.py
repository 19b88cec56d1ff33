"""Sample data of the styleguide (/en/styleguide/): every component of templates/components/, filled.

Nothing here is read from the database: the catalogue shows the components as they are, in
the interface's language, on any installation.
"""

from django import forms
from django.core.paginator import Paginator
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import charts, design_tokens
from .widgets import FastCheckboxInput, FastSelect, FastTextInput, Picker, PickerMultiple

FIELD_CHOICES = [
    ("crafts_folk_art", gettext_lazy("Crafts and Folk Art")),
    ("design", gettext_lazy("Design")),
    ("film", gettext_lazy("Film")),
    ("gastronomy", gettext_lazy("Gastronomy")),
    ("literature", gettext_lazy("Literature")),
    ("media_arts", gettext_lazy("Media Arts")),
    ("music", gettext_lazy("Music")),
    ("architecture", gettext_lazy("Architecture")),
]


class SampleForm(forms.Form):
    """A form with one field of each kind, rendered by the platform's form renderer."""

    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=200,
        help_text=gettext_lazy("A short title, as people would search for it."),
    )
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"),
        widget=forms.RadioSelect,
        choices=[
            ("practice", gettext_lazy("Good practice")),
            ("policy", gettext_lazy("Policy or measure")),
            ("publication", gettext_lazy("Publication")),
        ],
    )
    fields = forms.MultipleChoiceField(
        label=gettext_lazy("Creative fields"), widget=forms.CheckboxSelectMultiple, choices=FIELD_CHOICES
    )
    start_year = forms.IntegerField(label=gettext_lazy("First year"), required=False)
    end_year = forms.IntegerField(label=gettext_lazy("Last year"), required=False)
    summary = forms.CharField(label=gettext_lazy("Summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    looking_for_partners = forms.BooleanField(
        label=gettext_lazy("Looking for partners"),
        required=False,
        help_text=gettext_lazy("Other cities may then write to your focal point."),
    )


# A few cities as the pickers show them: (value, name, country, field).
SAMPLE_CITIES = [
    ("bogota", "Bogotá", "Colombia", gettext_lazy("Music")),
    ("dakar", "Dakar", "Senegal", gettext_lazy("Media Arts")),
    ("lyon", "Lyon", "France", gettext_lazy("Media Arts")),
    ("medellin", "Medellín", "Colombia", gettext_lazy("Music")),
    ("saint-etienne", "Saint-Étienne", "France", gettext_lazy("Design")),
]
_CITY = {value: (country, field) for value, _name, country, field in SAMPLE_CITIES}


def _city_group(value) -> str:
    return _CITY[value][0]


def _city_detail(value) -> str:
    return f"{_CITY[value][0]} · {_CITY[value][1]}"


class SamplePickerForm(forms.Form):
    """Long choices: several cities, or one (core.widgets.PickerMultiple and Picker)."""

    cities = forms.MultipleChoiceField(
        label=gettext_lazy("Cities"),
        choices=[(value, name) for value, name, _country, _field in SAMPLE_CITIES],
        widget=PickerMultiple(group=_city_group, describe=_city_detail),
    )
    member_city = forms.ChoiceField(
        label=gettext_lazy("Member city"),
        required=False,
        choices=[("", "—"), *[(value, name) for value, name, _country, _field in SAMPLE_CITIES]],
        widget=Picker(group=_city_group, describe=_city_detail),
    )


class SampleFilterForm(forms.Form):
    """A list's filters, as the directory, the projects and the board have them."""

    q = forms.CharField(label=gettext_lazy("Words"), required=False, widget=FastTextInput)
    field = forms.ChoiceField(
        label=gettext_lazy("Creative field"),
        required=False,
        choices=[("", gettext_lazy("All fields")), *FIELD_CHOICES],
        widget=FastSelect,
    )
    pilot = forms.BooleanField(label=gettext_lazy("Pilot initiatives only"), required=False, widget=FastCheckboxInput)


# Three cities on the map, drawn as presentation.map_markers_html draws them (x, y in the 1000 × 500 box).
SAMPLE_MARKERS = [("Lyon", "France", "media_arts", 513.4, 122.9), ("Dakar", "Senegal", "music", 451.6, 209.2)]


def _markers() -> str:
    links = []
    for name, country, field, x, y in SAMPLE_MARKERS:
        label = escape(f"{name}, {country}")
        links.append(
            f'<a href="#map-sample" class="marker f-{field}" aria-label="{label}">'
            f'<circle cx="{x}" cy="{y}" r="4"><title>{label}</title></circle></a>'
        )
    return mark_safe("\n".join(links))  # noqa: S308 - the values above are escaped


def context() -> dict:
    """What templates/core/styleguide.html shows."""
    sample = SampleForm(auto_id="sample_%s")
    refused = SampleForm(
        {"title": "", "email": "not an address", "kind": "practice", "fields": ["music"]}, auto_id="refused_%s"
    )
    refused.is_valid()
    refused.add_error(None, _("A practice needs at least one city."))
    filters = SampleFilterForm({"q": _("music"), "field": "music"}, auto_id="filter_%s")
    filters.is_valid()
    growth = [(2019, 246), (2020, 246), (2021, 295), (2022, 295), (2023, 350), (2024, 350), (2025, 408)]
    return {
        "colour_tokens": design_tokens.colour_tokens(),
        "contrast_pairs": design_tokens.contrast_pairs(),
        "type_scale": ["font-size-s", "font-size-m", "font-size-l", "font-size-xl", "font-size-2xl", "font-size-3xl"],
        "spaces": [
            (name, value, round(float(value.removesuffix("rem")) * 16))
            for name, value in design_tokens.tokens().items()
            if name.startswith("space-")
        ],
        "field_choices": FIELD_CHOICES,
        "share_card": static("brand/share-card.png"),
        "sample_form": sample,
        "picker_form": SamplePickerForm(initial={"cities": ["lyon"]}, auto_id="picker_%s"),
        "refused_form": refused,
        "filter_form": filters,
        "page": Paginator(range(1, 241), 20).get_page(5),
        "chart": charts.bar_chart(growth),
        "map_markers": _markers(),
        "map_fields": [{"code": code, "name": name} for code, name in FIELD_CHOICES if code in ("media_arts", "music")],
        "statuses": [
            ("draft", _("Draft")),
            ("submitted", _("Waiting for review")),
            ("returned", _("Returned with comments")),
            ("published", _("Published")),
            ("rejected", _("Declined")),
            ("withdrawn", _("Withdrawn")),
        ],
    }


class SampleListFilterForm(SampleFilterForm):
    example = forms.CharField(widget=forms.HiddenInput, initial="list")  # stays on the example when applied


def list_context(request) -> dict:
    """The example list page: a few made-up projects beside a filter panel."""
    filters = SampleListFilterForm(request.GET or None, initial={"example": "list"})
    filters.is_valid()
    rows = [
        {"title": _("Night buses that read aloud"), "lead": "Lyon", "field": "literature"},
        {"title": _("A music school for every district"), "lead": "Dakar", "field": "music"},
        {"title": _("Open kitchens of the old town"), "lead": "Parma", "field": "gastronomy"},
    ]
    wanted = (filters.cleaned_data.get("field") if filters.is_bound else "") or ""
    shown = [row for row in rows if not wanted or row["field"] == wanted]
    return {
        "form": filters,
        "rows": shown,
        "page": Paginator(shown, 20).get_page(1),
        "action": request.path + "?example=list",
    }
