"""The directory's filters, shared by the pages, the exports and the API."""

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from . import selectors
from .choices import STATUS_ALL, CitySort, CityStatus
from .models import FIRST_DESIGNATION_YEAR


class CountryCodesField(forms.MultipleChoiceField):
    """ISO codes in any case: the country pages' addresses use lower case."""

    def to_python(self, value):
        return [code.upper() for code in super().to_python(value)]


class CityFilterForm(forms.Form):
    """Validates a directory query; every field is optional and repeatable where a list makes sense."""

    q = forms.CharField(label=_("Search city or country"), required=False, max_length=100)
    field = forms.MultipleChoiceField(label=_("Creative field"), required=False)
    region = forms.MultipleChoiceField(label=_("Region"), required=False)
    country = CountryCodesField(label=_("Country"), required=False)
    year_from = forms.IntegerField(label=_("Designated from"), required=False)
    year_to = forms.IntegerField(label=_("Designated until"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[(CityStatus.MEMBER, _("Members")), (CityStatus.LEFT, _("Former members")), (STATUS_ALL, _("All"))],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=CitySort.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = selectors.filter_choices()
        self.fields["field"].choices = choices["fields"]
        self.fields["region"].choices = choices["regions"]
        self.fields["country"].choices = choices["countries"]
        last_year = date.today().year
        for name in ("year_from", "year_to"):
            self.fields[name].validators += [MinValueValidator(FIRST_DESIGNATION_YEAR), MaxValueValidator(last_year)]
            self.fields[name].widget.attrs.update({"min": FIRST_DESIGNATION_YEAR, "max": last_year})
        self.fields["year_from"].widget.attrs["placeholder"] = str(FIRST_DESIGNATION_YEAR)
        self.fields["year_to"].widget.attrs["placeholder"] = str(last_year)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", _("The last year must not be before the first."))
        return cleaned

    def filters(self) -> dict:
        """The cleaned filters with defaults, ready for the selector."""
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "fields": data.get("field") or [],
            "regions": data.get("region") or [],
            "countries": data.get("country") or [],
            "year_from": data.get("year_from"),
            "year_to": data.get("year_to"),
            "status": data.get("status") or CityStatus.MEMBER,
            "sort": data.get("sort") or CitySort.NAME,
        }


class CityProfileForm(forms.Form):
    """The part of a city's page that its focal point and team keep up to date."""

    website = forms.URLField(label=_("Official website"), required=False, assume_scheme="https", max_length=200)
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea, max_length=5000
    )
    description_fr = forms.CharField(
        label=_("Description in French"), required=False, widget=forms.Textarea, max_length=5000
    )
    description_es = forms.CharField(
        label=_("Description in Spanish"), required=False, widget=forms.Textarea, max_length=5000
    )
