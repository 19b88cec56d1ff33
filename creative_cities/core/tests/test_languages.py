"""The languages content is written in are named as readers of each interface language name them."""

import pytest
from django.utils import translation

from creative_cities.core.languages import WRITING_LANGUAGES, language_label, language_name, writing_language_choices


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_writing_language_has_a_name_in_french_and_spanish(language):
    with translation.override("en"):
        english = {code: language_name(code) for code in WRITING_LANGUAGES}
    with translation.override(language):
        untranslated = [code for code in WRITING_LANGUAGES if language_name(code) == english[code]]
    assert untranslated == []


def test_names_are_lowercase_in_french_and_spanish_running_text_and_capitalised_on_their_own():
    with translation.override("en"):
        assert (language_name("nb"), language_label("fr")) == ("Norwegian (Bokmål)", "French")
    with translation.override("fr"):
        assert (language_name("fr"), language_label("fr"), language_name("nb")) == (
            "français",
            "Français",
            "norvégien (bokmål)",
        )
    with translation.override("es"):
        assert (language_name("fr"), language_label("fr")) == ("francés", "Francés")


def test_the_choices_follow_the_language_of_each_request():
    with translation.override("es"):
        assert dict(writing_language_choices())["de"] == "Alemán"
    with translation.override("fr"):
        assert dict(writing_language_choices())["de"] == "Allemand"
