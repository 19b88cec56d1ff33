"""FastSelect writes the same select as Django's own widget, only quicker."""

import re
from html.parser import HTMLParser

import pytest
from django import forms

from creative_cities.core.widgets import Choices, FastCheckboxInput, FastSelect, FastTextInput, Picker, PickerMultiple

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


def _picker_form(multiple: bool, **widget_options):
    countries = {"lyon": "France", "bogota": "Colombia", "dakar": "Senegal", "medellin": "Colombia"}
    if widget_options.get("group"):
        widget_options["group"] = lambda slug: countries[slug]
    widget = (PickerMultiple if multiple else Picker)(**widget_options)
    field = forms.MultipleChoiceField if multiple else forms.ChoiceField
    choices = [("lyon", "Lyon"), ("bogota", "Bogotá"), ("dakar", "Dakar"), ("medellin", "Medellín")]
    if not multiple:
        choices = [("", "—"), *choices]

    class PickerForm(forms.Form):
        cities = field(choices=choices, widget=widget)

    return PickerForm


def test_a_picker_groups_its_options_by_name_with_the_empty_choice_first():
    form = _picker_form(False, group=True, describe=lambda slug: f"{slug} hint")()
    html = str(form["cities"])
    groups = re.findall(r'<optgroup label="([^"]+)">', html)
    assert groups == ["Colombia", "France", "Senegal"]
    assert html.index('<option value=""') < html.index("<optgroup")
    colombia = html[html.index('label="Colombia"') : html.index('label="France"')]
    assert 'value="bogota"' in colombia and 'value="medellin"' in colombia
    assert 'data-hint="bogota hint"' in html


def test_a_picker_keeps_groups_in_their_order_when_told():
    form = _picker_form(True, group=True, sort_groups=False)()
    assert re.findall(r'<optgroup label="([^"]+)">', str(form["cities"])) == ["France", "Colombia", "Senegal"]


def test_a_multiple_picker_keeps_the_chosen_values_after_a_refusal_and_says_how_to_choose_several():
    form = _picker_form(True)(data={"cities": ["bogota", "dakar", "nowhere"]})
    assert not form.is_valid()
    html = str(form["cities"])
    assert re.search(r"<select[^>]*\bmultiple\b[^>]*size=\"10\"|<select[^>]*size=\"10\"[^>]*\bmultiple\b", html)
    assert '<option value="bogota" selected>' in html and '<option value="dakar" selected>' in html
    assert 'id="id_cities_pickerhint"' in html and "hold Ctrl" in html
    assert re.search(r'aria-describedby="[^"]*id_cities_error[^"]*id_cities_pickerhint"', html)


def test_a_picker_refuses_a_value_outside_its_choices():
    form = _picker_form(False)(data={"cities": "atlantis"})
    assert not form.is_valid()
    assert "Select a valid choice" in form.errors["cities"][0]


def test_a_picker_gives_the_script_its_words_in_the_page_language():
    from django.utils import translation

    html = str(_picker_form(True)()["cities"])
    assert 'data-text-remove="Remove %(name)s"' in html and "data-picker" in html
    with translation.override("fr"):
        assert "data-text-remove=" in str(_picker_form(True)()["cities"])
