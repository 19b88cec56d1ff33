"""The directory's filters, shared by the pages, the exports and the API."""

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from creative_cities.core.uploads import ImageUploadField
from creative_cities.core.widgets import DateInput

from . import selectors
from .choices import STATUS_ALL, ChangeRequestKind, CitySort, CityStatus
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


class ChangeRequestForm(forms.Form):
    """A city's request to the Secretariat; the service checks what each kind of change needs."""

    kind = forms.ChoiceField(label=_("Change requested"), choices=ChangeRequestKind.choices, widget=forms.RadioSelect)
    new_name = forms.CharField(label=_("New name"), required=False, max_length=200)
    new_field = forms.ModelChoiceField(label=_("New creative field"), required=False, queryset=None)
    effective_year = forms.IntegerField(label=_("From the year"), required=False)
    left_on = forms.DateField(label=_("Leaving on"), required=False, widget=DateInput)
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["new_field"].queryset = selectors.creative_fields()

    def clean(self):
        """The service's own checks, so that every problem shows at once, not one round at a time."""
        from .services import change_request_errors

        cleaned = super().clean()
        if "kind" in cleaned:
            values = {name: cleaned.get(name) for name in ("new_name", "new_field", "effective_year", "left_on")}
            errors = change_request_errors(
                city=self.city,
                kind=cleaned["kind"],
                reason=cleaned.get("reason") or "",
                **{**values, "new_name": values["new_name"] or ""},
            )
            for name, message in errors.items():
                if name not in self.errors:
                    self.add_error(name, message)
        return cleaned


class ChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and apply the change")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the city"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you decline."),
    )


class CityContactForm(forms.Form):
    """One of a city's contacts; leaving the name empty removes the contact."""

    full_name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("full_name") and any(cleaned.get(name) for name in ("job_title", "email", "phone")):
            self.add_error("full_name", _("Give the person's name, or empty every field to remove the contact."))
        return cleaned


class FocalPointHandoverForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the new focal point"),
        help_text=_("The person must already have an account; invite them to the city's team first if not."),
    )
    confirm = forms.BooleanField(label=_("I understand that the current focal point loses access to the city's work."))


class CityImageForm(forms.Form):
    """An image and what it shows, said in words for people who cannot see it."""

    image = ImageUploadField(label=_("Image"), max_edge=1600, help_text=_("JPEG, PNG, WebP or GIF."))
    alt_en = forms.CharField(
        label=_("What the image shows, in English"),
        max_length=250,
        help_text=_("Read aloud to people who cannot see the image."),
    )
    alt_fr = forms.CharField(label=_("What the image shows, in French"), max_length=250, required=False)
    alt_es = forms.CharField(label=_("What the image shows, in Spanish"), max_length=250, required=False)
    credit = forms.CharField(label=_("Credit"), max_length=200, required=False, help_text=_("Photographer, licence."))
