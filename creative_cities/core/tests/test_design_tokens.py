"""The colours of the design system meet WCAG AA: 4.5:1 for text on the surfaces it is written on,
3:1 for the borders of controls, the focus indicator and meaningful graphics. The values are read
from static/css/site.css itself, so a change there that loses contrast fails here."""

from creative_cities.core.colour import contrast_ratio, text_colour_on
from creative_cities.core.design_tokens import TEXT_PAIRS, UI_PAIRS, contrast_pairs, tokens


def test_the_contrast_ratio_is_the_one_wcag_defines():
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert contrast_ratio("#767676", "#ffffff") > 4.5 > contrast_ratio("#777777", "#ffffff")
    assert contrast_ratio("#17579b", "#17579b") == 1.0


def test_every_text_colour_reads_on_the_surfaces_it_is_used_on():
    failing = [(p.foreground, p.background, p.ratio) for p in contrast_pairs() if p.minimum == 4.5 and not p.passes]
    assert failing == []


def test_controls_the_focus_indicator_and_graphics_stand_out_from_their_background():
    failing = [(p.foreground, p.background, p.ratio) for p in contrast_pairs() if p.minimum == 3.0 and not p.passes]
    assert failing == []


def test_every_colour_token_of_the_stylesheet_is_a_colour_and_every_pair_names_a_token():
    values = tokens()
    colours = {name: value for name, value in values.items() if name.startswith("color-")}
    assert len(colours) >= 20 and all(value.startswith("#") and len(value) == 7 for value in colours.values())
    named = {name for pair in TEXT_PAIRS + UI_PAIRS for name in pair}
    assert named <= set(colours)


def test_text_on_a_colour_is_white_on_dark_colours_and_near_black_on_light_ones():
    assert text_colour_on("#0d3b66") == "#ffffff"
    assert text_colour_on("#ffdd00") == "#0b0c0c"
