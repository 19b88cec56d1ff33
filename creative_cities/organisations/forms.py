"""Forms of organisations. Everything is checked before anything is written."""

from django import forms
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City, Country
from creative_cities.cities.pickers import city_picker
from creative_cities.core.widgets import FastSelect

from .choices import MemberRole, Sector
from .models import Organisation


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "sector", "country", "town", "member_city", "website", "description"]
        widgets = {
            "sector": forms.RadioSelect,
            "country": FastSelect,
            "member_city": city_picker(),
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "member_city": _("If the organisation is in one of the network's cities, it is shown on that city's page."),
            "description": _("What the organisation does and what it brings to partners. Markdown."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = Sector.choices
        self.fields["country"].queryset = Country.objects.order_by("name_en")
        self.fields["member_city"].queryset = (
            City.objects.filter(status=CityStatus.MEMBER).select_related("country", "field").order_by("name")
        )
        self.fields["member_city"].required = False

    def clean(self):
        cleaned = super().clean()
        country, city = cleaned.get("country"), cleaned.get("member_city")
        if country and city and city.country_id != country.pk:
            self.add_error("member_city", _("This member city is not in the organisation's country."))
        return cleaned


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of their account"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or town"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices])
    country = forms.ChoiceField(label=_("Country"), required=False, widget=FastSelect)
    verified = forms.ChoiceField(
        label=_("Verification"),
        required=False,
        choices=[("", _("All")), ("yes", _("Verified by the Secretariat")), ("no", _("Not verified yet"))],
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *[(c.iso2, str(c)) for c in countries]]
