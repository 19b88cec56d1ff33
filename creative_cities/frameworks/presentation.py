"""The Sustainable Development Goals as badges: a square in the goal's colour with its number.

The colours are the United Nations' (data/sdg_goals.csv, read into ``SdgGoal.colour``;
see data/README.md for the source). The badges are drawn here, not copied from the UN's
icon artwork: a coloured square, the goal's number, and its short name for those who
cannot see it. The number is written in white where white reads well on the colour,
as on the UN's own icons, and in black elsewhere.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

WHITE, BLACK = "#ffffff", "#000000"
MIN_CONTRAST = 4.5  # WCAG 2.x, for the number as text
FALLBACK = "#595959"  # for a colour the admin left malformed: 7:1 with white
hex_colour = re.compile(r"#[0-9a-fA-F]{6}")


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a #rrggbb colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def number_colour(background: str) -> str:
    """White where it has at least 4.5:1 on the goal's colour, else black (which then always has more)."""
    return WHITE if contrast_ratio(WHITE, background) >= MIN_CONTRAST else BLACK


def sdg_badge_svg(*, number: int, name: str, colour: str, with_name: bool = False) -> SafeString:
    """The badge of goal ``number`` as inline SVG.

    Alone, the picture carries the goal's name for screen readers ("SDG 4: Quality
    education"). ``with_name`` writes the short name beside it: the picture is then
    hidden from screen readers, which read the visible name after a hidden "SDG 4:".
    """
    label = gettext("SDG %(number)s: %(name)s") % {"number": number, "name": name}
    colour = colour if hex_colour.fullmatch(colour) else FALLBACK
    text = number_colour(colour)
    drawing = (
        f'<rect width="40" height="40" rx="4" fill="{escape(colour)}"/>'
        f'<text x="20" y="20" dy="0.35em" text-anchor="middle" font-size="{22 if number < 10 else 19}"'
        f' font-weight="700" fill="{text}">{number}</text>'
    )
    if not with_name:
        return mark_safe(  # noqa: S308 - the name and colour are escaped, the number is an int
            f'<svg class="sdg-icon" viewBox="0 0 40 40" width="40" height="40" role="img"'
            f' aria-label="{escape(label)}"><title>{escape(label)}</title>{drawing}</svg>'
        )
    hidden = escape(gettext("SDG %(number)s:") % {"number": number})
    return mark_safe(  # noqa: S308 - as above
        f'<span class="sdg-badge"><svg class="sdg-icon" viewBox="0 0 40 40" width="40" height="40"'
        f' aria-hidden="true" focusable="false">{drawing}</svg>'
        f' <span class="sdg-name"><span class="visually-hidden">{hidden} </span>{escape(name)}</span></span>'
    )
