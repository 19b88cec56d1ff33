"""The home page: a search box, the key figures and the network's life, published content only."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from creative_cities.board import services as board_services
from creative_cities.board.selectors import today
from creative_cities.cities.models import CreativeField
from creative_cities.frameworks.models import SdgGoal
from creative_cities.knowledge import services as knowledge_services
from creative_cities.projects import services as project_services


def home(language="en"):
    with translation.override(language):
        return reverse("cities:home")


def _item(by, city, title, *, language="en", kind="practice", **relations):
    literature = CreativeField.objects.get(code="literature")
    return knowledge_services.item_create(
        by=by,
        owner_city=city,
        data={"kind": kind, "title": title, "summary": f"What {title} is about.", "language": language},
        relations={"fields": [literature], **relations},
    )


def _published(by, secretariat_user, city, title, **extra):
    item = _item(by, city, title, **extra)
    return knowledge_services.item_publish(item=item, by=secretariat_user)


def _call(by, party, title, *, days=30):
    return board_services.call_create(
        by=by,
        party=party,
        data={
            "kind": "need",
            "topic": "partners",
            "title": title,
            "description": "We look for cities.",
            "language": "en",
            "deadline": today() + timedelta(days=days),
        },
    )


def _project(by, city, title, **extra):
    return project_services.project_create(
        by=by, data={"title": title, "summary": f"{title}, together.", "lead_city": city, **extra}
    )


@pytest.fixture
def network_life(focal_point_lyon_user, secretariat_user, lyon):
    """Published, draft and unpublished items of Lyon, an open and a closed call, a project and a cancelled one."""
    published = _published(
        focal_point_lyon_user,
        secretariat_user,
        lyon,
        "Des livres dans les bus de nuit",
        language="fr",
        sdg_goals=[SdgGoal.objects.get(number=4)],
    )
    _item(focal_point_lyon_user, lyon, "A draft nobody may read yet")
    withdrawn = _published(focal_point_lyon_user, secretariat_user, lyon, "A practice taken back")
    knowledge_services.item_unpublish(item=withdrawn, by=secretariat_user)
    _call(focal_point_lyon_user, lyon, "Partners for night readings", days=10)
    closed = _call(focal_point_lyon_user, lyon, "A call its owner closed")
    board_services.call_close(call=closed, by=focal_point_lyon_user)
    project = _project(focal_point_lyon_user, lyon, "Shared readings")
    cancelled = _project(focal_point_lyon_user, lyon, "A cancelled exchange")
    project_services.project_update(project=cancelled, by=focal_point_lyon_user, data={"status": "cancelled"})
    return {"item": published, "project": project}


def test_the_home_page_has_a_labelled_search_box_that_asks_the_knowledge_base(anonymous):
    html = anonymous.get(home()).content.decode()
    assert f'action="{reverse("knowledge:search")}" role="search"' in html
    assert '<label for="home-q">Search the knowledge base</label>' in html
    assert 'type="search" name="q" id="home-q"' in html


def test_the_home_page_shows_published_items_open_calls_and_live_projects_only(anonymous, network_life):
    html = anonymous.get(home()).content.decode()
    assert "Des livres dans les bus de nuit" in html
    assert 'lang="fr">Des livres dans les bus de nuit</a>' in html  # its language, told to screen readers
    assert "Partners for night readings" in html
    assert "Shared readings" in html
    for hidden in ("A draft nobody may read yet", "A practice taken back", "A call its owner closed"):
        assert hidden not in html
    assert "A cancelled exchange" not in html


def test_a_call_whose_deadline_has_passed_is_not_on_the_home_page(anonymous, focal_point_lyon_user, lyon):
    call = _call(focal_point_lyon_user, lyon, "Readers for last winter")
    call.deadline = today() - timedelta(days=1)  # as before the daily command closes it
    call.save(update_fields=["deadline"])
    html = anonymous.get(home()).content.decode()
    assert "Readers for last winter" not in html
    assert "No call is open at the moment." in html


def test_each_card_names_its_city_kind_language_and_sdgs_and_links_to_its_page(anonymous, network_life):
    html = anonymous.get(home()).content.decode()
    item = network_life["item"]
    assert f'href="{item.get_absolute_url()}"' in html
    assert "<strong>Good practice</strong> · Lyon" in html
    assert "French" in html
    assert 'class="sdg-icon"' in html
    assert f'src="/covers/items/{item.slug}.svg?v=' in html
    assert 'alt="" width="1200" height="630" loading="lazy"' in html  # decorative, fetched when seen
    assert f'href="{network_life["project"].get_absolute_url()}"' in html
    assert "Answer by" in html and "10 days left" in html


def test_demo_content_carries_the_demo_badge(anonymous, network_life):
    project = network_life["project"]
    project.is_demo = True
    project.save(update_fields=["is_demo"])
    html = anonymous.get(home()).content.decode()
    card = html[html.index("Shared readings") :]
    assert '<span class="badge">Demo</span>' in card[: card.index("</article>")]


def test_an_empty_network_shows_friendly_empty_states_and_links_to_every_list(anonymous):
    html = anonymous.get(home()).content.decode()
    assert "Nothing is published in the knowledge base yet." in html
    assert "No call is open at the moment." in html
    assert "No project has started yet." in html
    assert f'href="{reverse("board:call_list")}">See all open calls</a>' in html
    assert f'href="{reverse("projects:project_list")}">See all projects</a>' in html
    assert "See all practices, policies and publications" in html


def test_the_key_figures_count_practices_projects_and_links(anonymous, network_life):
    html = anonymous.get(home()).content.decode()
    assert '<span class="figure">405</span> member cities' in html
    assert '<span class="figure">1</span> good practices' in html  # the unpublished one is not counted
    assert '<span class="figure">1</span> projects' in html
    assert "links between cities" in html


def test_headings_go_in_order(anonymous, network_life):
    html = anonymous.get(home()).content.decode()
    levels = [int(html[i + 2]) for i in range(len(html)) if html.startswith("<h", i) and html[i + 2].isdigit()]
    assert levels[0] == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            ["Rechercher dans la base de connaissances", "Nouveautés de la base de connaissances", "Bonne pratique"],
        ),
        ("es", ["Buscar en la base de conocimientos", "Novedades de la base de conocimientos", "Buena práctica"]),
    ],
)
def test_the_home_page_speaks_french_and_spanish(anonymous, network_life, language, words):
    html = anonymous.get(home(language)).content.decode()
    for word in words:
        assert word in html


def test_the_home_page_reads_a_bounded_number_of_queries_however_much_the_network_holds(
    anonymous, network_life, focal_point_lyon_user, secretariat_user, lyon, django_assert_max_num_queries
):
    from creative_cities.cooperation.selectors import memo_clear

    goals = list(SdgGoal.objects.filter(number__in=[4, 5]))
    for number in range(4):
        _published(focal_point_lyon_user, secretariat_user, lyon, f"Practice {number}", sdg_goals=goals)
        _call(focal_point_lyon_user, lyon, f"Call {number}")
        _project(focal_point_lyon_user, lyon, f"Project {number}")
    memo_clear()  # the cooperation graph is read afresh too
    # A count and a list per block, a query per prefetched relation, the map, and the graph's sources.
    with django_assert_max_num_queries(24):
        assert anonymous.get(home()).status_code == 200


def test_a_newly_published_practice_shows_at_the_next_request(anonymous, focal_point_lyon_user, secretariat_user, lyon):
    assert anonymous.get(home()).status_code == 200
    assert anonymous.get(home())["X-Cache"] == "hit"
    item = _item(focal_point_lyon_user, lyon, "Poems on the tram")
    assert "Poems on the tram" not in anonymous.get(home()).content.decode()  # a draft
    knowledge_services.item_publish(item=item, by=secretariat_user)
    answer = anonymous.get(home())
    assert "X-Cache" not in answer
    assert "Poems on the tram" in answer.content.decode()


@pytest.mark.parametrize("change", ["call", "project"])
def test_a_new_call_or_project_shows_at_the_next_request(anonymous, focal_point_lyon_user, lyon, change):
    anonymous.get(home())
    assert anonymous.get(home())["X-Cache"] == "hit"
    if change == "call":
        _call(focal_point_lyon_user, lyon, "Fresh need")
    else:
        _project(focal_point_lyon_user, lyon, "Fresh need")
    assert "Fresh need" in anonymous.get(home()).content.decode()
