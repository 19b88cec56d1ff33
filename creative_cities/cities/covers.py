"""Covers drawn by the platform: a pattern in a creative field's colour, with a motif per field.

A cover is described once, as a list of simple shapes in a 1200 x 630 frame (the size
of an Open Graph image), and written from that description as SVG for pages and as PNG
for link previews, whose scrapers do not read SVG. It carries no text: titles stay in
the page. The pattern's details come from a generator seeded by the object's slug, so
that a cover never changes unless its field, its colour or the design does.
"""

import hashlib
import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 630
# Part of every cover's token: change it when a motif changes, so that addresses change
# and the caches holding year-long copies of the old design are bypassed.
DESIGN_VERSION = 1
NETWORK = "network"  # the motif of objects without a creative field
NETWORK_COLOUR = "#0b5394"
PNG_SCALE = 2  # drawn at twice the size and reduced: Pillow's shapes have no anti-aliasing
PNG_COLOURS = 24  # a palette keeps the PNG small; the design has a handful of colours


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float


@dataclass(frozen=True)
class Pie:
    """A slice of a disc, from ``start`` to ``end`` degrees, clockwise from three o'clock."""

    cx: float
    cy: float
    r: float
    start: float
    end: float
    fill: str


Shape = Rect | Circle | Polygon | Polyline | Pie


@dataclass(frozen=True)
class Cover:
    """What a cover is drawn from: a motif (a field's code), a colour (#rrggbb) and a seed (a slug)."""

    motif: str
    colour: str
    seed: str

    @property
    def token(self) -> str:
        """Changes with anything that changes the drawing; addresses carry it, caches are keyed by it."""
        text = f"{DESIGN_VERSION}:{self.motif}:{self.colour.lower()}:{self.seed}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def rng(self) -> random.Random:
        seed = int.from_bytes(hashlib.sha256(self.seed.encode()).digest()[:8], "big")
        return random.Random(seed)  # noqa: S311 - a pattern's choices, not a secret


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way to ``other``: the tints and shades of a cover."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Palette:
    ground: str  # the field's colour
    light: str
    lighter: str
    dark: str

    @classmethod
    def of(cls, colour: str) -> "Palette":
        return cls(colour, mix(colour, "#ffffff", 0.22), mix(colour, "#ffffff", 0.4), mix(colour, "#000000", 0.25))


# The motifs: simple geometric figures, one per creative field.


def _crafts(rng: random.Random, p: Palette) -> list[Shape]:
    """Woven lozenges between two bands of triangles, as on a textile."""
    shapes: list[Shape] = []
    size = rng.choice((70, 80, 90))
    offset = rng.uniform(0, size)
    for row, y in enumerate(range(-size, HEIGHT + size, size)):
        for x in range(-2 * size, WIDTH + 2 * size, size):
            cx = x + offset + (size / 2 if row % 2 else 0)
            half = size * 0.42
            shapes.append(Polygon(((cx, y - half), (cx + half, y), (cx, y + half), (cx - half, y)), p.light))
            if rng.random() < 0.35:
                inner = half * 0.45
                shapes.append(Polygon(((cx, y - inner), (cx + inner, y), (cx, y + inner), (cx - inner, y)), p.dark))
    for band in (rng.choice((90, 120)), HEIGHT - rng.choice((90, 120))):
        shapes.append(Rect(0, band - 22, WIDTH, 44, p.dark))
        for x in range(0, WIDTH + 40, 40):
            shapes.append(Polygon(((x, band + 14), (x + 20, band - 14), (x + 40, band + 14)), p.lighter))
    return shapes


