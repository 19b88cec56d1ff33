"""The design tokens of static/css/site.css, read from the file, and the colour pairs they must keep apart.

The stylesheet is the only place the values are written; the contrast test
(core/tests/test_design_tokens.py) and the styleguide read them from there.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from .colour import GRAPHICS_MINIMUM, TEXT_MINIMUM, contrast_ratio

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
_ROOT_BLOCK = re.compile(r":root\s*\{(.*?)\n\}", re.S)
_DECLARATION = re.compile(r"--([a-z0-9-]+)\s*:\s*([^;]+);")

# Text (4.5:1): each text colour token and the surfaces it is written on.
TEXT_PAIRS = [
    *(
        ("color-text", surface)
        for surface in (
            "color-surface",
            "color-surface-alt",
            "color-surface-info",
            "color-neutral-surface",
            "color-success-surface",
            "color-warning-surface",
            "color-error-surface",
            "color-highlight",
        )
    ),
    ("color-text-muted", "color-surface"),
    ("color-text-muted", "color-surface-alt"),
    *(
        ("color-link", surface)
        for surface in (
            "color-surface",
            "color-surface-alt",
            "color-surface-info",
            "color-success-surface",
            "color-warning-surface",
            "color-error-surface",
        )
    ),
    ("color-link-hover", "color-surface"),
    ("color-link-hover", "color-surface-alt"),
    ("color-text-on-dark", "color-brand"),
    ("color-text-on-dark", "color-button"),
    ("color-text-on-dark", "color-button-hover"),
    ("color-text-on-dark", "color-error"),
    ("color-text-on-dark", "color-field-fallback"),
    ("color-brand", "color-surface"),
    ("color-brand", "color-surface-alt"),
    ("color-focus-text", "color-focus"),
    ("color-info-text", "color-surface-info"),
    ("color-success-text", "color-success-surface"),
    ("color-warning-text", "color-warning-surface"),
    ("color-error-text", "color-error-surface"),
    ("color-error-text", "color-surface"),
    ("color-error-text", "color-surface-alt"),
    ("color-neutral-text", "color-neutral-surface"),
]

# Borders of controls, the focus indicator and meaningful graphics (3:1).
UI_PAIRS = [
    ("color-border-strong", "color-surface"),
    ("color-border-strong", "color-surface-alt"),
    ("color-focus", "color-brand"),
    ("color-focus-text", "color-surface"),
    ("color-focus-text", "color-surface-alt"),
    ("color-button", "color-surface"),
    ("color-brand", "color-brand-pale"),
    ("color-brand-pale", "color-brand"),
    ("color-error", "color-surface"),
    ("color-success", "color-surface"),
    ("color-warning", "color-surface"),
    ("color-field-fallback", "color-surface"),
]


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    foreground_value: str
    background_value: str
    ratio: float
    minimum: float

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum


@lru_cache(maxsize=1)
def tokens() -> dict[str, str]:
    """Every custom property of the stylesheet's first ``:root`` block, by name without its dashes."""
    block = _ROOT_BLOCK.search(STYLESHEET.read_text(encoding="utf-8"))
    if block is None:
        raise ValueError(f"{STYLESHEET} has no :root block")
    return {name: value.strip() for name, value in _DECLARATION.findall(block.group(1))}


def contrast_pairs() -> list[Pair]:
    """The pairs above with their values and contrast ratios, text pairs first."""
    values = tokens()
    return [
        Pair(fg, bg, values[fg], values[bg], round(contrast_ratio(values[fg], values[bg]), 2), minimum)
        for pairs, minimum in ((TEXT_PAIRS, TEXT_MINIMUM), (UI_PAIRS, GRAPHICS_MINIMUM))
        for fg, bg in pairs
    ]


def colour_tokens() -> list[tuple[str, str]]:
    """(name, value) of every colour token, in the stylesheet's order."""
    return [(name, value) for name, value in tokens().items() if name.startswith("color-")]
