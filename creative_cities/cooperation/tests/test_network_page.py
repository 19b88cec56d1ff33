"""The network page: its picture names hubs and communities, its tables stay short."""

from django.urls import reverse


def test_the_network_page_names_its_hubs_in_the_picture_and_its_communities_in_the_legend(anonymous, linked):
    html = anonymous.get(reverse("cooperation:network")).content.decode()
    svg = html.split("<main", 1)[1].split("<svg", 1)[1].split("</svg>", 1)[0]
    assert ">Dakar</text>" in svg.split('class="lb lb-wide"', 1)[1]
    assert 'class="disc cm1"' in svg and ">1</text>" in svg
    legend = html.split('class="graph-legend"', 1)[1].split("</ol>", 1)[0]
    assert '<span class="community-badge cm1">1</span> <span>Dakar, Lyon and 1 other city</span>' in legend


def test_the_network_page_lists_the_most_linked_cities_and_leaves_every_link_to_its_own_list(anonymous, crowd):
    response = anonymous.get(reverse("cooperation:network"))
    html = response.content.decode()
    assert response.context["network"]["edges"] == 105
    hubs = response.context["hubs"]
    assert len(hubs) == 15 and [hub["slug"] for hub in hubs[:2]] == [
        "dakar",
        "lyon",
    ]  # the same partners, more relations
    assert "The 15 most linked cities" in html
    shown = html.split('id="isolated-heading"', 1)[0]  # the cities without partners are listed apart, folded
    assert shown.count("/en/cooperation/cities/") < 60  # not one row per city or per link
    assert 'href="/en/cooperation/links/"' in html
