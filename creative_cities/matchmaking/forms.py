"""The options of the recommendation pages (GET): whether to favour under-represented places."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .conf import prefer_regions_default

REGION_CHOICES = [
    ("on", _("Favour under-represented places (Africa first, then small island developing states)")),
    ("off", _("Rank without regard to place")),
]


class RecommendationOptionsForm(forms.Form):
    regions = forms.ChoiceField(
        label=_("Under-represented places"), choices=REGION_CHOICES, widget=forms.RadioSelect, required=False
    )

    def prefer_regions(self) -> bool:
        """The choice made, or the configured default when none (or a bad one) was made."""
        if self.is_valid() and self.cleaned_data.get("regions"):
            return self.cleaned_data["regions"] == "on"
        return prefer_regions_default()
