"""FastSelect writes the same select as Django's own widget, only quicker."""

from html.parser import HTMLParser

import pytest
from django import forms

from creative_cities.core.widgets import Choices, FastCheckboxInput, FastSelect, FastTextInput

CHOICES = [("", "All"), ("x", "Xavier & <Yves>"), ("Group", [("g1", "G1"), ("g2", "G2")])]


class DjangoForm(forms.Form):
    choice = forms.ChoiceField(choices=CHOICES, required=True)


class FastForm(forms.Form):
    choice = forms.ChoiceField(choices=CHOICES, required=True, widget=FastSelect)


class _Parts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append((tag, sorted(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.parts.append(data.strip())


def parts(html: str) -> list:
    parser = _Parts()
    parser.feed(html)
    return parser.parts


@pytest.mark.parametrize("data", [None, {"choice": "g2"}, {"choice": "unknown"}, {"choice": ""}])
def test_fast_select_writes_the_markup_of_djangos_select(data):
    assert parts(str(FastForm(data)["choice"])) == parts(str(DjangoForm(data)["choice"]))


def test_fast_select_escapes_labels_and_marks_the_chosen_option():
    html = str(FastForm({"choice": "x"})["choice"])
    assert "Xavier &amp; &lt;Yves&gt;" in html
    assert '<option value="x" selected>' in html
    assert '<optgroup label="Group">' in html


def test_a_date_field_offers_the_browsers_picker_with_an_iso_date_in_every_language():
    from datetime import date

    from django.utils import translation

    from creative_cities.core.widgets import DateInput

    class When(forms.Form):
        day = forms.DateField(widget=DateInput)

    for language in ("en", "fr", "es"):
        with translation.override(language):
            html = str(When(initial={"day": date(2026, 3, 9)})["day"])
        assert 'type="date"' in html and 'value="2026-03-09"' in html


class DjangoInputs(forms.Form):
    q = forms.CharField(max_length=100, required=False)
    pilot = forms.BooleanField(required=False)


class FastInputs(forms.Form):
    q = forms.CharField(max_length=100, required=False, widget=FastTextInput)
    pilot = forms.BooleanField(required=False, widget=FastCheckboxInput)


@pytest.mark.parametrize("data", [None, {"q": 'a "quoted" <word>', "pilot": "on"}, {"q": ""}])
def test_fast_inputs_write_the_markup_of_djangos_inputs(data):
    for name in ("q", "pilot"):
        assert parts(str(FastInputs(data)[name])) == parts(str(DjangoInputs(data)[name]))


def test_prepared_choices_are_taken_as_they_are_and_shared_by_copies():
    choices = Choices(CHOICES)
    field = forms.ChoiceField(choices=choices, widget=FastSelect)
    assert field.choices is choices and field.widget.choices is choices
    copy = field.__deepcopy__({})
    assert copy.choices is choices and copy.valid_value("g1") and not copy.valid_value("g3")
