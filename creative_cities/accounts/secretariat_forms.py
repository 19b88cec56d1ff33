"""Forms of the Secretariat's pages about people: the list's filters and the changes to one account."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from creative_cities.cities import selectors as city_selectors
from creative_cities.cities.pickers import city_picker
from creative_cities.core.widgets import DateInput, RevealingRadioSelect

from .choices import RoleKind
from .forms import CITY_HINT, FIELD_HINT, refuse_scope_not_taken, role_needs
from .models import Role
from .selectors import today

YES_NO = [("", _("Either")), ("yes", _("Yes")), ("no", _("No"))]


def _city_choice(label, *, members_only: bool = False, by_slug: bool = False) -> forms.ModelChoiceField:
    """Cities by name; the list's filters name them by slug, which reads well in a shared address."""
    cities = city_selectors.city_list() if members_only else city_selectors.city_list(status="all")
    return forms.ModelChoiceField(
        label=label,
        queryset=cities,
        to_field_name="slug" if by_slug else None,
        required=False,
        empty_label="—",
        widget=city_picker(),
    )


def _field_choice(label, *, by_code: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=city_selectors.creative_fields(),
        to_field_name="code" if by_code else None,
        required=False,
        empty_label="—",
    )


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class SecretariatForm(forms.Form):
    """Labels without Django's trailing colon, as on the platform's other forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class UserFilterForm(SecretariatForm):
    """The people list's filters; every one is optional, and an invalid one is left out."""

    q = forms.CharField(label=_("Search name or e-mail"), required=False, max_length=200, widget=forms.SearchInput)
    kind = forms.ChoiceField(label=_("Role held today"), required=False)
    second_factor = forms.ChoiceField(label=_("Second factor set up"), required=False, choices=YES_NO)
    active = forms.ChoiceField(label=_("Account active"), required=False, choices=YES_NO)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any role")), *RoleKind.choices]
        # Built here rather than as class attributes: the querysets are read per form.
        self.fields["city"] = _city_choice(_("City"), by_slug=True)
        self.fields["field"] = _field_choice(_("Creative field"), by_code=True)
        self.order_fields(["q", "kind", "city", "field", "second_factor", "active"])

    def filters(self) -> dict:
        """The valid filters, ready for ``secretariat_selectors.user_list``."""
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q") or "",
            "kind": data.get("kind") or "",
            "city": data["city"].slug if data.get("city") else "",
            "field": data["field"].code if data.get("field") else "",
            "second_factor": _yes_no(data.get("second_factor") or ""),
            "active": _yes_no(data.get("active") or ""),
        }


class RoleGrantForm(SecretariatForm):
    """Give a role. The city is shown for city roles and the field for subnetwork roles
    (RevealingRadioSelect, without scripts); one given to a role that takes none is refused,
    and the service checks that the one needed is there."""

    kind = forms.ChoiceField(
        label=_("Role"),
        choices=RoleKind.choices,
        widget=RevealingRadioSelect(reveals={kind: role_needs(kind) for kind in RoleKind.values}),
    )
    starts_on = forms.DateField(label=_("From"), widget=DateInput)
    ends_on = forms.DateField(
        label=_("Until (optional)"),
        required=False,
        widget=DateInput,
        help_text=_(
            "The first day the role is no longer held. Left empty, the role has no end, "
            "except subnetwork coordinators and deputies, who serve two years."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"starts_on": today()})
        super().__init__(*args, **kwargs)
        self.fields["city"] = _city_choice(_("City (city roles)"))
        self.fields["city"].help_text = CITY_HINT
        self.fields["city"].widget.attrs["data-revealed-by"] = "city"
        self.fields["field"] = _field_choice(_("Creative field (subnetwork roles)"))
        self.fields["field"].help_text = FIELD_HINT
        self.fields["field"].widget.attrs["data-revealed-by"] = "field"
        self.order_fields(["kind", "city", "field", "starts_on", "ends_on"])

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind:
            refuse_scope_not_taken(
                self,
                kind=kind,
                city=cleaned.get("city"),
                field=cleaned.get("field"),
                city_needed=role_needs(kind) == "city",
            )
        return cleaned


class RoleEndForm(SecretariatForm):
    """End one role from a day on (today by default)."""

    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput)

    def __init__(self, *args, role: Role, **kwargs):
        kwargs.setdefault("initial", {"ends_on": today()})
        # One form per role on the page: distinct ids, the same field name in each form.
        kwargs.setdefault("auto_id", f"id_end_{role.pk}_%s")
        super().__init__(*args, **kwargs)
        self.role = role

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if self.role.ends_on is not None and self.role.ends_on <= today():
            raise forms.ValidationError(_("This role has already ended."))
        if ends_on < self.role.starts_on:
            starts = date_format(self.role.starts_on, "DATE_FORMAT")
            raise forms.ValidationError(_("A role cannot end before it starts (%(date)s).") % {"date": starts})
        return ends_on


class FocalPointHandOverForm(SecretariatForm):
    """Make this person the focal point of a member city; the outgoing one's role ends today."""

    def __init__(self, *args, **kwargs):
        # Its own ids: the person's page also has the role form's city field.
        kwargs.setdefault("auto_id", "id_hand_over_%s")
        super().__init__(*args, **kwargs)
        self.fields["city"] = _city_choice(_("City"), members_only=True)
        self.fields["city"].required = True
