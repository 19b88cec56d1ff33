"""Forms of the knowledge base. Everything is checked before anything is written."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.formats import sanitize_separators
from django.utils.translation import gettext_lazy as _

from creative_cities.cities.pickers import city_picker
from creative_cities.core.languages import writing_language_choices
from creative_cities.core.text import fold
from creative_cities.core.widgets import Picker, PickerMultiple

from .choices import ItemKind, PartnerSector


def _lines(text: str) -> list[tuple[int, list[str]]]:
    return [
        (number, [part.strip() for part in line.split("|")])
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip()
    ]


def sector_names() -> str:
    """The sectors as people write them in the active language: "Public sector, Private sector, …"."""
    return ", ".join(str(label) for label in PartnerSector.labels)


def sector_from_text(text: str) -> str | None:
    """A partner's sector from what a person typed: its name in any of the interface's languages, or its code."""
    wanted = fold(text).replace(" ", "_")
    for sector in PartnerSector:
        names = [sector.value]
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.append(str(sector.label))
        if wanted in {fold(name).replace(" ", "_") for name in names}:
            return sector.value
    return None


class ItemForm(forms.Form):
    """An item's content. Partners, figures and links are one per line, parts separated by “|”,
    which works on a phone and without JavaScript."""

    kind = forms.ChoiceField(label=_("Type"), choices=ItemKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), max_length=1500, widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=60000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: ## heading, **bold**, *italic*, - list, [link](https://…)."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=writing_language_choices)
    cities = forms.ModelMultipleChoiceField(
        label=_("Cities"), queryset=None, required=False, widget=city_picker(multiple=True)
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("Creative fields"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives of the network"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of action"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    sdg_goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"),
        queryset=None,
        required=False,
        # Grouped by goal, in the goals' order; "4.7" or words of the target find it.
        widget=PickerMultiple(group=lambda target: str(target.goal), sort_groups=False),
    )
    keywords = forms.CharField(label=_("Keywords"), required=False, max_length=500, help_text=_("Separated by commas."))
    start_year = forms.IntegerField(label=_("From (year)"), required=False, min_value=1900, max_value=2100)
    end_year = forms.IntegerField(label=_("Until (year)"), required=False, min_value=1900, max_value=2100)
    results = forms.CharField(
        label=_("Results and outcomes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )
    figures = forms.CharField(
        label=_("Figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: what is counted | number | unit, e.g. “Visitors | 12000 | people”."),
    )
    partners = forms.CharField(label=_("Partners"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0, max_digits=14, decimal_places=2)
    currency = forms.RegexField(
        label=_("Currency"), required=False, regex=r"^[A-Za-z]{3}$", help_text=_("Three letters, e.g. EUR, USD, XOF.")
    )
    funding = forms.CharField(
        label=_("Funding"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: address | title."),
    )
    adapted_from = forms.ModelChoiceField(
        label=_("Adapted from another city's practice"),
        queryset=None,
        required=False,
        widget=Picker(group=lambda item: item.owner_city.name if item.owner_city_id else None),
    )
    looking_for_partners = forms.BooleanField(
        label=_("We are looking for partners"),
        required=False,
        help_text=_("Adds a contact form that reaches your focal point; the address is never shown."),
    )

    def __init__(self, *args, choices: dict, exclude_item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].help_text = _("One per line: name | sector, the sector being one of: %(sectors)s.") % {
            "sectors": sector_names()
        }
        for name in ("cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets", "adapted_from"):
            self.fields[name].queryset = choices[name]
        if exclude_item is not None:
            self.fields["adapted_from"].queryset = choices["adapted_from"].exclude(pk=exclude_item.pk)

    def clean_keywords(self):
        words = [word.strip() for word in self.cleaned_data["keywords"].split(",")]
        return list(dict.fromkeys(word for word in words if word))[:20]

    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").upper()

    def clean_figures(self):
        rows, errors = [], []
        for number, parts in _lines(self.cleaned_data["figures"]):
            try:
                # Written as the person writes numbers: "4,200.5" in English, "4 200,5" in French and Spanish.
                label, value = parts[0], Decimal(sanitize_separators(parts[1].replace(" ", "")))
                if not label:
                    raise ValueError
            except (IndexError, InvalidOperation, ValueError):
                errors.append(_("Line %(line)s: write “what is counted | number | unit”.") % {"line": number})
                continue
            rows.append(
                {
                    "label": label[:200],
                    "value": value,
                    "unit": (parts[2] if len(parts) > 2 else "")[:40],
                    "position": number,
                }
            )
        if errors:
            raise forms.ValidationError(errors)
        return rows

    def clean_partners(self):
        rows, errors = [], []
        for number, parts in _lines(self.cleaned_data["partners"]):
            sector = sector_from_text(parts[1]) if len(parts) > 1 else None
            if not parts[0] or sector is None:
                errors.append(
                    _("Line %(line)s: write “name | sector”, the sector being one of %(sectors)s.")
                    % {"line": number, "sectors": sector_names()}
                )
                continue
            rows.append({"name": parts[0][:200], "sector": sector})
        if errors:
            raise forms.ValidationError(errors)
        return rows

    def clean_links(self):
        rows, errors, check = [], [], URLValidator(schemes=["http", "https"])
        for number, parts in _lines(self.cleaned_data["links"]):
            try:
                check(parts[0])
            except forms.ValidationError:
                errors.append(_("Line %(line)s: the address must start with https:// or http://.") % {"line": number})
                continue
            rows.append({"url": parts[0][:500], "title": (parts[1] if len(parts) > 1 else "")[:200]})
        if errors:
            raise forms.ValidationError(errors)
        return rows

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The last year must not be before the first."))
        if cleaned.get("budget") is not None and not cleaned.get("currency"):
            self.add_error("currency", _("Give the budget's currency."))
        return cleaned

    def split(self) -> tuple[dict, dict, dict]:
        """(attributes, relations, rows) for the services."""
        data = self.cleaned_data
        attributes = {
            name: data[name]
            for name in (
                "kind",
                "title",
                "summary",
                "body",
                "language",
                "keywords",
                "start_year",
                "end_year",
                "results",
                "budget",
                "currency",
                "funding",
                "adapted_from",
                "looking_for_partners",
            )
        }
        relations = {
            name: data[name] for name in ("cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets")
        }
        rows = {name: data[name] for name in ("partners", "figures", "links")}
        return attributes, relations, rows


def item_initial(item) -> dict:
    """The form's initial values for an existing item."""
    return {
        **{
            name: getattr(item, name)
            for name in (
                "kind",
                "title",
                "summary",
                "body",
                "language",
                "start_year",
                "end_year",
                "results",
                "budget",
                "currency",
                "funding",
                "adapted_from",
                "looking_for_partners",
            )
        },
        **{
            name: list(getattr(item, name).all())
            for name in ("cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets")
        },
        "keywords": ", ".join(item.keywords or []),
        "figures": "\n".join(
            f"{f.label} | {f.value.normalize():f} | {f.unit}".rstrip(" |") for f in item.figures.all()
        ),
        "partners": "\n".join(f"{p.name} | {p.get_sector_display()}" for p in item.partners.all()),
        "links": "\n".join(f"{link.url} | {link.title}".rstrip(" |") for link in item.links.all()),
    }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish")), ("return", _("Return to the authors with comments"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comments for the authors"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=writing_language_choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), max_length=1500, widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(label=_("Text"), required=False, max_length=60000, widget=forms.Textarea(attrs={"rows": 10}))
    results = forms.CharField(
        label=_("Results and outcomes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "It reaches the city's focal point with your name and e-mail address, so that they can answer you."
        ),
    )