def _design(rng: random.Random, p: Palette) -> list[Shape]:
    """A grid of tiles: quarter discs, half discs, circles and squares, turned by the seed."""
    shapes: list[Shape] = []
    cell = rng.choice((105, 126, 150))
    colours = (p.light, p.lighter, p.dark)
    for y in range(0, HEIGHT, cell):
        for x in range(0, WIDTH, cell):
            kind = rng.randrange(6)
            colour = rng.choice(colours)
            if kind == 0:
                corner = rng.randrange(4)
                cx, cy = x + cell * (corner in (1, 2)), y + cell * (corner >= 2)
                shapes.append(Pie(cx, cy, cell, 90 * corner, 90 * corner + 90, colour))
            elif kind == 1:
                side = rng.randrange(4)
                shapes.append(Pie(x + cell / 2, y + cell / 2, cell / 2, 90 * side, 90 * side + 180, colour))
            elif kind == 2:
                shapes.append(Circle(x + cell / 2, y + cell / 2, cell * 0.32, fill=colour))
            elif kind == 3:
                inset = cell * 0.2
                shapes.append(Rect(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset, colour))
    return shapes


def _film(rng: random.Random, p: Palette) -> list[Shape]:
    """Strips of film with their sprocket holes and frames."""
    shapes: list[Shape] = []
    height = 190
    tops = (rng.randint(30, 90), rng.randint(330, 400))
    for top in tops:
        shapes.append(Rect(0, top, WIDTH, height, p.dark))
        shift = rng.uniform(0, 48)
        for x in range(-48, WIDTH + 48, 48):
            for hole_y in (top + 12, top + height - 30):
                shapes.append(Rect(x + shift, hole_y, 22, 18, p.lighter, radius=4))
        frame = rng.choice((170, 200, 230))
        start = rng.uniform(-frame, 0)
        for index, x in enumerate(range(int(start), WIDTH, frame)):
            colour = p.light if index % 3 else p.lighter
            shapes.append(Rect(x + 10, top + 44, frame - 20, height - 88, colour, radius=6))
    return shapes


