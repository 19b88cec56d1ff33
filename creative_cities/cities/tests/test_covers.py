"""Covers drawn by the platform: SVG for pages, PNG for link previews, the same design, cached, private for drafts."""

import io
import re
from xml.etree import ElementTree

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from PIL import Image

from creative_cities.cities import cover_views
from creative_cities.cities.covers import HEIGHT, MOTIFS, NETWORK, WIDTH, Cover, cover_png, cover_shapes, cover_svg
from creative_cities.cities.models import CreativeField
from creative_cities.cities.reference_data import FIELDS

COLOURS = {field.code: field.colour for field in FIELDS}
SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(text):
    return ElementTree.fromstring(text)  # noqa: S314 - the platform's own drawing


def test_there_is_a_motif_for_each_of_the_eight_fields_and_one_for_the_network():
    assert set(MOTIFS) == {*COLOURS, NETWORK}
    assert len(COLOURS) == 8


@pytest.mark.parametrize("motif", sorted(MOTIFS))
def test_each_cover_is_a_valid_svg_without_text_in_the_field_s_colour(motif):
    cover = Cover(motif, COLOURS.get(motif, "#0b5394"), "lecture-dans-les-bus")
    root = parse_svg(cover_svg(cover))
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("1200", "630", "0 0 1200 630")
    assert root.find(f".//{SVG}text") is None and root.find(f".//{SVG}script") is None
    ground = root[0]
    assert ground.tag == f"{SVG}rect" and ground.get("fill") == cover.colour
    assert len(root) > 10  # a pattern, not a flat colour


@pytest.mark.parametrize("motif", sorted(MOTIFS))
def test_each_cover_is_a_1200_by_630_png_under_100_kb(motif):
    for seed in ("lyon", "dakar", "a-rather-long-slug-for-a-knowledge-item-2024"):
        data = cover_png(Cover(motif, COLOURS.get(motif, "#0b5394"), seed))
        assert data.startswith(b"\x89PNG") and len(data) < 100_000, (motif, seed, len(data))
        assert Image.open(io.BytesIO(data)).size == (WIDTH, HEIGHT) == (1200, 630)


def test_the_png_draws_the_same_design_as_the_svg():
    """A film cover's first sprocket hole is where the SVG puts it, in its colour."""
    cover = Cover("film", COLOURS["film"], "lyon")
    image = Image.open(io.BytesIO(cover_png(cover))).convert("RGB")
    hole = next(shape for shape in cover_shapes(cover) if getattr(shape, "radius", 0) == 4 and shape.x > 0)
    assert f'x="{hole.x:g}"' in cover_svg(cover) or f'x="{round(hole.x, 1):g}"' in cover_svg(cover)
    pixel = image.getpixel((round(hole.x + hole.w / 2), round(hole.y + hole.h / 2)))
    expected = tuple(int(hole.fill[i : i + 2], 16) for i in (1, 3, 5))
    assert max(abs(a - b) for a, b in zip(pixel, expected, strict=True)) <= 8
    assert image.getpixel((0, 0)) != pixel


def test_a_cover_depends_only_on_its_field_colour_and_slug():
    cover = Cover("music", COLOURS["music"], "lyon")
    assert cover_svg(cover) == cover_svg(Cover("music", COLOURS["music"], "lyon"))
    assert cover_png(cover) == cover_png(Cover("music", COLOURS["music"], "lyon"))
    assert cover_svg(Cover("music", COLOURS["music"], "dakar")) != cover_svg(cover)
    tokens = {Cover(*args).token for args in [("music", "#b71c1c", "lyon"), ("music", "#123456", "lyon"),
                                              ("film", "#b71c1c", "lyon"), ("music", "#b71c1c", "dakar")]}  # fmt: skip
    assert len(tokens) == 4


def test_a_field_added_later_gets_the_network_s_motif_in_its_own_colour():
    shapes = cover_shapes(Cover("photography", "#445566", "x"))
    assert shapes[0].fill == "#445566"
    assert len(shapes) == len(cover_shapes(Cover(NETWORK, "#445566", "x")))


def test_a_city_s_cover_is_served_as_svg_and_png_with_long_caching_and_an_etag(anonymous, lyon):
    url = cover_views.generated_cover_url(lyon)
    assert re.fullmatch(r"/covers/cities/lyon\.svg\?v=[0-9a-f]{16}", url)
    response = anonymous.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert parse_svg(response.content)[0].get("fill") == "#7a6000"  # literature's colour
    again = anonymous.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again["ETag"] == response["ETag"]
    png = anonymous.get(cover_views.generated_cover_url(lyon, "png"))
    assert png["Content-Type"] == "image/png" and Image.open(io.BytesIO(png.content)).size == (1200, 630)
    assert png["ETag"] != response["ETag"]


def test_an_address_without_the_current_token_is_kept_an_hour_only(anonymous, lyon):
    assert anonymous.get("/covers/cities/lyon.svg")["Cache-Control"] == "public, max-age=3600"
    assert anonymous.get("/covers/cities/lyon.svg?v=0000000000000000")["Cache-Control"] == "public, max-age=3600"


def test_a_change_of_colour_changes_the_cover_s_address(anonymous, lyon):
    before = cover_views.generated_cover_url(lyon)
    literature = CreativeField.objects.get(code="literature")
    literature.colour = "#224466"
    literature.save()  # as the admin does
    after = cover_views.generated_cover_url(lyon)
    assert after != before
    assert parse_svg(anonymous.get(after).content)[0].get("fill") == "#224466"


