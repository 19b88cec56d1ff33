#!/usr/bin/env python3
"""Refresh the vendored front-end files from node_modules (maintainers only).

Users install the platform with pip alone: everything this script produces is
committed. A maintainer refreshes it with::

    npm ci                          # versions pinned in package-lock.json
    python3 scripts/vendor_assets.py

Outputs (see static/vendor/README.md for versions and licences):

- static/vendor/htmx.min.js
- static/vendor/leaflet/leaflet.js, leaflet.css, images/
- static/cities/world-land.svg   (Natural Earth 110m land, equirectangular)

Standard library only, so it runs without the project's virtualenv.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
STATIC = ROOT / "static"

# The map's coordinate system, shared with the view that projects the cities and
# with map.js: x = (lon + 180) / 360 * WIDTH, y = (90 - lat) / 180 * HEIGHT.
WIDTH, HEIGHT = 1000, 500
# One decimal of a 1000-unit-wide map is ~0.04 degrees, finer than the 110m data.
PRECISION = 10
LAND_FILL = "#e4e0d6"
LAND_STROKE = "#b9b3a5"

# The manifest storage (whitenoise) rewrites sourceMappingURL comments and fails
# when the .map file is missing; we do not ship source maps, so drop the comment.
SOURCE_MAP_COMMENT = re.compile(r"\n?//# sourceMappingURL=\S+\s*$|\n?/\*# sourceMappingURL=\S+ \*/\s*$")


def package_version(name: str) -> str:
    return json.loads((NODE_MODULES / name / "package.json").read_text(encoding="utf-8"))["version"]


def copy_text(src: Path, dest: Path, banner: str) -> None:
    """Copy a JS/CSS file, without its source-map comment, under a provenance banner."""
    text = SOURCE_MAP_COMMENT.sub("\n", src.read_text(encoding="utf-8")).rstrip("\n")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(f"/* {banner} */\n{text}\n", encoding="utf-8")


def vendor_htmx() -> None:
    version = package_version("htmx.org")
    copy_text(
        NODE_MODULES / "htmx.org" / "dist" / "htmx.min.js",
        STATIC / "vendor" / "htmx.min.js",
        f"htmx.org {version} | 0BSD | vendored by scripts/vendor_assets.py",
    )


def vendor_leaflet() -> None:
    version = package_version("leaflet")
    dist = NODE_MODULES / "leaflet" / "dist"
    dest = STATIC / "vendor" / "leaflet"
    banner = f"leaflet {version} | BSD-2-Clause | vendored by scripts/vendor_assets.py"
    copy_text(dist / "leaflet.js", dest / "leaflet.js", banner)
    copy_text(dist / "leaflet.css", dest / "leaflet.css", banner)
    # leaflet.css refers to images/*.png; the manifest storage needs every one present.
    if (dest / "images").exists():
        shutil.rmtree(dest / "images")
    shutil.copytree(dist / "images", dest / "images")
    shutil.copy2(NODE_MODULES / "leaflet" / "LICENSE", dest / "LICENSE")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # positions are delta-encoded within each arc
            x += dx
            y += dy
            points.append((x * kx + tx, y * ky + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Stitch a ring from arc indexes; a negative index ~i is arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point; keep it once.
        points.extend(arc[1:] if points else arc)
    return points


def project(lon: float, lat: float) -> tuple[int, int]:
    """Equirectangular, in tenths of a map unit (integers, so no drift when made relative)."""
    return (
        round((lon + 180) / 360 * WIDTH * PRECISION),
        round((90 - lat) / 180 * HEIGHT * PRECISION),
    )


def fmt(value: int) -> str:
    """Tenths as the shortest decimal: 12 -> 1.2, -5 -> -.5, 30 -> 3."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), PRECISION)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tenth}"


def join(values: list[int]) -> str:
    """Numbers for a path, spaced only where SVG needs it.

    A minus sign starts a new number, and so does a second dot ("1.2.5" is 1.2 then .5).
    """
    parts: list[str] = []
    for value in values:
        text = fmt(value)
        if parts and not text.startswith("-") and not (text.startswith(".") and "." in parts[-1]):
            parts.append(" ")
        parts.append(text)
    return "".join(parts)


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous along a ring (179 then -179 becomes 179 then 181).

    world-atlas merges land across the antimeridian (Chukotka, Fiji, Wrangel
    Island, Antarctica), so a ring may jump from +180 to -180. A ring that goes
    round a pole (Antarctica) comes back 360 degrees away from where it started;
    it is closed along the pole's edge of the map so that the pole is filled.
    """
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        lon += 360 * round((previous - lon) / 360)
        out.append((lon, lat))
    drift = out[-1][0] - out[0][0]
    if abs(drift) > 180:
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def ring_paths(points: list[tuple[float, float]]) -> list[str]:
    """One path per visible copy of the ring.

    An unwrapped ring may stick out past +-180; the copy shifted by 360 degrees
    draws the part that belongs on the other edge, and the SVG viewport clips both.
    """
    points = unwrap(points)
    west, east = min(lon for lon, _ in points), max(lon for lon, _ in points)
    shifts = [shift for shift in (-360, 0, 360) if west + shift < 180 and east + shift > -180]
    return [path for shift in shifts if (path := ring_path([(lon + shift, lat) for lon, lat in points]))]


def ring_path(points: list[tuple[float, float]]) -> str:
    projected: list[tuple[int, int]] = []
    for lon, lat in points:
        point = project(lon, lat)
        if not projected or point != projected[-1]:
            projected.append(point)
    if len(projected) > 1 and projected[-1] == projected[0]:
        projected.pop()  # "z" closes the ring
    if len(projected) < 3:
        return ""
    (x0, y0), deltas = projected[0], []
    for (xa, ya), (xb, yb) in itertools.pairwise(projected):
        deltas += [xb - xa, yb - ya]
    return f"M{join([x0, y0])}l{join(deltas)}z"


def build_world_land() -> None:
    source = NODE_MODULES / "world-atlas" / "land-110m.json"
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}[geometry["type"]]
        for polygon in polygons:
            for ring in polygon:
                rings += ring_paths(ring_points(ring, arcs))
    data = "".join(ring for ring in rings if ring)
    version = package_version("world-atlas")
    # fill-rule evenodd: rings are wound for spherical geometry (d3-geo), so holes
    # (lakes) must not depend on winding direction. Stroke width is in map units.
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        f"<title>World land (Natural Earth 1:110m, public domain, via world-atlas {version})</title>"
        f'<path id="land" fill="{LAND_FILL}" stroke="{LAND_STROKE}" stroke-width=".5" '
        f'stroke-linejoin="round" fill-rule="evenodd" d="{data}"/></svg>\n'
    )
    dest = STATIC / "cities" / "world-land.svg"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(svg, encoding="utf-8")


def main() -> int:
    if not NODE_MODULES.is_dir():
        print("node_modules is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    vendor_htmx()
    vendor_leaflet()
    build_world_land()
    for path in [*sorted((STATIC / "vendor").rglob("*")), STATIC / "cities" / "world-land.svg"]:
        if path.is_file():
            print(f"{path.stat().st_size:>9,}  {path.relative_to(ROOT)}")
    readme = (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    stale = [
        f"{name} {package_version(name)}"
        for name in ("htmx.org", "leaflet", "world-atlas")
        if f"| `{name}` | {package_version(name)} |" not in readme
    ]
    if stale:
        print("static/vendor/README.md does not list: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
