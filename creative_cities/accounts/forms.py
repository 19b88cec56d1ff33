from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from creative_cities.cities.pickers import city_picker
from creative_cities.core.uploads import ImageUploadField
from creative_cities.core.widgets import RevealingRadioSelect

from .adapter import interface_language, invitation_followed
from .choices import CITY_ROLES, FIELD_ROLES, TOKEN_LIFETIMES, Language, RoleKind, TokenScope


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, with the language of the person's e-mails.

    Someone who follows an invitation finds its address filled in (signing up with it
    needs no confirmation: the invitation reached it) and its language chosen; anyone
    else finds the language of the page.
    """

    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Language.choices,
        help_text=_("The language of the e-mails the platform sends you."),
        required=False,  # clients that do not send it get the language offered
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        invitation = invitation_followed(context.request)
        self.fields["preferred_language"].initial = invitation.language if invitation else interface_language()
        if invitation is not None and not self.fields["email"].initial:
            self.fields["email"].initial = invitation.email

    def clean_preferred_language(self) -> str:
        return self.cleaned_data.get("preferred_language") or self.fields["preferred_language"].initial


class AccountDeleteForm(forms.Form):
    """Deleting an account asks for its password, so that a borrowed session cannot do it.

    People who only sign in through single sign-on have no password: they type their
    e-mail address instead, which at least stops a stray click.
    """

    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            self.fields["password"] = forms.CharField(
                label=_("Your e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
            )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.has_usable_password():
            if password.strip().lower() != self.user.email.lower():
                raise forms.ValidationError(_("This is not your e-mail address."))
        elif not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


CITY_HINT = _("For city focal points and city team members only.")
FIELD_HINT = _("For subnetwork coordinators and deputies only.")


def role_needs(kind: str, *, city_given: bool = False) -> str:
    """What a role needs beside it on a form: "field", "city" (unless the choice names it) or nothing."""
    if kind in FIELD_ROLES:
        return "field"
    return "city" if kind in CITY_ROLES and not city_given else ""


def refuse_scope_not_taken(form: forms.Form, *, kind: str, city, field, city_needed: bool) -> None:
    """Adds to ``form`` an error for a field, or a city, given with a role that takes none.

    ``city_needed``: whether the city comes from this form's city field (a city role whose
    choice does not name its city already).
    """
    if kind not in FIELD_ROLES and field is not None:
        form.add_error("field", _("Only subnetwork coordinators and deputies have a creative field: leave it empty."))
    if not city_needed and city is not None:
        form.add_error("city", _("Only city focal points and city team members have a city: leave it empty."))


class InvitationForm(forms.Form):
    """Who to invite to which role. The choices are those the inviting person may give.

    The roles are radio buttons: the creative field is shown for subnetwork roles only and the
    city for city roles only (RevealingRadioSelect); a field or city sent for a role that takes
    none is refused, so that nobody is invited to something other than what they see.
    """

    email = forms.EmailField(label=_("E-mail address of the person invited"))
    role = forms.ChoiceField(label=_("Role"), widget=RevealingRadioSelect)
    city = forms.ChoiceField(
        label=_("City (city roles)"), required=False, widget=city_picker(by_key={}), help_text=CITY_HINT
    )
    field = forms.ChoiceField(
        label=_("Creative field (subnetwork roles)"),
        required=False,
        widget=forms.Select(attrs={"data-revealed-by": "field"}),
        help_text=FIELD_HINT,
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=Language.choices)

    def __init__(self, *args, allowed: list[tuple[str, object]], fields, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The Secretariat chooses the city; a focal point's invitations are for their own.
        self._cities = {c.slug: c for c in cities or []}
        if cities is None:
            del self.fields["city"]
        else:
            # The widget first: setting the field's choices gives them to its widget.
            self.fields["city"].widget = city_picker(by_key=self._cities)
            self.fields["city"].widget.attrs["data-revealed-by"] = "city"
            self.fields["city"].choices = [("", "—")] + [(c.slug, c.name) for c in cities]
        labels = dict(RoleKind.choices)
        # One choice per role and city: a focal point sees "City team member · Lyon" only.
        self.allowed = {f"{kind}:{city.pk if city else ''}": (kind, city) for kind, city in allowed}
        self.fields["role"].choices = [
            (value, f"{labels[kind]} · {city.name}" if city else labels[kind])
            for value, (kind, city) in self.allowed.items()
        ]
        self.fields["role"].widget.reveals = {
            value: role_needs(kind, city_given=city is not None) for value, (kind, city) in self.allowed.items()
        }
        self.fields["field"].choices = [("", "—")] + [(f.code, f.name) for f in fields]
        self._fields = {f.code: f for f in fields}

    def clean(self):
        cleaned = super().clean()
        kind, city = self.allowed.get(cleaned.get("role"), (None, None))
        chosen_city = self._cities.get(cleaned.get("city") or "")
        cleaned["creative_field"] = self._fields.get(cleaned.get("field") or "")
        cleaned["kind"], cleaned["city"] = kind, city or chosen_city
        if kind is None:
            return cleaned
        needs = role_needs(kind, city_given=city is not None)
        if needs == "field" and cleaned["creative_field"] is None:
            self.add_error("field", _("This role belongs to a creative field."))
        if needs == "city" and chosen_city is None:
            self.add_error("city", _("Choose the city with the role."))
        refuse_scope_not_taken(
            self, kind=kind, city=chosen_city, field=cleaned["creative_field"], city_needed=needs == "city"
        )
        return cleaned


# Avatars are shown small (the header) and at most a few hundred pixels wide (the profile).
AVATAR_EDGE = 512


class ProfileForm(forms.Form):
    """What a person edits of their own account: their name, language and picture."""

    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Language.choices,
        help_text=_(
            "The language of the e-mails the platform sends you. It is also set when you switch "
            "the language of the pages while signed in."
        ),
    )
    avatar = ImageUploadField(
        label=_("Picture"),
        required=False,
        max_edge=AVATAR_EDGE,
        square=True,
        help_text=_(
            "A JPEG, PNG, WebP or GIF image. It is cropped to a square, and stored without "
            "the details a camera records (place, date, device)."
        ),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my picture"), required=False)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {"full_name": user.full_name, "preferred_language": user.preferred_language})
        super().__init__(*args, **kwargs)
        if not user.avatar:
            del self.fields["remove_avatar"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("avatar") and cleaned.get("remove_avatar"):
            self.add_error("remove_avatar", _("Send a new picture or remove the current one, not both."))
        return cleaned


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “city website sync”."),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=TokenScope.choices, widget=forms.RadioSelect)
    days = forms.TypedChoiceField(
        label=_("Expires after"),
        coerce=int,
        choices=[
            (days, ngettext_lazy("%(count)d day", "%(count)d days", days) % {"count": days}) for days in TOKEN_LIFETIMES
        ],
        initial=90,
    )
