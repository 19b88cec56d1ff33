"""The board's pages, beyond who may open them (the permission matrix checks that)."""

from datetime import timedelta

from django.urls import reverse

from creative_cities.board import services
from creative_cities.board.models import Call, Interest
from creative_cities.projects.models import Project

from .conftest import publish


def test_the_board_shows_open_calls_with_days_left_and_closed_ones_on_demand(client, lyon_call, claire, lyon, today):
    ended = publish(claire, lyon, today=today, title="Ateliers d'hiver")
    Call.objects.filter(pk=ended.pk).update(deadline=today - timedelta(days=3))
    page = client.get(reverse("board:call_list")).content.decode()
    assert "Résidences croisées" in page and "30 days left" in page
    assert "Ateliers d&#x27;hiver" not in page
    page = client.get(reverse("board:call_list"), {"status": "all"}).content.decode()
    assert "Ateliers d&#x27;hiver" in page and "Closed" in page


def test_the_board_filters_by_region_of_the_publisher(client, lyon_call, ana, escuela, today):
    publish(ana, escuela, today=today, title="Taller", description="Gaitas.")
    page = client.get(reverse("board:call_list"), {"region": "latin_america_caribbean"}).content.decode()
    assert "Taller" in page and "Résidences croisées" not in page


def test_anyone_sees_a_call_and_how_many_answered_but_not_the_messages(client, lyon_call, moussa, dakar, ana, escuela):
    services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Message confidentiel de Dakar")
    page = client.get(lyon_call.get_absolute_url()).content.decode()
    assert "<strong>résidences</strong>" in page  # the description's Markdown
    assert "Message confidentiel" not in page
    assert "Sign in to answer this call" in page
    client.force_login(ana)  # another party's person sees neither the messages nor Dakar's answer
    page = client.get(lyon_call.get_absolute_url()).content.decode()
    assert "Message confidentiel" not in page and "Express interest" in page
    assert 'value="organisation:escuela-de-musica"' in page


def test_the_publisher_reads_the_messages_and_accepts_into_a_new_project(client, lyon_call, claire, moussa, dakar):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Dakar accueille")
    client.force_login(claire)
    page = client.get(lyon_call.get_absolute_url()).content.decode()
    assert "Dakar accueille" in page and "Accept as partner" in page
    response = client.post(reverse("board:interest_accept", args=[interest.pk]), {"answer": "Bienvenue"})
    assert response.status_code == 302 and response["Location"] == lyon_call.get_absolute_url()
    interest.refresh_from_db()
    assert interest.status == "accepted" and interest.answer == "Bienvenue"
    assert Project.objects.get().calls.get() == lyon_call


def test_the_interested_party_sees_its_own_answer_and_withdraws_it(client, lyon_call, moussa, dakar):
    client.force_login(moussa)
    response = client.post(
        reverse("board:interest_create", args=[lyon_call.slug]), {"party": "city:dakar", "message": "Oui !"}
    )
    assert response.status_code == 302
    page = client.get(lyon_call.get_absolute_url()).content.decode()
    assert "Your answer" in page and "Waiting for an answer" in page and "Express interest" not in page
    interest = Interest.objects.get()
    client.post(reverse("board:interest_withdraw", args=[interest.pk]))
    interest.refresh_from_db()
    assert interest.status == "withdrawn"
    assert client.post(reverse("board:interest_withdraw", args=[interest.pk])).status_code == 403


def test_an_empty_message_is_refused_on_the_page_with_a_summary(client, lyon_call, moussa):
    client.force_login(moussa)
    response = client.post(reverse("board:interest_create", args=[lyon_call.slug]), {"party": "city:dakar"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Interest.objects.exists()


def test_nobody_answers_an_expired_call_on_the_page(client, lyon_call, moussa, today):
    Call.objects.filter(pk=lyon_call.pk).update(deadline=today - timedelta(days=1))
    client.force_login(moussa)
    page = client.get(lyon_call.get_absolute_url()).content.decode()
    assert "This call is closed" in page and "Express interest" not in page
    response = client.post(
        reverse("board:interest_create", args=[lyon_call.slug]), {"party": "city:dakar", "message": "Oui"}
    )
    assert response.status_code == 403 and not Interest.objects.exists()


def test_publishing_offers_only_the_persons_own_parties_and_names_each_wrong_field(client, claire, lyon, dakar, today):
    client.force_login(claire)
    page = client.get(reverse("board:call_create")).content.decode()
    assert 'value="city:lyon"' in page and 'value="city:dakar"' not in page
    data = {
        "publisher": "city:dakar",
        "kind": "need",
        "topic": "partners",
        "title": "",
        "description": "Texte",
        "language": "fr",
        "deadline": (today - timedelta(days=1)).isoformat(),
    }
    response = client.post(reverse("board:call_create"), data)
    errors = response.context["form"].errors
    assert set(errors) == {"publisher", "title", "deadline"}
    assert not Call.objects.exists()
    data.update({"publisher": "city:lyon", "title": "Traducteurs", "deadline": today.isoformat(), "fields": ["1"]})
    response = client.post(reverse("board:call_create"), data)
    call = Call.objects.get()
    assert response["Location"] == call.get_absolute_url() and call.city == lyon


def test_editing_changes_the_call_but_not_its_publisher(client, lyon_call, claire):
    client.force_login(claire)
    page = client.get(reverse("board:call_edit", args=[lyon_call.slug])).content.decode()
    assert 'name="publisher"' not in page
    data = {
        "kind": "offer",
        "topic": "venue",
        "title": "Un atelier à Lyon",
        "description": "Texte",
        "language": "fr",
        "deadline": lyon_call.deadline.isoformat(),
    }
    assert client.post(reverse("board:call_edit", args=[lyon_call.slug]), data).status_code == 302
    lyon_call.refresh_from_db()
    assert (lyon_call.kind, lyon_call.title, lyon_call.slug) == ("offer", "Un atelier à Lyon", "residences-croisees")


def test_the_publisher_closes_the_call_on_the_page(client, lyon_call, claire):
    client.force_login(claire)
    client.post(reverse("board:call_close", args=[lyon_call.slug]))
    lyon_call.refresh_from_db()
    assert lyon_call.status == "closed"
    assert "Close the call" not in client.get(lyon_call.get_absolute_url()).content.decode()


def test_my_page_lists_the_calls_of_my_parties_and_the_answers_they_sent(client, lyon_call, moussa, dakar, claire):
    services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    client.force_login(moussa)
    page = client.get(reverse("board:mine")).content.decode()
    assert "Calls you answered" in page and "Résidences croisées" in page and "Waiting for an answer" in page
    client.force_login(claire)
    page = client.get(reverse("board:mine")).content.decode()
    assert "Résidences croisées" in page and "1 answer" in page


def test_the_city_page_lists_its_open_calls(client, lyon_call, claire, lyon, today):
    ended = publish(claire, lyon, today=today, title="Ancien appel")
    services.call_close(call=ended, by=claire)
    page = client.get(lyon.get_absolute_url()).content.decode()
    assert "Needs and offers" in page and lyon_call.get_absolute_url() in page
    assert "Ancien appel" not in page
