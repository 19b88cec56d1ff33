"""Indexing: documents follow their objects, vectors are reused, work is queued after commit."""

from dataclasses import replace
from io import StringIO

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.core.management import CommandError, call_command
from django_tasks.signals import task_enqueued

from creative_cities.search import lexical, providers, services
from creative_cities.search.models import SearchDocument
from creative_cities.search.selectors import search

pytestmark = pytest.mark.usefixtures("topics")


def languages(object_id):
    return sorted(SearchDocument.objects.filter(kind="note", object_id=object_id).values_list("language", flat=True))


def test_an_object_gets_one_document_per_language_with_a_vector(notes):
    report = services.index_object("note", 1)
    assert languages(1) == ["en", "fr"]
    assert report.documents == 2
    document = SearchDocument.objects.get(kind="note", object_id=1, language="fr")
    assert document.vector_model == "test/topics"
    assert len(document.vector) == 4 * 5
    assert document.facets["field"] == ["music"]


def test_a_language_version_withdrawn_leaves_the_index(notes):
    services.index_object("note", 1)
    assert search("musique").total == 1
    notes[1] = notes[1][:1]
    services.index_object("note", 1)
    assert languages(1) == ["en"]
    assert search("musique").total == 0
    assert search("music").total == 1


def test_a_changed_text_is_found_by_its_new_words_only(notes):
    services.index_object("note", 5)
    assert search("pottery").total == 1
    notes[5] = [replace(notes[5][0], title="Ceramics fair", text="Ceramics fair")]
    services.index_object("note", 5)
    assert search("pottery").total == 0
    assert [hit.title for hit in search("ceramic").hits] == ["Ceramics fair"]


def test_an_object_no_longer_searchable_leaves_the_index(notes):
    services.index_object("note", 5)
    notes[5] = []  # e.g. unpublished
    services.index_object("note", 5)
    assert languages(5) == []
    assert search("pottery").total == 0


def test_an_object_that_no_longer_exists_leaves_the_index(notes):
    services.index_object("note", 5)

    def gone(object_id):
        raise ObjectDoesNotExist

    provider = providers.get("note")
    providers.register("note", documents=gone, all_ids=provider.all_ids, load=provider.load)
    services.index_object("note", 5)
    assert languages(5) == []


def test_a_rebuild_asks_a_batch_provider_once_per_chunk_and_drops_what_it_leaves_out(notes):
    asked = []

    def many(object_ids):
        asked.append(list(object_ids))
        return {pk: notes[pk] for pk in object_ids if pk != 2}  # 2 is no longer searchable

    def one_by_one(object_id):
        raise AssertionError("a batch provider is asked in batches")

    services.index_objects("note", [2])  # one object: the per-object path
    assert languages(2) == ["es"]
    providers.register("note", documents=one_by_one, documents_many=many, all_ids=lambda: list(notes), load=dict)
    report = services.rebuild(["note"])
    assert asked == [sorted(notes)]
    assert report.documents == sum(len(notes[pk]) for pk in notes if pk != 2)
    assert languages(2) == []
    assert languages(1) == ["en", "fr"]


def test_a_batch_provider_may_not_give_an_object_two_documents_in_one_language(notes):
    twice = {1: [notes[1][0], notes[1][0]], 3: notes[3]}
    providers.register(
        "note", documents=lambda pk: [], documents_many=lambda ids: twice, all_ids=lambda: [1, 3], load=dict
    )
    with pytest.raises(ValueError, match="one document per language"):
        services.index_objects("note", [1, 3])
    assert languages(3) == []  # nothing written


