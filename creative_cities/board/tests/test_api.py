"""The board's API: the same rules as the pages, with a personal token."""

import json
from datetime import timedelta

import pytest

from creative_cities.accounts.services import token_create
from creative_cities.board import services
from creative_cities.board.models import Call, Interest


def bearer(user, scope="write") -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=user, name='t', scope=scope, days=30)[1]}"}


def post(client, url, user, body=None):
    """A JSON POST; without ``body``, an empty one, as ``curl -X POST`` sends."""
    data = json.dumps(body) if body is not None else ""
    return client.post(url, data=data, content_type="application/json", **bearer(user))


def test_the_list_reads_an_expired_call_as_closed_before_the_command_runs(client, lyon_call, today):
    Call.objects.filter(pk=lyon_call.pk).update(deadline=today - timedelta(days=1))
    assert client.get("/api/v1/calls").json() == {"count": 0, "results": []}
    result = client.get("/api/v1/calls?status=all").json()["results"][0]
    assert (result["slug"], result["status"], result["publisher"]) == ("residences-croisees", "closed", "city:lyon")
    assert client.get(f"/api/v1/calls/{lyon_call.slug}").json()["status"] == "closed"


def test_publishing_checks_the_whole_body_before_writing(client, claire, today):
    body = {
        "publisher": "city:lyon",
        "kind": "need",
        "topic": "partners",
        "title": "Traducteurs",
        "description": "Texte",
        "language": "fr",
        "deadline": (today - timedelta(days=1)).isoformat(),
        "fields": ["literature", "poetry-slam"],
        "sdg_goals": [11, 99],
    }
    response = post(client, "/api/v1/calls", claire, body)
    assert response.status_code == 400
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {"deadline", "fields", "sdg_goals"}
    assert not Call.objects.exists()
    body.update({"deadline": today.isoformat(), "fields": ["literature"], "sdg_goals": [11]})
    response = post(client, "/api/v1/calls", claire, body)
    assert response.status_code == 201
    assert (response.json()["fields"], response.json()["sdg_goals"], response.json()["status"]) == (
        ["literature"],
        [11],
        "open",
    )


def test_nobody_publishes_for_a_city_they_do_not_act_for(client, moussa, today):
    body = {"publisher": "city:lyon", "kind": "need", "title": "X", "description": "Y", "deadline": today.isoformat()}
    assert post(client, "/api/v1/calls", moussa, body).status_code == 403
    assert not Call.objects.exists()


def test_the_publisher_sees_every_answer_and_others_only_their_own(
    client, lyon_call, claire, moussa, dakar, ana, escuela
):
    services.interest_express(call=lyon_call, party=dakar, by=moussa, message="De Dakar")
    services.interest_express(call=lyon_call, party=escuela, by=ana, message="De Medellín")
    url = f"/api/v1/calls/{lyon_call.slug}/interests"
    assert [i["message"] for i in client.get(url, **bearer(claire, "read")).json()] == ["De Dakar", "De Medellín"]
    assert [i["message"] for i in client.get(url, **bearer(ana, "read")).json()] == ["De Medellín"]
    assert client.get(url).status_code == 401


def test_an_answer_to_an_expired_call_is_refused_as_a_conflict(client, lyon_call, moussa, today):
    Call.objects.filter(pk=lyon_call.pk).update(deadline=today - timedelta(days=1))
    body = {"party": "city:dakar", "message": "Oui"}
    response = post(client, f"/api/v1/calls/{lyon_call.slug}/interests", moussa, body)
    assert response.status_code == 409 and response.json()["error"]["code"] == "call_closed"
    assert not Interest.objects.exists()


def test_answering_for_a_party_one_does_not_act_for_is_refused(client, lyon_call, moussa):
    body = {"party": "organisation:escuela-de-musica", "message": "Oui"}
    response = post(client, f"/api/v1/calls/{lyon_call.slug}/interests", moussa, body)
    assert response.status_code == 400 and response.json()["error"]["details"][0]["field"] == "party"


@pytest.mark.parametrize("body", [None, {"answer": "Bienvenue"}])
def test_accepting_needs_no_body_and_answers_once(client, lyon_call, claire, moussa, dakar, body):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    response = post(client, f"/api/v1/interests/{interest.pk}/accept", claire, body)
    assert response.status_code == 200
    out = response.json()
    assert (out["status"], out["partner_role"], out["answer"]) == (
        "accepted",
        "partner",
        (body or {}).get("answer", ""),
    )
    assert out["project"] == Call.objects.get().project.slug
    again = post(client, f"/api/v1/interests/{interest.pk}/decline", claire, {})
    assert again.status_code == 409
    assert post(client, f"/api/v1/interests/{interest.pk}/withdraw", moussa).status_code == 409


def test_closing_through_the_api_stops_the_answers(client, lyon_call, claire, moussa):
    assert post(client, f"/api/v1/calls/{lyon_call.slug}/close", claire).json()["status"] == "closed"
    body = {"party": "city:dakar", "message": "Oui"}
    assert post(client, f"/api/v1/calls/{lyon_call.slug}/interests", moussa, body).status_code == 409


def test_the_publisher_of_a_call_does_not_change(client, lyon_call, claire):
    response = client.patch(
        f"/api/v1/calls/{lyon_call.slug}",
        data=json.dumps({"publisher": "city:dakar"}),
        content_type="application/json",
        **bearer(claire),
    )
    assert response.status_code == 400
    assert Call.objects.get().city.slug == "lyon"


def test_a_call_needs_only_its_publisher_kind_title_description_and_deadline(client, claire, today):
    body = {"publisher": "city:lyon", "kind": "offer", "title": "Un studio", "description": "Libre en mai."}
    response = post(client, "/api/v1/calls", claire, {**body, "deadline": today.isoformat()})
    assert response.status_code == 201
    out = response.json()
    assert (out["topic"], out["language"], out["deadline"], out["interest_count"]) == (
        "partners",
        "en",
        today.isoformat(),
        0,
    )
    assert post(client, "/api/v1/calls", claire, body).json()["error"]["details"][0]["field"] == "deadline"
