"""The index can be built as if some partnerships had never been made (what the evaluation of matchmaking needs)."""

import pytest

from creative_cities.matchmaking import index as match_index
from creative_cities.projects.models import ProjectPartner

pytestmark = pytest.mark.django_db


def test_a_hidden_partnership_counts_neither_for_novelty_nor_for_what_the_partner_does(
    make_project, make_organisation, field, city, lyon
):
    collective = make_organisation("Sound Collective", city=city("kingston"), description="music festival music")
    project = make_project("A music festival", fields=[field("music")], partners=[collective], language="en")
    hidden = frozenset(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    seen, blind = match_index.build(), match_index.build(hidden_partners=hidden)
    lyon_party, collective_party = (seen.party_of[("city", lyon.pk)], seen.party_of[("organisation", collective.pk)])
    assert collective_party in seen.neighbours[lyon_party]
    assert collective_party not in blind.neighbours.get(blind.party_of[("city", lyon.pk)], set())
    row = blind.row_of[("organisation", collective.pk)]
    assert seen.languages[seen.row_of[("organisation", collective.pk)]].any()
    assert not blind.languages[row].any()  # the language of the hidden project is not known of it