def test_unknown_formats_and_objects_have_no_cover(anonymous):
    assert anonymous.get("/covers/cities/lyon.gif").status_code == 404
    assert anonymous.get("/covers/cities/atlantis.svg").status_code == 404
    assert anonymous.get("/covers/items/no-such-item.png").status_code == 404


def _item(lyon, by, *, publish: bool, secretariat_user=None):
    from creative_cities.knowledge import services

    literature = CreativeField.objects.get(code="literature")
    data = {"kind": "practice", "title": "Lire la ville", "summary": "Des lectures.", "language": "fr"}
    item = services.item_create(by=by, owner_city=lyon, data=data, relations={"fields": [literature]})
    if publish:
        services.item_publish(item=item, by=secretariat_user)
    return item


def test_a_draft_s_cover_is_not_found_for_others_and_private_for_its_team(
    anonymous, lyon, focal_point_lyon_user, focal_point_dakar_user
):
    draft = _item(lyon, focal_point_lyon_user, publish=False)
    url = cover_views.generated_cover_url(draft, "png")
    assert anonymous.get(url).status_code == 404
    dakar = Client()
    dakar.force_login(focal_point_dakar_user)
    assert dakar.get(url).status_code == 404
    team = Client()
    team.force_login(focal_point_lyon_user)
    response = team.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-cache"


def test_a_published_item_s_cover_is_public_and_drawn_in_its_field_s_colour(
    anonymous, lyon, focal_point_lyon_user, secretariat_user
):
    item = _item(lyon, focal_point_lyon_user, publish=True, secretariat_user=secretariat_user)
    response = anonymous.get(cover_views.generated_cover_url(item))
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    assert parse_svg(response.content)[0].get("fill") == "#7a6000"


def test_an_object_without_a_field_gets_the_network_s_cover(lyon, focal_point_lyon_user):
    from creative_cities.knowledge import services

    data = {"kind": "practice", "title": "Sans domaine", "summary": "Rien.", "language": "fr"}
    item = services.item_create(by=focal_point_lyon_user, owner_city=lyon, data=data, relations={})
    assert cover_views.cover_for(item) == Cover(NETWORK, "#0b5394", item.slug)


def test_a_city_with_an_image_of_its_team_shows_that_image_first(lyon, focal_point_lyon_user, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.cities.services import city_image_add
    from creative_cities.core.uploads import clean_image

    settings.MEDIA_ROOT = str(tmp_path)
    assert cover_views.cover_url(lyon).startswith("/covers/cities/lyon.svg?v=")
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (10, 120, 200)).save(out, "PNG")
    upload = clean_image(SimpleUploadedFile("a.png", out.getvalue()), max_edge=100)
    image = city_image_add(city=lyon, upload=upload, alt_en="The Saône at dusk", by=focal_point_lyon_user)
    lyon = type(lyon).objects.get(pk=lyon.pk)
    assert cover_views.cover_url(lyon) == image.image.url
    assert cover_views.og_image(lyon)["alt"] == "The Saône at dusk"


def test_the_template_tags_give_absolute_preview_addresses_and_the_meta_tags(lyon):
    request = RequestFactory().get("/en/cities/lyon/")
    html = Template("{% load covers %}{% og_image_meta city %}|{% og_image_url city %}|{% cover_url city %}").render(
        Context({"city": lyon, "request": request})
    )
    meta, absolute, relative = html.split("|")
    assert f'<meta property="og:image" content="{absolute}">' in meta
    assert absolute.startswith("http://testserver/covers/cities/lyon.png?v=")
    assert '<meta property="og:image:width" content="1200">' in meta and 'content="image/png"' in meta
    assert relative.startswith("/covers/cities/lyon.svg?v=")


@pytest.mark.parametrize("kind", ["city", "item", "project", "call"])
def test_detail_pages_show_a_cover_band_and_fill_the_preview_block(anonymous, lyon, kind, request):
    if kind == "city":
        html = anonymous.get(lyon.get_absolute_url()).content.decode()
        expected = "/covers/cities/lyon.svg?v="
    else:
        obj = request.getfixturevalue(f"public_{kind}")
        html = anonymous.get(obj.get_absolute_url()).content.decode()
        expected = cover_views.generated_cover_url(obj)
    assert re.search(r'<div class="cover-band"><img src="[^"]*" alt=""', html)
    assert expected in html
    assert "css/pictures" in html


@pytest.fixture
def public_item(lyon, focal_point_lyon_user, secretariat_user):
    return _item(lyon, focal_point_lyon_user, publish=True, secretariat_user=secretariat_user)


@pytest.fixture
def public_project(lyon, focal_point_lyon_user):
    from creative_cities.projects import services

    data = {"title": "Lectures partagées", "summary": "Lyon lit.", "lead_city": lyon}
    project = services.project_create(by=focal_point_lyon_user, data=data)
    project.fields.add(CreativeField.objects.get(code="music"))
    return project


@pytest.fixture
def public_call(lyon, focal_point_lyon_user):
    from datetime import timedelta

    from creative_cities.board import selectors, services

    data = {
        "kind": "offer",
        "topic": "venue",
        "title": "Un atelier",
        "description": "Pour une semaine.",
        "language": "fr",
        "deadline": selectors.today() + timedelta(days=10),
    }
    return services.call_create(by=focal_point_lyon_user, party=lyon, data=data, relations={})
