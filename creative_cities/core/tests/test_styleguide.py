"""The styleguide (/en/styleguide/) shows every shared component, in the three languages, where it is
turned on (DEBUG or STYLEGUIDE), and does not exist for a production site."""

import pytest

COMPONENTS = [
    'class="form-field"',
    'class="form-field form-field--error',
    'class="form-field form-field--checkbox',
    'class="fieldset"',
    'class="choice-group',
    'class="form-errors"',
    'class="filter-panel"',
    'class="card f-literature"',
    'class="badge tag--field f-music"',
    'class="tag tag--success"',
    'class="tag tag--warning"',
    'class="tabs"',
    'aria-current="step"',
    'class="empty-state"',
    'class="pagination"',
    'class="chart"',
    'class="city-map"',
    'class="share-links"',
]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_production_site_has_no_styleguide(anonymous, settings, language):
    settings.DEBUG, settings.STYLEGUIDE = False, False
    assert anonymous.get(f"/{language}/styleguide/").status_code == 404
    assert anonymous.get(f"/{language}/styleguide/?example=list").status_code == 404


@pytest.mark.parametrize(
    "language, heading", [("en", "Styleguide"), ("fr", "Guide de style"), ("es", "Guía de estilo")]
)
def test_the_styleguide_shows_every_component_in_each_language(anonymous, settings, language, heading):
    settings.STYLEGUIDE = True
    response = anonymous.get(f"/{language}/styleguide/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html
    missing = [marker for marker in COMPONENTS if marker not in html]
    assert missing == []


def test_the_styleguide_opens_with_debug_too(anonymous, settings):
    settings.DEBUG, settings.STYLEGUIDE = True, False
    assert anonymous.get("/en/styleguide/").status_code == 200


def test_the_example_list_page_counts_its_active_filters(anonymous, settings):
    settings.STYLEGUIDE = True
    html = anonymous.get("/en/styleguide/?example=list&field=music&q=").content.decode()
    assert '<span id="refine-count">(1<span class="visually-hidden"> active filter</span>)</span>' in html
    assert "A music school for every district" in html and "Night buses that read aloud" not in html
    assert "1 project" in html
