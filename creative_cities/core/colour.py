"""Colour contrast as WCAG 2.x defines it, for the design tokens and the creative fields' colours.

Text needs 4.5:1 against its background (WCAG 1.4.3), and the graphics and
borders that convey meaning need 3:1 (WCAG 1.4.11).
"""

import re

TEXT_MINIMUM = 4.5
GRAPHICS_MINIMUM = 3.0
# The two text colours a coloured background may carry: the tokens --color-text-on-dark
# and --color-focus-text of static/css/site.css.
LIGHT_TEXT = "#ffffff"
DARK_TEXT = "#0b0c0c"

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def relative_luminance(colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour, from 0 (black) to 1 (white)."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")

    def channel(offset: int) -> float:
        value = int(colour[offset : offset + 2], 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    if contrast_ratio(LIGHT_TEXT, background) >= contrast_ratio(DARK_TEXT, background):
        return LIGHT_TEXT
    return DARK_TEXT
