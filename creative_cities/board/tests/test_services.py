"""The board's writes: publishing, answering, accepting into a project, closing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from creative_cities.audit.models import AuditEvent
from creative_cities.board import selectors, services
from creative_cities.board.models import Call, Interest
from creative_cities.cities.models import CreativeField
from creative_cities.frameworks.models import SdgGoal
from creative_cities.notifications.models import Notification
from creative_cities.projects.models import Project, ProjectPartner
from creative_cities.projects.services import project_create, project_partner_add

from .conftest import publish


def test_a_call_is_published_open_for_a_city_its_focal_point_acts_for(claire, lyon, today):
    call = publish(claire, lyon, today=today, days=0)  # the deadline may be today: the last day to answer
    assert (call.city, call.organisation, call.status, call.created_by) == (lyon, None, "open", claire)
    assert call.slug == "residences-croisees"
    assert selectors.call_is_open(call)
    assert AuditEvent.objects.filter(action="call.create", object_id=str(call.pk)).exists()


def test_nobody_publishes_for_a_city_they_do_not_act_for(moussa, lyon, today):
    with pytest.raises(ValidationError) as refused:
        publish(moussa, lyon, today=today)
    assert "publisher" in refused.value.message_dict
    assert not Call.objects.exists()


def test_a_deadline_already_passed_is_refused_and_nothing_is_written(claire, lyon, today):
    with pytest.raises(ValidationError) as refused:
        publish(claire, lyon, today=today, days=-1)
    assert "deadline" in refused.value.message_dict
    assert not Call.objects.exists()


def test_a_call_may_not_take_the_address_of_a_board_page(claire, lyon, today):
    assert publish(claire, lyon, today=today, title="Mine").slug != "mine"


def test_an_open_call_past_its_deadline_reads_closed_and_takes_no_answer_before_the_daily_command(
    lyon_call, moussa, dakar, today
):
    Call.objects.filter(pk=lyon_call.pk).update(deadline=today - timedelta(days=1))
    lyon_call.refresh_from_db()
    assert lyon_call.status == "open"  # the command has not run yet
    assert selectors.call_status(lyon_call) == "closed"
    assert lyon_call not in selectors.call_list()
    assert lyon_call in selectors.call_list(open_only=False)
    assert selectors.interest_party_choices(user=moussa, call=lyon_call) == []
    with pytest.raises(ValidationError):
        services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Nous venons !")
    assert not Interest.objects.exists()


def test_closing_expired_calls_closes_only_those_whose_deadline_has_passed(claire, lyon, today):
    passed = publish(claire, lyon, today=today, title="Passée")
    last_day = publish(claire, lyon, today=today, title="Dernier jour")
    later = publish(claire, lyon, today=today, title="Plus tard", days=5)
    Call.objects.filter(pk=passed.pk).update(deadline=today - timedelta(days=1))
    Call.objects.filter(pk=last_day.pk).update(deadline=today)
    assert services.call_close_expired(today=today) == 1
    statuses = dict(Call.objects.values_list("title", "status"))
    assert statuses == {"Passée": "closed", "Dernier jour": "open", "Plus tard": "open"}
    assert Call.objects.get(pk=passed.pk).closed_at is not None
    assert services.call_close_expired(today=today) == 0  # nothing twice
    call_command("close_expired_calls", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Call.objects.get(pk=later.pk).status == "open"


def test_the_command_closes_tomorrow_what_ends_today(claire, lyon, today):
    call = publish(claire, lyon, today=today, days=0)
    assert services.call_close_expired(today=today + timedelta(days=1)) == 1
    call.refresh_from_db()
    assert call.status == "closed"


def test_the_publisher_closes_its_call_and_then_nobody_answers(lyon_call, claire, moussa, dakar):
    services.call_close(call=lyon_call, by=claire)
    assert lyon_call.status == "closed" and lyon_call.closed_at
    with pytest.raises(ValidationError):
        services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Trop tard ?")
    with pytest.raises(ValidationError):
        services.call_close(call=lyon_call, by=claire)


def test_the_publisher_does_not_answer_its_own_call(lyon_call, claire, lyon):
    with pytest.raises(ValidationError) as refused:
        services.interest_express(call=lyon_call, party=lyon, by=claire, message="Nous-mêmes")
    assert "party" in refused.value.message_dict


def test_nobody_answers_for_a_party_they_do_not_act_for(lyon_call, ana, dakar):
    with pytest.raises(ValidationError) as refused:
        services.interest_express(call=lyon_call, party=dakar, by=ana, message="Pour Dakar")
    assert "party" in refused.value.message_dict


def test_a_party_answers_a_call_once_even_after_withdrawing(lyon_call, moussa, dakar):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    services.interest_withdraw(interest=interest, by=moussa)
    with pytest.raises(ValidationError) as refused:
        services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui, encore")
    assert "party" in refused.value.message_dict
    assert Interest.objects.count() == 1


def test_an_empty_message_is_refused(lyon_call, moussa, dakar):
    with pytest.raises(ValidationError) as refused:
        services.interest_express(call=lyon_call, party=dakar, by=moussa, message="   ")
    assert "message" in refused.value.message_dict


def test_an_answer_tells_the_publishers_people_in_their_language(
    lyon_call, claire, moussa, dakar, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Dakar accueille deux auteurs.")
    assert [m.to for m in mail.outbox] == [[claire.email]]
    assert "Dakar" in mail.outbox[0].body and "Résidences croisées" in mail.outbox[0].body
    assert mail.outbox[0].body.startswith("Bonjour Claire Martin")  # French, Claire's language
    assert "/fr/board/residences-croisees/" in mail.outbox[0].body
    notification = Notification.objects.get(user=claire)
    assert (notification.kind, notification.url) == ("interest_received", lyon_call.get_absolute_url())
    assert not Notification.objects.filter(user=moussa).exists()


def test_accepting_makes_one_project_led_by_the_publisher_with_the_calls_themes(
    claire, lyon, moussa, dakar, today, django_capture_on_commit_callbacks
):
    call = publish(claire, lyon, today=today, topic="residency", description="Des **résidences** d'écriture.")
    literature = CreativeField.objects.get(code="literature")
    goal = SdgGoal.objects.get(number=11)
    call.fields.set([literature])
    call.sdg_goals.set([goal])
    interest = services.interest_express(call=call, party=dakar, by=moussa, message="Oui")
    interest = services.interest_accept(interest=interest, by=claire, answer="Bienvenue !")
    call.refresh_from_db()
    project = call.project
    assert (project.title, project.lead_city, project.lead_organisation, project.status) == (
        "Résidences croisées",
        lyon,
        None,
        "seeking",
    )
    assert project.summary == "Des résidences d'écriture."  # the words, without the Markdown
    assert list(project.fields.all()) == [literature] and list(project.sdg_goals.all()) == [goal]
    assert (interest.status, interest.decided_by, interest.answer) == ("accepted", claire, "Bienvenue !")
    assert interest.decided_at is not None
    assert (interest.partner.city, interest.partner.role, interest.partner.project) == (dakar, "host", project)
    assert AuditEvent.objects.filter(action="interest.accept").exists()


@pytest.mark.parametrize("is_demo", [True, False])
def test_a_project_made_from_a_demo_call_is_demo_content_too(lyon_call, claire, moussa, dakar, is_demo):
    Call.objects.filter(pk=lyon_call.pk).update(is_demo=is_demo)
    interest = services.interest_express(call=Call.objects.get(pk=lyon_call.pk), party=dakar, by=moussa, message="Oui")
    services.interest_accept(interest=interest, by=claire)
    assert Project.objects.get(calls=lyon_call).is_demo is is_demo


@pytest.mark.parametrize(
    "topic, role",
    [("expertise", "expert"), ("funding", "funder"), ("venue", "host"), ("partners", "partner"), ("other", "partner")],
)
def test_the_partners_role_follows_what_the_call_is_about(claire, lyon, moussa, dakar, today, topic, role):
    call = publish(claire, lyon, today=today, topic=topic)
    interest = services.interest_express(call=call, party=dakar, by=moussa, message="Oui")
    assert services.interest_accept(interest=interest, by=claire).partner.role == role


def test_a_second_acceptance_joins_the_same_project(lyon_call, claire, moussa, dakar, ana, escuela):
    first = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    second = services.interest_express(call=lyon_call, party=escuela, by=ana, message="Sí")
    first = services.interest_accept(interest=first, by=claire)
    second = services.interest_accept(interest=second, by=claire)
    assert Project.objects.count() == 1
    assert first.partner.project == second.partner.project == Project.objects.get()
    parties = {partner.party for partner in ProjectPartner.objects.all()}
    assert parties == {dakar, escuela}


def test_accepting_a_party_already_partner_links_the_existing_partnership(lyon_call, claire, moussa, dakar, lyon):
    project = project_create(
        by=claire, data={"title": "Lire", "summary": "Lire ensemble.", "lead_city": lyon, "status": "active"}
    )
    existing = project_partner_add(project=project, party=dakar, by=claire, role="co_lead")
    Call.objects.filter(pk=lyon_call.pk).update(project=project)
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Déjà là")
    interest = services.interest_accept(interest=interest, by=claire)
    assert interest.status == "accepted" and interest.partner == existing
    assert ProjectPartner.objects.count() == 1 and existing.role == "co_lead"


def test_accepting_the_projects_lead_does_not_fail(lyon_call, claire, moussa, dakar):
    project = project_create(
        by=moussa, data={"title": "Dakar lit", "summary": "Lire à Dakar.", "lead_city": dakar, "status": "active"}
    )
    Call.objects.filter(pk=lyon_call.pk).update(project=project)
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Nous menons")
    interest = services.interest_accept(interest=interest, by=claire)
    assert interest.status == "accepted" and interest.partner is None
    assert not ProjectPartner.objects.exists()


def test_an_acceptance_tells_the_interested_partys_people_in_their_language(
    lyon_call, claire, ana, escuela, django_capture_on_commit_callbacks
):
    interest = services.interest_express(call=lyon_call, party=escuela, by=ana, message="Sí")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.interest_accept(interest=interest, by=claire)
    assert [m.to for m in mail.outbox] == [[ana.email]]
    assert "Lyon" in mail.outbox[0].body and "Résidences croisées" in mail.outbox[0].body
    assert mail.outbox[0].body.startswith("Hola, Ana Pérez")  # Spanish, Ana's language
    assert Notification.objects.get(user=ana).kind == "interest_accepted"


def test_declining_tells_the_party_and_keeps_the_answer(
    lyon_call, claire, moussa, dakar, django_capture_on_commit_callbacks
):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interest = services.interest_decline(interest=interest, by=claire, answer="Pas cette année.")
    assert (interest.status, interest.answer, interest.decided_by) == ("declined", "Pas cette année.", claire)
    assert [m.to for m in mail.outbox] == [[moussa.email]]
    assert Notification.objects.get(user=moussa).kind == "interest_declined"
    assert lyon_call.project is None and not Project.objects.exists()


def test_an_interest_is_decided_once_and_withdrawn_only_while_pending(lyon_call, claire, moussa, dakar):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    interest = services.interest_decline(interest=interest, by=claire)
    for attempt in (services.interest_accept, services.interest_decline, services.interest_withdraw):
        with pytest.raises(ValidationError):
            attempt(interest=interest, by=claire)
    assert Interest.objects.get().status == "declined"


def test_the_publisher_still_decides_once_the_call_has_closed(lyon_call, claire, moussa, dakar):
    interest = services.interest_express(call=lyon_call, party=dakar, by=moussa, message="Oui")
    services.call_close(call=lyon_call, by=claire)
    assert services.interest_accept(interest=interest, by=claire).status == "accepted"


def test_editing_keeps_the_publisher_and_refuses_a_passed_deadline(lyon_call, claire, today):
    services.call_update(call=lyon_call, by=claire, data={"title": "Résidences 2027"}, relations={"fields": []})
    assert Call.objects.get().title == "Résidences 2027"
    with pytest.raises(ValidationError) as refused:
        services.call_update(call=lyon_call, by=claire, data={"deadline": today - timedelta(days=2)})
    assert "deadline" in refused.value.message_dict
    assert Call.objects.get().deadline == today + timedelta(days=30)


def test_a_closed_call_is_not_edited(lyon_call, claire):
    services.call_close(call=lyon_call, by=claire)
    with pytest.raises(ValidationError):
        services.call_update(call=lyon_call, by=claire, data={"title": "Autre"})


def test_the_list_filters_by_the_region_of_an_organisations_country_and_by_words(lyon_call, ana, escuela, today):
    offer = publish(
        ana,
        escuela,
        today=today,
        kind="offer",
        topic="expertise",
        title="Taller de gaitas",
        description="Enseñamos a tocar la gaita.",
    )
    latin = "latin_america_caribbean"
    assert list(selectors.call_list(region=latin)) == [offer]
    assert list(selectors.call_list(region="europe_north_america")) == [lyon_call]
    assert list(selectors.call_list(query="residences")) == [lyon_call]  # without the accent
    assert list(selectors.call_list(query="escuela")) == [offer]  # the publisher's name
    assert list(selectors.call_list(kind="offer")) == [offer]


def test_who_acts_for_both_sides_is_not_told_of_their_own_answer(lyon_call, claire, ana, escuela):
    from creative_cities.organisations.services import organisation_member_add

    organisation_member_add(organisation=escuela, by=ana, email=claire.email, role="member")
    Notification.objects.all().delete()
    interest = services.interest_express(call=lyon_call, party=escuela, by=claire, message="Pour l'école")
    assert not Notification.objects.filter(kind="interest_received").exists()
    services.interest_accept(interest=interest, by=claire)
    assert list(Notification.objects.values_list("user__email", "kind")) == [(ana.email, "interest_accepted")]
