"""The creative fields' colours, as the registry stores them, can be seen: on the map and in charts
(3:1 against white, WCAG 1.4.11), and under text in tags, whose text colour /field-colours.css picks."""

import re

from creative_cities.cities.models import CreativeField
from creative_cities.cities.reference_data import FIELDS
from creative_cities.core.colour import GRAPHICS_MINIMUM, TEXT_MINIMUM, contrast_ratio

RULE = re.compile(r"\.f-([a-z_]+) \{ --field-colour: (#[0-9a-f]{6}); --field-text: (#[0-9a-f]{6}); fill: \2; \}")


def test_every_seeded_field_colour_stands_out_on_white_where_it_draws_markers_and_bars():
    for seed in FIELDS:
        assert contrast_ratio(seed.colour, "#ffffff") >= GRAPHICS_MINIMUM, seed.code


def test_every_stored_field_colour_gets_a_text_colour_that_reads_on_it(anonymous):
    css = anonymous.get("/field-colours.css").content.decode()
    rules = {code: (colour, text) for code, colour, text in RULE.findall(css)}
    assert set(rules) == set(CreativeField.objects.values_list("code", flat=True))
    for code, (colour, text) in rules.items():
        assert contrast_ratio(colour, "#ffffff") >= GRAPHICS_MINIMUM, code
        assert contrast_ratio(text, colour) >= TEXT_MINIMUM, code


def test_a_light_field_colour_set_in_the_admin_gets_dark_text(anonymous):
    CreativeField.objects.filter(code="music").update(colour="#ffd23f")
    css = anonymous.get("/field-colours.css").content.decode()
    assert ".f-music { --field-colour: #ffd23f; --field-text: #0b0c0c; fill: #ffd23f; }" in css
