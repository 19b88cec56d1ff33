"""A city's focal point edits that city's profile, and no other."""

from django.urls import reverse
from django.utils import translation

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.services import focal_point_hand_over, role_end, role_grant

PROFILE = {
    "website": "https://www.lyon.fr",
    "description_en": "City of Literature since 2023.",
    "description_fr": "Ville de littérature depuis 2023.",
    "description_es": "Ciudad de la literatura desde 2023.",
}


def edit_url(city):
    with translation.override("en"):
        return reverse("cities:city_edit", kwargs={"slug": city.slug})


def test_the_focal_point_of_lyon_edits_lyon(focal_point_lyon, lyon):
    assert focal_point_lyon.get(edit_url(lyon)).status_code == 200
    response = focal_point_lyon.post(edit_url(lyon), PROFILE)
    assert response.status_code == 302
    lyon.refresh_from_db()
    assert lyon.website == "https://www.lyon.fr"
    html = focal_point_lyon.get("/fr/cities/lyon/").content.decode()
    assert "Ville de littérature depuis 2023." in html


def test_the_focal_point_of_lyon_cannot_edit_dakar(focal_point_lyon, dakar):
    assert focal_point_lyon.get(edit_url(dakar)).status_code == 403
    assert focal_point_lyon.post(edit_url(dakar), PROFILE).status_code == 403
    dakar.refresh_from_db()
    assert dakar.website == ""


def test_anonymous_visitors_are_sent_to_sign_in(anonymous, lyon):
    response = anonymous.get(edit_url(lyon))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_person_without_a_role_cannot_edit(creative_professional, lyon):
    assert creative_professional.get(edit_url(lyon)).status_code == 403


def test_the_secretariat_edits_any_city(secretariat, dakar):
    assert secretariat.post(edit_url(dakar), {**PROFILE, "website": "https://www.dakar.sn"}).status_code == 302
    dakar.refresh_from_db()
    assert dakar.website == "https://www.dakar.sn"


def test_an_unknown_city_is_not_found(focal_point_lyon):
    assert focal_point_lyon.get("/en/cities/atlantis/edit/").status_code == 404


def test_bad_input_is_explained_and_nothing_is_saved(focal_point_lyon, lyon):
    response = focal_point_lyon.post(edit_url(lyon), {**PROFILE, "website": "not a web address"})
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    lyon.refresh_from_db()
    assert lyon.website == "" and lyon.description_en == ""


def test_markup_in_a_description_is_shown_as_text(focal_point_lyon, lyon, anonymous):
    focal_point_lyon.post(edit_url(lyon), {**PROFILE, "description_en": "<script>alert(1)</script> Lyon"})
    html = anonymous.get("/en/cities/lyon/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Lyon" in html


def test_a_team_member_edits_their_city(db, django_user_model, client, lyon):
    user = django_user_model.objects.create_user(email="team.lyon@example.org", password="x")
    role_grant(user=user, kind=RoleKind.CITY_TEAM, city=lyon, granted_by=None)
    client.force_login(user)
    assert client.get(edit_url(lyon)).status_code == 200


def test_an_ended_role_no_longer_gives_access(focal_point_lyon, focal_point_lyon_user, lyon):
    role_end(role=focal_point_lyon_user.roles.get())
    assert focal_point_lyon.get(edit_url(lyon)).status_code == 403


def test_a_handover_moves_the_access_and_keeps_the_history(
    focal_point_lyon, focal_point_lyon_user, lyon, django_user_model, client
):
    newcomer = django_user_model.objects.create_user(email="new.focal@example.org", password="x")
    focal_point_hand_over(city=lyon, to=newcomer, by=focal_point_lyon_user)
    assert focal_point_lyon.get(edit_url(lyon)).status_code == 403
    client.force_login(newcomer)
    assert client.get(edit_url(lyon)).status_code == 200
    history = list(
        lyon.roles.filter(kind=RoleKind.FOCAL_POINT).order_by("created_at").values_list("user__email", "ends_on")
    )
    assert history[0][0] == "focal.lyon@example.org" and history[0][1] is not None
    assert history[1] == ("new.focal@example.org", None)


def test_a_refusal_is_explained_in_the_platforms_page(focal_point_lyon, dakar):
    html = focal_point_lyon.get("/fr/cities/dakar/edit/").content.decode()
    assert '<html lang="fr">' in html and "<h1>" in html


def _contact(city):
    from creative_cities.cities.choices import ContactRole
    from creative_cities.cities.models import CityContact

    return CityContact.objects.create(
        city=city, role=ContactRole.MAYOR, full_name="Grégory Doucet", email="mayor@lyon.example.org"
    )


def test_members_of_the_network_see_the_contacts_of_any_city(
    db, django_user_model, client, lyon, focal_point_dakar_user
):
    _contact(lyon)
    client.force_login(focal_point_dakar_user)
    html = client.get("/en/cities/lyon/").content.decode()
    assert "mayor@lyon.example.org" in html and "Grégory Doucet" in html


def test_the_public_and_people_without_a_role_do_not_see_contacts(anonymous, lyon, creative_professional):
    _contact(lyon)
    assert "mayor@lyon.example.org" not in creative_professional.get("/en/cities/lyon/").content.decode()
    from django.test import Client

    assert "mayor@lyon.example.org" not in Client().get("/en/cities/lyon/").content.decode()


def test_the_city_page_offers_its_team_the_edit_link(focal_point_lyon, lyon, dakar):
    assert 'href="/en/cities/lyon/edit/"' in focal_point_lyon.get("/en/cities/lyon/").content.decode()
    assert 'href="/en/cities/dakar/edit/"' not in focal_point_lyon.get("/en/cities/dakar/").content.decode()


def test_a_profile_change_reaches_the_search_index(focal_point_lyon, lyon, django_capture_on_commit_callbacks):
    from creative_cities.search.models import SearchDocument

    with django_capture_on_commit_callbacks(execute=True):
        focal_point_lyon.post(edit_url(lyon), {**PROFILE, "description_en": "Home of the Fête des Lumières."})
    texts = SearchDocument.objects.filter(kind="city", object_id=lyon.pk).values_list("text", flat=True)
    assert any("Lumières" in text for text in texts)
