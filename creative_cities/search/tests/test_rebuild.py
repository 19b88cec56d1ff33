"""A rebuild embeds in worker processes, and tells its progress from the first objects on."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from creative_cities.search import services
from creative_cities.search.models import SearchDocument
from creative_cities.search.tests.conftest import _note
from creative_cities.search.tests.test_passages import long_text

WORD_HASH = "creative_cities.search.tests.embedders.WordHashEmbedder"


@pytest.fixture
def long_notes(settings, notes):
    """The six notes (seven documents), six passages each: more than a batch to embed, so worker processes start."""
    settings.SEARCH_EMBEDDER = WORD_HASH
    for object_id in notes:
        notes[object_id] = [
            _note(doc.language, doc.title, long_text(2800, ending=doc.text, start=100 * object_id + 50 * n), None)
            for n, doc in enumerate(notes[object_id])
        ]
    return notes


def vectors() -> dict:
    rows = SearchDocument.objects.filter(kind="note").values_list("object_id", "language", "vector", "vector_source")
    return {(object_id, language): (bytes(vector), source) for object_id, language, vector, source in rows}


def remove_all(notes) -> None:
    for object_id in notes:
        services.remove_object("note", object_id)


def test_rebuilding_with_two_worker_processes_gives_the_vectors_of_one(long_notes):
    report = services.rebuild(["note"], workers=2)
    assert report.workers == 2
    assert report.passages == 7 * 6
    in_workers = vectors()
    remove_all(long_notes)
    report = services.rebuild(["note"], workers=1)
    assert report.workers == 0
    assert vectors() == in_workers
    assert len(in_workers) == 7


def test_a_rebuild_with_little_to_embed_starts_no_worker_process(settings, notes):
    settings.SEARCH_EMBEDDER = WORD_HASH
    report = services.rebuild(["note"], workers=2)  # seven short notes: a passage each
    assert (report.embedded, report.workers) == (7, 0)


def test_the_rebuild_command_embeds_with_the_number_of_workers_asked(long_notes):
    out = StringIO()
    call_command("rebuild_search_index", "--kind", "note", "--workers", "2", stdout=out, stderr=StringIO())
    assert "The model read 42 passages, in 2 worker processes." in out.getvalue()
    remove_all(long_notes)
    out = StringIO()
    call_command("rebuild_search_index", "--kind", "note", "--workers", "1", stdout=out, stderr=StringIO())
    assert "The model read 42 passages, in this process." in out.getvalue()


def test_the_rebuild_command_refuses_fewer_than_one_worker(notes):
    with pytest.raises(CommandError, match="--workers"):
        call_command("rebuild_search_index", "--workers", "0", stdout=StringIO())


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_starts_with_the_total_and_counts_objects_before_their_chunk_is_written(long_notes, workers):
    calls = []

    def progress(kind, done, total):
        calls.append((kind, done, total, SearchDocument.objects.filter(kind="note").count()))

    assert services.rebuild(["note"], progress=progress, workers=workers).workers == (2 if workers == 2 else 0)
    assert calls[0] == ("note", 0, 6, 0)  # the total, before anything is embedded or written
    early = [done for kind, done, total, written in calls if 0 < done < services.REBUILD_CHUNK and not written]
    assert early  # objects counted as their vectors came back, before the chunk's transaction
    assert calls[-1][1:3] == (6, 6)
    assert [call[1] for call in calls] == sorted({call[1] for call in calls})  # forward only
