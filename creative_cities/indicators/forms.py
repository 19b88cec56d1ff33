"""Forms of the indicator pages: values of a city, imports, frameworks and their nodes, the dashboards' choices."""

import dataclasses

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from creative_cities.core.uploads import read_capped
from creative_cities.frameworks.models import SdgTarget

from . import selectors
from .choices import Direction, Transform
from .imports import IMPORT_MAX_BYTES
from .models import Framework, Node
from .services import Entry


def _number_field(label, **kwargs) -> forms.FloatField:
    return forms.FloatField(
        label=label, required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **kwargs
    )


class CityValuesForm(forms.Form):
    """Every indicator of a framework for one city and year: value, source, note. A blank value removes it."""

    def __init__(self, *args, leaves: list[Node], existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.leaves = leaves
        for node in leaves:
            current = existing.get(node.pk)
            unit = f" ({node.unit})" if node.unit else ""
            self.fields[f"v_{node.pk}"] = _number_field(f"{node.code} {node.name}{unit}", localize=True)
            self.fields[f"s_{node.pk}"] = forms.CharField(label=_("Source"), required=False, max_length=300)
            self.fields[f"n_{node.pk}"] = forms.CharField(label=_("Note"), required=False, max_length=2000)
            if current is not None and not self.is_bound:
                self.initial.update(
                    {f"v_{node.pk}": current.value, f"s_{node.pk}": current.source, f"n_{node.pk}": current.note}
                )

    def rows(self):
        """The bound fields of each indicator, for the template's table."""
        return [(node, self[f"v_{node.pk}"], self[f"s_{node.pk}"], self[f"n_{node.pk}"]) for node in self.leaves]

    def clean(self):
        cleaned = super().clean()
        for node in self.leaves:
            value = cleaned.get(f"v_{node.pk}")
            if value is not None and (value != value or value in (float("inf"), float("-inf"))):
                self.add_error(f"v_{node.pk}", _("Enter a finite number."))
        return cleaned

    def entries(self, *, city, year) -> list[Entry]:
        data = self.cleaned_data
        return [
            Entry(
                node=node,
                city=city,
                year=year,
                value=data.get(f"v_{node.pk}"),
                source=data.get(f"s_{node.pk}", ""),
                note=data.get(f"n_{node.pk}", ""),
            )
            for node in self.leaves
        ]


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Year"))
        super().__init__(min_value=selectors.FIRST_YEAR, max_value=selectors.LAST_YEAR, **kwargs)


class ValueChoiceForm(forms.Form):
    """Which framework and year the values form shows."""

    framework = forms.ModelChoiceField(
        label=_("Framework"), queryset=Framework.objects.none(), to_field_name="slug", empty_label=None
    )
    year = YearField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = selectors.framework_list_published()


class ImportForm(forms.Form):
    """A CSV or XLSX file of values for one framework."""

    framework = forms.ModelChoiceField(
        label=_("Framework"), queryset=Framework.objects.none(), to_field_name="slug", empty_label=None
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8) or XLSX, at most 1 MB, with the columns city, indicator, year, value, source, note."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = selectors.framework_list_published()

    def clean_file(self) -> bytes:
        return read_capped(self.cleaned_data["file"], max_bytes=IMPORT_MAX_BYTES)


class ImportConfirmForm(forms.Form):
    framework = forms.CharField(widget=forms.HiddenInput)
    payload = forms.CharField(widget=forms.HiddenInput)


class FrameworkForm(forms.ModelForm):
    class Meta:
        model = Framework
        fields = ["name_en", "name_fr", "name_es", "slug", "publisher", "source", "description"]


class NodeForm(forms.ModelForm):
    """A node of a framework; its parent among the framework's other nodes."""

    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"), queryset=SdgTarget.objects.all(), required=False, to_field_name="code"
    )

    class Meta:
        model = Node
        fields = [
            "code",
            "name_en",
            "name_fr",
            "name_es",
            "parent",
            "position",
            "weight",
            "direction",
            "unit",
            "source",
            "definition",
            "transform",
            "goalpost_low",
            "goalpost_high",
            "sdg_targets",
        ]

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        parents = framework.nodes.all()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        self.fields["direction"].choices = Direction.choices
        self.fields["transform"].choices = Transform.choices

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        clash = self.framework.nodes.filter(code=code).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Another node of this framework has this code."))
        return code

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("goalpost_low"), cleaned.get("goalpost_high")
        if (low is None) != (high is None):
            self.add_error("goalpost_high", _("Give both goalposts, or neither."))
        elif low is not None and low >= high:
            self.add_error("goalpost_high", _("The upper goalpost must be above the lower one."))
        return cleaned


METHOD_CHOICES = {
    "imputation": ["none", "mean", "median", "group_mean", "group_median", "regression", "knn"],
    "outliers": ["winsorise", "none", "log"],
    "normalisation": ["minmax", "zscore", "rank", "reference", "goalposts"],
    "weights": ["custom", "equal", "pca"],
    "aggregation": ["arithmetic", "geometric", "harmonic"],
}
METHOD_LABELS = {
    "imputation": _("Missing values"),
    "outliers": _("Outliers"),
    "normalisation": _("Normalisation"),
    "weights": _("Weights"),
    "aggregation": _("Aggregation"),
}


class MethodForm(forms.Form):
    """The engine's choices for a framework's index, checked by the engine's own Method."""

    scale = forms.FloatField(label=_("Scale of the scores"), min_value=1, initial=100.0)
    groups = forms.ChoiceField(
        label=_("Groups of cities for imputation by group"),
        choices=[("field", _("Creative field")), ("region", _("Region"))],
        initial="field",
    )
    min_coverage = forms.FloatField(
        label=_("Least share of indicators a city needs to be scored"), min_value=0, max_value=1, initial=0.0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, options in METHOD_CHOICES.items():
            self.fields[name] = forms.ChoiceField(label=METHOD_LABELS[name], choices=[(key, key) for key in options])
        self.order_fields([*list(METHOD_CHOICES), "groups", "scale", "min_coverage"])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            from creative_cities.composite import Method

            known = {item.name for item in dataclasses.fields(Method)}
            Method(**{key: value for key, value in cleaned.items() if key in known})
        except ImportError:
            pass
        except (TypeError, ValueError) as error:
            raise ValidationError(str(error)) from error
        return cleaned


class DashboardForm(forms.Form):
    """The year a dashboard shows, and how many years back a missing value may be taken from."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    back = forms.TypedChoiceField(
        label=_("Use the latest value of up to"),
        coerce=int,
        required=False,
        choices=[(0, _("this year only")), (1, _("1 year back")), (2, _("2 years back")), (3, _("3 years back"))],
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
