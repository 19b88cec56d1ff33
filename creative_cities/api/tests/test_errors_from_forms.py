"""Refusals built in one place: a form's errors and a service's refusal become the common error shape."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from creative_cities.api.errors import ApiError, saved


class TitleForm(forms.Form):
    title = forms.CharField(max_length=5)
    year = forms.IntegerField(min_value=2004)


def test_a_form_s_errors_name_each_field_after_those_found_before_the_form():
    form = TitleForm({"title": "far too long", "year": "1990"})
    assert not form.is_valid()
    error = ApiError.from_form(
        form, "invalid_thing", "The thing has invalid values.", [{"field": "city", "message": "?"}]
    )
    assert (error.status, error.code, error.message) == (400, "invalid_thing", "The thing has invalid values.")
    assert [detail["field"] for detail in error.details] == ["city", "title", "year"]
    assert all(isinstance(detail["message"], str) for detail in error.details)


@pytest.mark.parametrize(
    ("refusal", "fields", "message"),
    [
        (ValidationError({"party": "Already a partner."}), ["party"], "Already a partner."),
        (ValidationError("This call is closed."), [], "This call is closed."),
    ],
)
def test_a_service_s_refusal_names_its_fields_or_says_it_whole(refusal, fields, message):
    def refuse():
        raise refusal

    with pytest.raises(ApiError) as refused:
        saved(refuse, "invalid_partner", "The partner has invalid values.")
    assert (refused.value.status, refused.value.code, refused.value.message) == (400, "invalid_partner", message)
    assert [detail["field"] for detail in refused.value.details] == fields


def test_the_item_form_s_choices_are_a_public_selector_that_the_page_and_the_api_share(db):
    from creative_cities.knowledge import selectors, views

    assert not hasattr(views, "_form_choices")
    assert set(selectors.item_form_choices()) == {
        "cities",
        "fields",
        "objectives",
        "areas",
        "sdg_goals",
        "sdg_targets",
        "adapted_from",
    }
