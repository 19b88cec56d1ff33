from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .choices import TOKEN_LIFETIMES, TokenScope


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
