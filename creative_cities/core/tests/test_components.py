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


class Proposal(forms.Form):
    title = forms.CharField(label="Title", help_text="As people would search for it.")
    kind = forms.ChoiceField(label="Type", widget=forms.RadioSelect, choices=[("a", "Practice"), ("b", "Policy")])
    partners = forms.BooleanField(label="Looking for partners", required=False)


def test_every_form_puts_each_label_above_its_field_with_the_hint_and_the_error_between():
    html = Proposal({"title": "", "kind": "a"}).as_div()
    title = html[html.index('<div class="form-field form-field--error') :]
    label, hint, error, field = (
        title.index('<label for="id_title">Title</label>'),
        title.index('<div class="helptext" id="id_title_helptext">'),
        title.index('<ul class="errorlist" id="id_title_error">'),
        title.index('<input type="text" name="title"'),
    )
    assert label < hint < error < field
    assert 'aria-describedby="id_title_helptext id_title_error"' in title and 'aria-invalid="true"' in title


def test_radio_buttons_are_a_fieldset_and_a_single_checkbox_comes_before_its_label():
    html = Proposal().as_div()
    assert "<fieldset>\n    <legend>Type</legend>" in html
    checkbox = html[html.index("form-field--checkbox") :]
    assert checkbox.index('<input type="checkbox"') < checkbox.index('<label for="id_partners">')


def test_a_field_rendered_alone_gets_the_same_component():
    html = str(Proposal()["title"].as_field_group())
    assert html.startswith('<div class="form-field">') and '<label for="id_title">Title</label>' in html


def test_the_active_filters_are_the_values_chosen_other_than_the_defaults():
    from django.http import QueryDict

    from creative_cities.core.templatetags.components import active_filter_count

    class Filters(forms.Form):
        q = forms.CharField(required=False)
        field = forms.MultipleChoiceField(required=False, choices=[("music", "Music"), ("film", "Film")])
        status = forms.ChoiceField(required=False, choices=[("members", "Members"), ("all", "All")])
        sort = forms.ChoiceField(required=False, choices=[("name", "Name"), ("year", "Year")])
        pilot = forms.BooleanField(required=False)

    def count(query):
        return active_filter_count(Filters(QueryDict(query)))

    assert active_filter_count(Filters()) == 0
    assert count("q=&status=members&sort=year") == 0  # empty, the default, and an order
    assert count("q=lyon&field=music&field=film&status=all&pilot=on") == 5


def test_status_tags_take_the_colour_of_their_state():
    html = render_to_string("components/status_tag.html", {"status": "returned", "label": "Returned with comments"})
    assert html.strip().endswith('<strong class="tag tag--warning">Returned with comments</strong>')
    assert 'class="tag tag--neutral"' in render_to_string("components/status_tag.html", {"status": "draft"})


def test_the_workflow_ticks_the_states_passed_and_marks_the_current_one():
    steps = [("draft", "Draft"), ("submitted", "Waiting for review"), ("published", "Published")]
    html = render_to_string("components/workflow.html", {"steps": steps, "current": "submitted", "label": "Stage"})
    assert '<ol class="workflow" aria-label="Stage">' in html
    assert 'workflow-step--done"><span class="workflow-marker" aria-hidden="true"></span>Draft' in html
    assert 'aria-current="step"><span class="workflow-marker" aria-hidden="true"></span>Waiting for review' in html
    assert html.count("workflow-step--current") == 1 and "(to come)" in html


def test_a_card_links_its_title_and_shows_its_badges():
    html = render_to_string(
        "components/card.html", {"title": "Lyon & Co", "url": "/en/cities/lyon/", "badges": ["Demo"], "field": "music"}
    )
    assert '<article class="card f-music">' in html
    assert '<h3 class="card-title"><a href="/en/cities/lyon/">Lyon &amp; Co</a></h3>' in html
    assert '<span class="badge">Demo</span>' in html and "<img" not in html


def test_share_links_encode_the_address_and_load_nothing_from_the_networks():
    from creative_cities.core.templatetags.components import share_urls

    urls = share_urls("https://cities.example.org/en/cities/lyon/?a=1&b=2", "Lyon & music")
    assert urls["linkedin"].endswith("url=https%3A%2F%2Fcities.example.org%2Fen%2Fcities%2Flyon%2F%3Fa%3D1%26b%3D2")
    assert urls["email"].startswith("mailto:?subject=Lyon%20%26%20music&body=")
    assert all(url.startswith(("mailto:", "https://")) for url in urls.values())


def test_long_paginations_keep_the_first_last_and_nearby_pages():
    from django.core.paginator import Paginator

    from creative_cities.core.templatetags.components import page_numbers

    page = Paginator(range(400), 10).get_page(20)
    assert page_numbers(page) == [1, "…", 18, 19, 20, 21, 22, "…", 40]


def test_a_bar_chart_scales_its_bars_to_the_largest_value():
    from creative_cities.core.charts import bar_chart

    chart = bar_chart([("2024", 50), ("2025", 100, "new")], width=200, height=124, pad=12)
    short, tall = chart["bars"]
    assert tall.height == 100 and short.height == 50 and tall.y == 12 and chart["baseline"] == 112
    assert tall.extra == "new" and short.extra is None
