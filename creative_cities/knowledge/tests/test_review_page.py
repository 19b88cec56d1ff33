"""The review page shows the whole item, as its page does: the reviewer decides without leaving it."""

import pytest

from creative_cities.frameworks.models import SdgGoal
from creative_cities.knowledge import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(draft, focal_point_lyon_user):
    services.item_update(
        item=draft,
        by=focal_point_lyon_user,
        data={"body": draft.body + "\n\n<script>alert(1)</script>", "results": "Plus de **lecteurs**."},
        relations={"sdg_goals": [SdgGoal.objects.get(number=4)]},
        links=[{"url": "https://www.tcl.fr/", "title": "Les bus de Lyon"}],
    )
    services.item_translation_save(
        item=draft,
        by=focal_point_lyon_user,
        language="es",
        title="Libros en los autobuses nocturnos",
        summary="Lecturas en voz alta en los autobuses nocturnos.",
        body="Cada viernes, **dos líneas** acogen una lectura.",
    )
    return services.item_submit(item=draft, by=focal_point_lyon_user)


def test_the_review_page_shows_the_item_s_text_rendered_and_sanitised(client, sent, coordinator_literature):
    client.force_login(coordinator_literature)
    page = client.get(f"/en/knowledge/{sent.slug}/review/").content.decode()
    assert "<h2>Le projet</h2>" in page and "<strong>deux lignes</strong>" in page  # Markdown, rendered
    assert "<script>alert(1)</script>" not in page  # and sanitised
    assert "Des lectures à voix haute dans les bus de nuit" in page  # the summary
    assert "Plus de <strong>lecteurs</strong>." in page  # the results


def test_the_review_page_shows_what_the_item_is_about_and_its_translations(client, sent, coordinator_literature):
    client.force_login(coordinator_literature)
    page = client.get(f"/en/knowledge/{sent.slug}/review/").content.decode()
    for shown in [
        ">Literature</a>",  # its field
        ">Lyon</a>",  # its city
        "SDG 4: </span>Quality education",  # its SDG, as a badge
        "4,200",  # its figure
        "Réseau de transports (Public",  # its partner, with its sector
        'href="https://www.tcl.fr/"',  # its link
        '<span lang="es">Libros en los autobuses nocturnos</span>',  # its translation, with its text
        "<strong>dos líneas</strong>",
    ]:
        assert shown in page, shown
    assert 'name="decision"' in page
