"""Items go draft → submitted → published, or back with comments; published states are kept as versions."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from creative_cities.audit.models import AuditEvent
from creative_cities.knowledge import services
from creative_cities.knowledge.models import KnowledgeItem

pytestmark = pytest.mark.django_db


def test_a_draft_is_seen_by_its_team_only(client, draft, focal_point_lyon_user, focal_point_dakar_user):
    url = f"/en/knowledge/{draft.slug}/"
    assert client.get(url).status_code == 404  # the public does not learn it exists
    client.force_login(focal_point_dakar_user)
    assert client.get(url).status_code == 404
    client.force_login(focal_point_lyon_user)
    page = client.get(url)
    assert page.status_code == 200 and page.context["may_edit"]
    assert draft.cities.filter(slug="lyon").exists()  # the city writing it is one of its cities


def test_submit_tells_the_field_s_coordinators_and_publish_tells_the_author(
    draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.item_submit(item=draft, by=focal_point_lyon_user)
    assert [m.to for m in mail.outbox] == [["coord.literature@example.org"]]
    assert "Des livres dans les bus de nuit" in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.item_publish(item=draft, by=coordinator_literature)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at is not None
    assert [m.to for m in mail.outbox] == [["focal.lyon@example.org"]]
    assert draft.versions.count() == 1
    assert AuditEvent.objects.filter(action="knowledge.publish", object_id=str(draft.pk)).exists()


def test_returning_needs_comments_and_reaches_the_author(draft, focal_point_lyon_user, coordinator_literature):
    services.item_submit(item=draft, by=focal_point_lyon_user)
    with pytest.raises(ValidationError):
        services.item_return(item=draft, by=coordinator_literature, comment=" ")
    services.item_return(item=draft, by=coordinator_literature, comment="Ajoutez les chiffres de 2025.")
    draft.refresh_from_db()
    assert draft.status == "returned" and draft.review_comment == "Ajoutez les chiffres de 2025."


def test_steps_out_of_order_are_refused(draft, coordinator_literature):
    with pytest.raises(ValidationError):
        services.item_return(item=draft, by=coordinator_literature, comment="x")
    with pytest.raises(ValidationError):
        services.item_unpublish(item=draft, by=coordinator_literature)


def test_editing_a_published_item_keeps_each_published_state(draft, focal_point_lyon_user, coordinator_literature):
    services.item_publish(item=draft, by=coordinator_literature)
    services.item_update(item=draft, by=focal_point_lyon_user, data={"title": "Des livres dans les bus"}, relations={})
    versions = list(draft.versions.order_by("number").values_list("data__title", flat=True))
    assert versions == ["Des livres dans les bus de nuit", "Des livres dans les bus"]


def test_the_review_page_is_for_the_field_s_reviewers(client, draft, focal_point_lyon_user, coordinator_literature):
    services.item_submit(item=draft, by=focal_point_lyon_user)
    client.force_login(focal_point_lyon_user)
    assert client.get(f"/en/knowledge/{draft.slug}/review/").status_code == 403
    client.force_login(coordinator_literature)
    queue = client.get("/en/knowledge/review/")
    assert [item.slug for item in queue.context["items"]] == [draft.slug]
    response = client.post(f"/en/knowledge/{draft.slug}/review/", {"decision": "return", "comment": ""})
    assert response.status_code == 200 and "comment" in response.context["form"].errors
    assert client.post(f"/en/knowledge/{draft.slug}/review/", {"decision": "publish"}).status_code == 302
    assert KnowledgeItem.objects.get(pk=draft.pk).status == "published"


def test_a_coordinator_of_another_field_does_not_review(client, draft, focal_point_lyon_user, django_user_model):
    from conftest import _person
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from creative_cities.cities.models import CreativeField
    from tests.second_factor import second_factor_activate

    other = _person(django_user_model, "coord.music@example.org")
    role_grant(user=other, kind=RoleKind.COORDINATOR, field=CreativeField.objects.get(code="music"), granted_by=None)
    second_factor_activate(other)
    services.item_submit(item=draft, by=focal_point_lyon_user)
    client.force_login(other)
    assert client.get(f"/en/knowledge/{draft.slug}/review/").status_code == 404
    assert list(client.get("/en/knowledge/review/").context["items"]) == []


FORM = {
    "kind": "practice",
    "title": "Night buses with books",
    "summary": "Readings on night buses.",
    "body": "Every Friday.",
    "language": "en",
    "figures": "Passengers | 4 200 | people",
    "partners": "Transport network | public",
    "links": "https://www.lyon.fr | Lyon",
    "keywords": "reading, transport, reading",
}


def test_the_form_creates_a_draft_for_the_team_s_city(focal_point_lyon, lyon):
    response = focal_point_lyon.post("/en/knowledge/new/", FORM)
    assert response.status_code == 302
    item = KnowledgeItem.objects.get(title="Night buses with books")
    assert (item.owner_city, item.status, item.keywords) == (lyon, "draft", ["reading", "transport"])
    assert [(f.label, int(f.value)) for f in item.figures.all()] == [("Passengers", 4200)]
    assert item.partners.get().sector == "public" and item.links.get().title == "Lyon"


def test_bad_lines_are_named_and_nothing_is_saved(focal_point_lyon):
    data = {**FORM, "figures": "Passengers | many", "partners": "Transport | government", "links": "ftp://x"}
    response = focal_point_lyon.post("/en/knowledge/new/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"figures", "partners", "links"} <= set(errors) and "Line 1" in errors["figures"][0]
    assert not KnowledgeItem.objects.exists()


def test_partners_sectors_and_figures_are_written_as_a_french_team_writes_them(focal_point_lyon):
    page = focal_point_lyon.get("/fr/knowledge/new/").content.decode()
    assert "Secteur public, Secteur privé, Société civile" in page  # not the codes public, private, civil_society
    data = {**FORM, "figures": "Voyageurs | 4 200,5 | personnes", "partners": "Réseau de transports | secteur public"}
    assert focal_point_lyon.post("/fr/knowledge/new/", data).status_code == 302
    item = KnowledgeItem.objects.get(title="Night buses with books")
    assert item.partners.get().sector == "public"
    assert str(item.figures.get().value) == "4200.50"
    edit = focal_point_lyon.get(f"/es/knowledge/{item.slug}/edit/").content.decode()
    assert "Réseau de transports | Sector público" in edit


def test_an_item_says_in_running_text_which_language_it_is_written_in(draft, focal_point_lyon):
    KnowledgeItem.objects.filter(pk=draft.pk).update(language="nb")
    page = focal_point_lyon.get(f"/es/knowledge/{draft.slug}/").content.decode()
    assert "Redactada en noruego (bokmål)." in page
    page = focal_point_lyon.get(f"/en/knowledge/{draft.slug}/").content.decode()
    assert "Written in Norwegian (Bokmål)." in page


def test_preview_renders_without_saving(focal_point_lyon):
    response = focal_point_lyon.post(
        "/en/knowledge/new/", {**FORM, "body": "## Hello\n\n<script>x</script>", "preview": "1"}
    )
    assert response.status_code == 200 and "<h2>Hello</h2>" in str(response.context["preview"])
    assert "<script>" not in str(response.context["preview"])
    assert not KnowledgeItem.objects.exists()


def test_people_without_a_city_role_cannot_write(creative_professional):
    assert creative_professional.get("/en/knowledge/new/").status_code == 403


def test_another_city_s_team_cannot_edit(client, draft, focal_point_dakar_user):
    client.force_login(focal_point_dakar_user)
    assert client.get(f"/en/knowledge/{draft.slug}/edit/").status_code == 404


def test_a_published_item_looking_for_partners_reaches_the_focal_point(
    client, draft, coordinator_literature, focal_point_dakar_user, django_capture_on_commit_callbacks
):
    draft.looking_for_partners = True
    draft.save()
    services.item_publish(item=draft, by=coordinator_literature)
    client.force_login(focal_point_dakar_user)
    short = client.post(f"/en/knowledge/{draft.slug}/contact/", {"message": "Hi"})
    assert short.status_code == 200 and "message" in short.context["form"].errors
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/knowledge/{draft.slug}/contact/", {"message": "Dakar would like to run readings on its buses too."}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["focal.lyon@example.org"]]
    assert "focal.dakar@example.org" in mail.outbox[0].body
    page = client.get(f"/en/knowledge/{draft.slug}/").content.decode()
    assert "focal.lyon@example.org" not in page  # the address is never shown


def test_an_adaptation_is_shown_on_both_pages_and_counted(
    client, draft, coordinator_literature, dakar, focal_point_dakar_user
):
    services.item_publish(item=draft, by=coordinator_literature)
    adapted = services.item_create(
        by=focal_point_dakar_user,
        owner_city=dakar,
        data={
            "kind": "practice",
            "title": "Lectures dans les cars rapides",
            "summary": "x",
            "language": "fr",
            "adapted_from": draft,
        },
        relations={"fields": list(draft.fields.all())},
    )
    services.item_publish(item=adapted, by=coordinator_literature)
    assert "Lectures dans les cars rapides" in client.get(f"/en/knowledge/{draft.slug}/").content.decode()
    assert "Des livres dans les bus de nuit" in client.get(f"/en/knowledge/{adapted.slug}/").content.decode()
    counts = client.get("/en/knowledge/transfers/").context["counts"]
    assert counts["total"] == 1 and counts["from_cities"] == [("Lyon", 1)] and counts["to_regions"] == [("Africa", 1)]


def test_the_search_page_names_facets_in_the_reader_s_language(
    client, draft, coordinator_literature, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the index follows on commit
        services.item_publish(item=draft, by=coordinator_literature)
    page = client.get("/fr/knowledge/?q=bus")
    facets = {facet["name"]: [value["label"] for value in facet["values"]] for facet in page.context["facets"]}
    assert "Littérature" in facets["field"] and "Europe et Amérique du Nord" in facets["region"]
    assert [hit.title for hit in page.context["results"].hits] == ["Des livres dans les bus de nuit"]
