"""The shared components of templates/components/ render what a refused form needs to say."""

from django import forms
from django.template.loader import render_to_string


class Contact(forms.Form):
    name = forms.CharField(label="Name")
    email = forms.EmailField(label="E-mail address")

    def clean(self):
        raise forms.ValidationError("Nothing matches.")


def test_the_error_summary_says_what_was_not_done_and_links_each_problem_to_its_field():
    form = Contact({"name": "", "email": "not an address"})
    assert not form.is_valid()
    html = render_to_string("components/error_summary.html", {"form": form, "message": "Nothing was saved."})
    assert 'role="alert"' in html and "Nothing was saved." in html
    assert '<a href="#id_name">Name: This field is required.</a>' in html
    assert '<a href="#id_email">E-mail address: Enter a valid email address.</a>' in html
    assert "<li>Nothing matches.</li>" in html


def test_filter_errors_show_only_when_a_filter_was_not_understood():
    class Filters(forms.Form):
        year = forms.IntegerField(label="Year", required=False)

    assert render_to_string("components/filter_errors.html", {"form": Filters({})}).strip() == ""
    refused = Filters({"year": "soon"})
    refused.is_valid()
    html = render_to_string("components/filter_errors.html", {"form": refused})
    assert "left out" in html and '<a href="#id_year">Year: Enter a whole number.</a>' in html