def _gastronomy(rng: random.Random, p: Palette) -> list[Shape]:
    """Plates and bowls seen from above: rings, some with a disc at their heart."""
    shapes: list[Shape] = []
    step = rng.choice((150, 170, 190))
    for row, y in enumerate(range(step // 2, HEIGHT + step, step)):
        for x in range(step // 2 + (step // 2 if row % 2 else 0) - step, WIDTH + step, step):
            r = step * rng.uniform(0.3, 0.44)
            cx, cy = x + rng.uniform(-10, 10), y + rng.uniform(-10, 10)
            shapes.append(Circle(cx, cy, r, stroke=p.light, width=10))
            shapes.append(Circle(cx, cy, r * 0.62, stroke=p.lighter, width=4))
            if rng.random() < 0.4:
                shapes.append(Circle(cx, cy, r * 0.3, fill=p.dark))
    return shapes


def _literature(rng: random.Random, p: Palette) -> list[Shape]:
    """Pages of lines, set in columns, with a paragraph's break here and there."""
    shapes: list[Shape] = []
    columns = rng.choice((3, 4))
    gutter = 60
    width = (WIDTH - gutter * (columns + 1)) / columns
    for column in range(columns):
        x = gutter + column * (width + gutter)
        y = rng.choice((40, 70, 100))
        while y < HEIGHT - 20:
            if rng.random() < 0.12:
                y += 34  # a paragraph's break
                shapes.append(Rect(x, y - 4, width * 0.25, 14, p.dark, radius=7))
                y += 30
                continue
            length = width * (rng.uniform(0.55, 0.8) if rng.random() < 0.2 else rng.uniform(0.88, 1))
            shapes.append(Rect(x, y, length, 12, p.light, radius=6))
            y += 30
    return shapes


def _media_arts(rng: random.Random, p: Palette) -> list[Shape]:
    """A dot matrix whose dots swell and shrink along a wave, like a screen's halftone."""
    shapes: list[Shape] = []
    step = rng.choice((30, 36, 42))
    phase, frequency, tilt = rng.uniform(0, math.tau), rng.uniform(0.006, 0.012), rng.uniform(-0.6, 0.6)
    for y in range(step // 2, HEIGHT, step):
        for x in range(step // 2, WIDTH, step):
            level = (math.sin(frequency * (x + tilt * y) + phase) + 1) / 2
            r = step * (0.08 + 0.36 * level)
            shapes.append(Circle(x, y, r, fill=p.lighter if level > 0.66 else p.light))
    return shapes


def _music(rng: random.Random, p: Palette) -> list[Shape]:
    """Staves of five lines bending like sound waves, with a few notes on them."""
    shapes: list[Shape] = []
    staves = rng.choice((2, 3))
    gap = HEIGHT / staves
    for staff in range(staves):
        base = gap * staff + gap / 2 - 48
        amplitude, frequency, phase = rng.uniform(12, 40), rng.uniform(0.004, 0.009), rng.uniform(0, math.tau)

        def wave(x: float, line: int, base=base, amplitude=amplitude, frequency=frequency, phase=phase) -> float:
            return base + line * 24 + amplitude * math.sin(frequency * x + phase)

        for line in range(5):
            points = tuple((x, round(wave(x, line), 1)) for x in range(-20, WIDTH + 40, 20))
            shapes.append(Polyline(points, p.light, 4))
        for x in sorted(rng.sample(range(80, WIDTH - 80, 60), 6)):
            line = rng.randrange(5)
            shapes.append(Circle(x, wave(x, line) + 12 * rng.choice((0, 1)) - 6, 13, fill=p.lighter))
    return shapes


def _architecture(rng: random.Random, p: Palette) -> list[Shape]:
    """A colonnade of arches, and a second one behind it."""
    shapes: list[Shape] = []
    for depth, colour in ((0, p.light), (1, p.lighter)):
        span = rng.choice((120, 150, 180)) // (depth + 1)
        ground = HEIGHT - (40 if depth == 0 else 330)
        height = rng.uniform(0.9, 1.3) * span * (1 if depth == 0 else 0.8)
        shift = rng.uniform(-span, 0)
        x = shift
        while x < WIDTH:
            pier = span * 0.18
            shapes.append(Rect(x, ground - height, pier, height, colour))
            top = ground - height
            shapes.append(Pie(x + span / 2 + pier / 2, top, span / 2 + pier / 2, 180, 360, colour))
            shapes.append(Pie(x + span / 2 + pier / 2, top, span / 2 - pier / 2, 180, 360, p.ground))
            x += span
        shapes.append(Rect(0, ground, WIDTH, 14 if depth == 0 else 8, p.dark))
    return shapes


def _network(rng: random.Random, p: Palette) -> list[Shape]:
    """Cities linked to one another: nodes and the lines between neighbours."""
    nodes = [(rng.uniform(30, WIDTH - 30), rng.uniform(30, HEIGHT - 30)) for _ in range(28)]
    shapes: list[Shape] = []
    for index, (x, y) in enumerate(nodes):
        nearest = sorted(nodes[index + 1 :], key=lambda other: (other[0] - x) ** 2 + (other[1] - y) ** 2)[:2]
        for other in nearest:
            shapes.append(Polyline(((x, y), other), p.light, 4))
    for x, y in nodes:
        shapes.append(Circle(x, y, rng.choice((10, 14, 20)), fill=p.lighter, stroke=p.dark, width=4))
    return shapes


MOTIFS: dict[str, Callable[[random.Random, Palette], list[Shape]]] = {
    "crafts_folk_art": _crafts,
    "design": _design,
    "film": _film,
    "gastronomy": _gastronomy,
    "literature": _literature,
    "media_arts": _media_arts,
    "music": _music,
    "architecture": _architecture,
    NETWORK: _network,
}


def cover_shapes(cover: Cover) -> list[Shape]:
    """The cover as shapes, ground first. A field without a motif of its own gets the network's."""
    palette = Palette.of(cover.colour)
    motif = MOTIFS.get(cover.motif, _network)
    return [Rect(0, 0, WIDTH, HEIGHT, palette.ground), *motif(cover.rng(), palette)]


def _n(value: float) -> str:
    return f"{round(value, 1):g}"


def _pie_path(pie: Pie) -> str:
    start, end = math.radians(pie.start), math.radians(pie.end)
    x1, y1 = pie.cx + pie.r * math.cos(start), pie.cy + pie.r * math.sin(start)
    x2, y2 = pie.cx + pie.r * math.cos(end), pie.cy + pie.r * math.sin(end)
    large = 1 if pie.end - pie.start > 180 else 0
    return f"M{_n(pie.cx)} {_n(pie.cy)}L{_n(x1)} {_n(y1)}A{_n(pie.r)} {_n(pie.r)} 0 {large} 1 {_n(x2)} {_n(y2)}Z"


def _svg_element(shape: Shape) -> str:
    if isinstance(shape, Rect):
        radius = f' rx="{_n(shape.radius)}"' if shape.radius else ""
        return (
            f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.w)}" height="{_n(shape.h)}"{radius}'
            f' fill="{shape.fill}"/>'
        )
    if isinstance(shape, Circle):
        paint = f' fill="{shape.fill or "none"}"'
        if shape.stroke:
            paint += f' stroke="{shape.stroke}" stroke-width="{_n(shape.width)}"'
        return f'<circle cx="{_n(shape.cx)}" cy="{_n(shape.cy)}" r="{_n(shape.r)}"{paint}/>'
    if isinstance(shape, Polygon):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points)
        return f'<polygon points="{points}" fill="{shape.fill}"/>'
    if isinstance(shape, Polyline):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.stroke}" stroke-width="{_n(shape.width)}"'
            ' stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return f'<path d="{_pie_path(shape)}" fill="{shape.fill}"/>'


def cover_svg(cover: Cover) -> str:
    """The cover as an SVG document: decorative, so hidden from assistive technologies."""
    body = "".join(_svg_element(shape) for shape in cover_shapes(cover))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' preserveAspectRatio="xMidYMid slice" aria-hidden="true">{body}</svg>'
    )


