#!/usr/bin/env python
"""Draw static/brand/share-card.png, the picture that links to the platform show when shared.

    .venv/bin/python scripts/make_share_card.py

1200 × 630 pixels (the size Open Graph and Twitter cards expect): the mark of
static/brand/mark.svg in white on the header's navy, and the platform's name in its three
languages. Drawn with Pillow and the Liberation or DejaVu fonts that Debian ships, so that
anyone can draw it again; the result is committed, nothing is drawn at run time.
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "static" / "brand" / "share-card.png"
NAVY, WHITE, PALE = (13, 59, 102), (255, 255, 255), (200, 214, 229)
FONTS = [
    "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
]
WIDTH, HEIGHT, SUPERSAMPLE = 1200, 630, 3


def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    for pattern in FONTS:
        path = Path(pattern.format(weight if "liberation" in pattern else ("-Bold" if weight == "Bold" else "")))
        if path.exists():
            return ImageFont.truetype(str(path), size * SUPERSAMPLE)
    sys.exit("Install fonts-liberation or fonts-dejavu-core to draw the card.")


def draw_mark(draw: ImageDraw.ImageDraw, centre: tuple[float, float], unit: float) -> None:
    """The mark of static/brand/mark.svg (a 48-unit square), ``unit`` pixels a unit."""
    cx, cy = centre

    def disc(x: float, y: float, r: float) -> None:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)

    ring = 17 * unit
    draw.ellipse([cx - ring, cy - ring, cx + ring, cy + ring], outline=WHITE, width=round(2.4 * unit))
    disc(cx, cy, 7 * unit)
    for step in range(8):
        angle = math.radians(45 * step)
        disc(cx + ring * math.sin(angle), cy - ring * math.cos(angle), 4.2 * unit)


def main() -> int:
    s = SUPERSAMPLE
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), NAVY)
    draw = ImageDraw.Draw(image)
    draw_mark(draw, (180 * s, 315 * s), 5.2 * s)
    draw.text((340 * s, 200 * s), "Creative Cities", font=font("Bold", 84), fill=WHITE)
    draw.text((340 * s, 305 * s), "Villes créatives · Ciudades creativas", font=font("Regular", 40), fill=PALE)
    draw.line([(340 * s, 390 * s), (1100 * s, 390 * s)], fill=PALE, width=2 * s)
    draw.text((340 * s, 410 * s), "A network of cities working together", font=font("Regular", 34), fill=WHITE)
    draw.rectangle([0, (HEIGHT - 12) * s, WIDTH * s, HEIGHT * s], fill=(23, 87, 155))
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    image = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    image.save(TARGET, optimize=True)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
