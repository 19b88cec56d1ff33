"""The graph's filters, shared by the page, the exports and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.models import FIRST_DESIGNATION_YEAR

from .choices import EdgeKind

YEAR_MAX = 2100


class CooperationFilterForm(forms.Form):
    """Up to a year, and which kinds of links: empty means every year, every kind."""

    year = forms.IntegerField(
        label=_("Up to the year"),
        required=False,
        min_value=FIRST_DESIGNATION_YEAR,
        max_value=YEAR_MAX,
        help_text=_("Links formed in this year or before."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of links"),
        required=False,
        choices=EdgeKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every kind."),
    )

    def filters(self) -> dict:
        """The valid filters as keyword arguments of selectors.graph_figures."""
        data = self.cleaned_data if self.is_valid() else {}
        return {"year": data.get("year"), "kinds": sorted(data.get("kinds") or [])}


class LinkFilterForm(CooperationFilterForm):
    """The graph's filters, and a city's name to find its links in the list of links."""

    city = forms.CharField(
        label=_("City"),
        required=False,
        max_length=100,
        help_text=_("Links of the cities whose name contains this."),
    )

    def city_name(self) -> str:
        return (self.cleaned_data.get("city") or "").strip() if self.is_valid() else ""
