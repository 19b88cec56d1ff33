"""The editor's pages: who may write, what a returned report shows, conflicts and background saves."""

import pytest
from django.urls import reverse

from creative_cities.monitoring import drafting
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import Report, ReviewComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(lyon, focal_point_lyon_user):
    return drafting.report_start(city=lyon, by=focal_point_lyon_user, language="fr")


def _section(report, key="general"):
    return reverse("monitoring:report_section", kwargs={"slug": report.slug, "section": key})


def test_the_city_page_shows_the_cycle_and_starts_the_report(focal_point_lyon, lyon):
    url = reverse("monitoring:city_report", kwargs={"slug": "lyon"})
    page = focal_point_lyon.get(url)
    assert "2020–2023" in page.content.decode()
    response = focal_point_lyon.post(url)
    report = Report.objects.get(city=lyon)
    assert response["Location"] == reverse("monitoring:report_edit", kwargs={"slug": report.slug})


def test_another_citys_focal_point_cannot_open_the_report(client, report, focal_point_dakar_user):
    client.force_login(focal_point_dakar_user)
    assert client.get(reverse("monitoring:report_edit", kwargs={"slug": report.slug})).status_code == 403
    assert client.post(_section(report), {"text": "x", "revision": 0, "base": ""}).status_code == 403


def test_the_secretariat_edits_a_citys_report(secretariat, report):
    data = {"text": "Écrit par le Secrétariat.", "revision": report.revision, "base": drafting.fingerprint("")}
    data["language"] = "fr"
    assert secretariat.post(_section(report), data).status_code == 302
    assert report.sections.get(key="general").text == "Écrit par le Secrétariat."


def test_a_submitted_report_is_read_only(focal_point_lyon, report):
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    page = focal_point_lyon.get(_section(report))
    assert page.status_code == 200
    assert b"<textarea" not in page.content
    response = focal_point_lyon.post(_section(report), {"text": "x", "revision": 5, "base": "", "language": "fr"})
    assert response.status_code == 403


def test_a_stale_save_shows_both_texts_and_keeps_the_writers_words(focal_point_lyon, report, secretariat_user):
    read_at = report.revision
    drafting.report_section_save(
        report=report, key="general", text="Texte du Secrétariat.", by=secretariat_user, revision=read_at
    )
    data = {"text": "Mon texte à moi.", "revision": read_at, "base": drafting.fingerprint(""), "language": "fr"}
    page = focal_point_lyon.post(_section(report), data)
    content = page.content.decode()
    assert page.status_code == 200
    assert "Texte du Secrétariat." in content
    assert "Mon texte à moi." in content
    assert report.sections.get(key="general").text == "Texte du Secrétariat."
    # Saved again from the page as it now is, the writer's text goes through.
    form = page.context["form"]
    again = {**data, "revision": form["revision"].value(), "base": form["base"].value()}
    assert focal_point_lyon.post(_section(report), again).status_code == 302
    assert report.sections.get(key="general").text == "Mon texte à moi."


def test_the_background_save_answers_with_the_new_revision_or_a_conflict(focal_point_lyon, report):
    url = reverse("monitoring:report_section_autosave", kwargs={"slug": report.slug, "section": "network"})
    data = {"text": "Réseau.", "revision": report.revision, "base": drafting.fingerprint("")}
    answer = focal_point_lyon.post(url, data).json()
    assert answer["saved"] is True
    assert answer["revision"] == report.revision + 1
    stale = focal_point_lyon.post(url, {**data, "text": "Autre."})
    assert stale.status_code == 409
    assert stale.json()["conflict"] is True
    assert report.sections.get(key="network").text == "Réseau."


def test_a_returned_report_shows_the_secretariats_comments_against_each_section(focal_point_lyon, report):
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RETURNED, submissions=1)
    ReviewComment.objects.create(report=report, section="plan", round=1, body="Précisez les budgets.")
    ReviewComment.objects.create(report=report, section="plan", round=0, body="Un ancien commentaire.")
    overview = focal_point_lyon.get(reverse("monitoring:report_edit", kwargs={"slug": report.slug})).content.decode()
    assert "Précisez les budgets." in overview
    assert "Un ancien commentaire." not in overview
    assert "Précisez les budgets." in focal_point_lyon.get(_section(report, "plan")).content.decode()


def test_an_initiative_links_the_citys_practices_only(focal_point_lyon, report, lyon, dakar):
    from creative_cities.knowledge.services import item_create

    data = {"kind": "practice", "title": "Lire à Lyon", "summary": "Lire.", "language": "fr"}
    ours = item_create(by=None, owner_city=lyon, data=data, relations={})
    theirs = item_create(by=None, owner_city=dakar, data={**data, "title": "Lire à Dakar"}, relations={})
    url = reverse("monitoring:initiative_create", kwargs={"slug": report.slug, "section": "local"})
    post = {"revision": report.revision, "base": "", "title": "Bibliothèques", "practices": [ours.pk]}
    assert focal_point_lyon.post(url, post).status_code == 302
    assert list(report.initiatives.get().practices.all()) == [ours]
    refused = focal_point_lyon.post(url, {**post, "practices": [theirs.pk]})
    assert refused.status_code == 200
    assert report.initiatives.count() == 1


def test_a_version_shows_what_changed_since(focal_point_lyon, report, secretariat_user):
    drafting.report_section_save(report=report, key="general", text="Lyon lit.", by=secretariat_user, revision=None)
    url = reverse("monitoring:report_version_detail", kwargs={"slug": report.slug, "number": 1})
    content = focal_point_lyon.get(url).content.decode()
    assert "<ins>" in content
    assert "[added:" in content


def test_every_section_page_shows_its_parts(focal_point_lyon, lyon, focal_point_lyon_user):
    from .editor_helpers import report_filled

    previous = Report.objects.create(
        city=lyon,
        cycle=3,
        period_start=2016,
        period_end=2019,
        slug="lyon-2016-2019",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    previous.commitments.create(objective="Lire le dimanche")
    report = drafting.report_start(city=lyon, by=focal_point_lyon_user)
    report_filled(report, focal_point_lyon_user)
    shown = {
        "general": "Lyon, ville de littérature",
        "network": "Add a contribution",
        "local": "Lire",
        "international": "Add an initiative",
        "promises": "Say what became of “Lire le dimanche”",
        "plan": "from 0 in 2023 to 5,000 in 2027",
        "figures": "No indicator value of these years yet.",
    }
    for key, words in shown.items():
        page = focal_point_lyon.get(_section(report, key))
        assert words in page.content.decode(), key