def test_re_indexing_keeps_each_document_id_and_stamps_it(notes):
    services.index_object("note", 1)
    before = dict(SearchDocument.objects.filter(kind="note", object_id=1).values_list("language", "pk"))
    stamps = dict(SearchDocument.objects.filter(kind="note", object_id=1).values_list("language", "updated_at"))
    notes[1] = [replace(notes[1][0], title="Street music weekend"), notes[1][1]]
    services.index_objects("note", [1, 3])
    after = SearchDocument.objects.filter(kind="note", object_id=1)
    assert dict(after.values_list("language", "pk")) == before
    assert all(row.updated_at > stamps[row.language] for row in after)
    assert [hit.title for hit in search("weekend").hits] == ["Street music weekend"]


def test_remove_object(indexed):
    assert services.remove_object("note", 1) == 2
    assert languages(1) == []
    assert search("festival").total == 1


def test_rebuild_indexes_everything_and_drops_what_is_gone(notes):
    providers.register("ghost", documents=lambda pk: notes[3], all_ids=lambda: [3], load=dict)
    services.index_object("ghost", 3)
    providers.unregister("ghost")
    del notes[4]
    SearchDocument.objects.create(kind="note", object_id=4, language="fr", title="stale")
    report = services.rebuild()
    assert report.objects == 5 + len(providers.get("city").all_ids())
    assert not SearchDocument.objects.filter(kind="ghost").exists()
    assert languages(4) == []
    assert search("", kinds=["note"]).total == 5


def test_a_rebuild_reuses_the_vectors_of_unchanged_texts(notes):
    first = services.rebuild(["note"])
    assert (first.embedded, first.reused, first.documents) == (7, 0, 7)
    notes[2] = [replace(notes[2][0], title="Programa de reciclaje y compostaje")]
    second = services.rebuild(["note"])
    assert (second.embedded, second.reused) == (1, 6)


def test_indexing_is_queued_until_the_transaction_commits(notes, django_capture_on_commit_callbacks):
    queued = []

    def on_enqueued(sender, task_result, **kwargs):
        queued.append((task_result.task.name, task_result.args))

    task_enqueued.connect(on_enqueued)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.schedule_index("note", 6)
            assert queued == []
            assert languages(6) == []
    finally:
        task_enqueued.disconnect(on_enqueued)
    assert queued == [("index_object_task", ["note", 6])]
    assert languages(6) == ["es"]
    assert search("plaza").total == 1


def test_scheduling_an_unknown_kind_fails_at_once(db):
    with pytest.raises(LookupError):
        services.schedule_index("nothing", 1)


def test_the_rebuild_command_reports_what_it_did(notes):
    out = StringIO()
    call_command("rebuild_search_index", "--kind", "note", stdout=out, stderr=StringIO())
    assert "Indexed 6 objects: 7 documents, 0 removed, 7 vectors computed, 0 kept" in out.getvalue()
    assert search("festival").total == 2


def test_the_rebuild_command_refuses_an_unknown_kind(notes):
    with pytest.raises(CommandError, match="nothing"):
        call_command("rebuild_search_index", "--kind", "nothing", stdout=StringIO())


def test_documents_written_by_another_process_are_found_by_new_words_at_once(notes):
    services.index_object("note", 1)
    assert search("festival").total == 1  # the arrays in memory now hold note 1 only
    # Another process indexes note 6: this one's version of the index is not told.
    document = SearchDocument.objects.create(kind="note", object_id=6, language="es", title="Plaza", text="plaza")
    lexical.index_documents([(document.pk, "es", "Plaza", "plaza")])
    assert [hit.object_id for hit in search("plaza").hits] == [6]


def test_two_documents_in_one_language_are_refused(notes):
    notes[1] = [notes[1][0], notes[1][0]]
    with pytest.raises(ValueError, match="one document per language"):
        services.index_object("note", 1)
    assert languages(1) == []


def test_an_index_entry_whose_document_is_gone_is_ignored(indexed):
    # As after Django flushes a test database: its own tables only.
    lexical.index_documents([(999_999, "en", "Festival", "festival")])
    assert sorted(hit.object_id for hit in search("festival").hits) == [1, 6]