def _draw(draw: ImageDraw.ImageDraw, shape: Shape, k: float) -> None:
    if isinstance(shape, Rect):
        box = (shape.x * k, shape.y * k, (shape.x + shape.w) * k, (shape.y + shape.h) * k)
        if shape.radius:
            draw.rounded_rectangle(box, radius=shape.radius * k, fill=shape.fill)
        else:
            draw.rectangle(box, fill=shape.fill)
    elif isinstance(shape, Circle):
        r = shape.r * k
        box = (shape.cx * k - r, shape.cy * k - r, shape.cx * k + r, shape.cy * k + r)
        if shape.stroke:
            # SVG centres a stroke on the outline; Pillow draws it inside: grow the box by half.
            half = shape.width * k / 2
            outer = (box[0] - half, box[1] - half, box[2] + half, box[3] + half)
            draw.ellipse(outer, fill=shape.fill, outline=shape.stroke, width=round(shape.width * k))
        else:
            draw.ellipse(box, fill=shape.fill)
    elif isinstance(shape, Polygon):
        draw.polygon([(x * k, y * k) for x, y in shape.points], fill=shape.fill)
    elif isinstance(shape, Polyline):
        points = [(x * k, y * k) for x, y in shape.points]
        width = round(shape.width * k)
        draw.line(points, fill=shape.stroke, width=width, joint="curve")
        for x, y in (points[0], points[-1]):  # round caps, as in the SVG
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=shape.stroke)
    else:
        r = shape.r * k
        box = (shape.cx * k - r, shape.cy * k - r, shape.cx * k + r, shape.cy * k + r)
        draw.pieslice(box, shape.start, shape.end, fill=shape.fill)


def cover_png(cover: Cover) -> bytes:
    """The same cover as a 1200 x 630 PNG, for link previews."""
    image = Image.new("RGB", (WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE))
    draw = ImageDraw.Draw(image)
    for shape in cover_shapes(cover):
        _draw(draw, shape, PNG_SCALE)
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    image = image.quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
