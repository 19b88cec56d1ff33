from django import forms

from . import kinds


class PreferencesForm(forms.Form):
    """Two boxes per kind of notification: in the platform, by e-mail."""

    def __init__(self, *args, current: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for kind, in_app, by_email in current:
            self.fields[f"{kind.code}__in_app"] = forms.BooleanField(required=False, initial=in_app)
            self.fields[f"{kind.code}__by_email"] = forms.BooleanField(required=False, initial=by_email)
            self.rows.append((kind, self[f"{kind.code}__in_app"], self[f"{kind.code}__by_email"]))

    def choices(self) -> dict[str, tuple[bool, bool]]:
        return {
            kind.code: (self.cleaned_data[f"{kind.code}__in_app"], self.cleaned_data[f"{kind.code}__by_email"])
            for kind in kinds.all_kinds()
            if f"{kind.code}__in_app" in self.cleaned_data
        }
