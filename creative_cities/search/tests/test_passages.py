"""Long texts are read as several passages, and their vectors make the document's one vector."""

import numpy as np
import pytest

from creative_cities.search import services
from creative_cities.search.models import SearchDocument
from creative_cities.search.passages import (
    PASSAGE_CHARS,
    combine_passage_vectors,
    document_passages,
    passages_digest,
)
from creative_cities.search.providers import DocumentData
from creative_cities.search.selectors import search
from creative_cities.search.tests.conftest import _note

WORD_HASH = "creative_cities.search.tests.embedders.WordHashEmbedder"
PLACES = ("Dakar", "Lyon", "Medellín", "Bologna", "Busan", "Kraków", "Puebla", "Nairobi")
THINGS = ("workshops", "concerts", "residencies", "exhibitions", "courses", "markets", "screenings")


def sentences(count: int, start: int = 0) -> list[str]:
    """Plain sentences of 70 to 90 characters, different from each other."""
    return [
        f"In {2000 + n % 24} the teams of {PLACES[n % len(PLACES)]} ran {n + 3} {THINGS[n % len(THINGS)]} "
        f"for young people of the old districts."
        for n in range(start, start + count)
    ]


def long_text(characters: int, ending: str = "", start: int = 0) -> str:
    text, count = "", 1
    while len(text) < characters:
        text = " ".join(sentences(count, start))
        count += 1
    return f"{text} {ending}".strip()


def document(text: str, title: str = "Creative districts") -> DocumentData:
    return DocumentData(language="en", title=title, url="/x", text=f"{title}\n{text}")


def old_extract(document: DocumentData) -> str:
    """What the model read of a document before passages: its title and opening, cut between words."""
    text = " ".join(document.text.split())
    if not text.startswith(document.title):
        text = f"{document.title}. {text}"
    if len(text) > 500:
        text = text[: text.rfind(" ", 0, 500) if " " in text[:500] else 500]
    return text


def test_a_long_text_gives_several_passages_that_cover_it_to_its_last_word():
    doc = document(long_text(2000, ending="The end."))
    passages = document_passages(doc, limit=6)
    assert len(passages) == 5
    assert all(len(passage) <= PASSAGE_CHARS for passage in passages)
    assert passages[-1].endswith("The end.")
    assert " ".join(passages) == " ".join(doc.text.split())  # every word once, in order


def test_passages_after_the_first_end_where_sentences_end():
    passages = document_passages(document(long_text(2400)), limit=6)
    assert all(passage.endswith(".") for passage in passages[1:])


def test_what_follows_the_opening_is_shared_evenly_rather_than_leaving_a_scrap():
    doc = document(long_text(560))
    passages = document_passages(doc, limit=6)
    assert len(passages) == 2
    rest = document_passages(document(long_text(1100)), limit=6)[1:]
    assert len(rest) == 2
    assert min(len(passage) for passage in rest) > PASSAGE_CHARS // 2


def test_a_text_without_spaces_is_cut_within_the_size():
    doc = DocumentData(language="ja", title="文化", url="/x", text="文化" + "創造都市の取り組み。" * 150)
    passages = document_passages(doc, limit=6)
    assert len(passages) == 4
    assert all(len(passage) <= PASSAGE_CHARS for passage in passages)
    assert "".join(passages) == doc.text


def test_passages_stop_at_the_limit():
    doc = document(long_text(10_000, ending="Beyond the limit."))
    passages = document_passages(doc, limit=3)
    assert len(passages) == 3
    assert "Beyond the limit." not in " ".join(passages)


@pytest.mark.parametrize("characters", [80, 499, 700, 3000])
def test_with_one_passage_the_model_reads_the_title_and_opening_as_before(characters):
    doc = document(long_text(characters), title="Districts")
    assert document_passages(doc, limit=1) == [old_extract(doc)]
    untitled = DocumentData(language="en", title="Another title", url="/x", text=long_text(characters))
    assert document_passages(untitled, limit=1) == [old_extract(untitled)]
    assert document_passages(untitled, limit=6)[0] == old_extract(untitled)


def test_the_first_passage_counts_twice_as_much_as_each_of_the_others():
    first, second = np.eye(2, dtype=np.float32)
    combined = combine_passage_vectors(np.stack([first, second]), first_weight=2.0)
    assert combined == pytest.approx(np.array([2, 1]) / np.sqrt(5))
    assert np.linalg.norm(combined) == pytest.approx(1.0)
    assert combine_passage_vectors(np.stack([first, second]), first_weight=1.0) == pytest.approx([0.7071, 0.7071], 1e-3)


def test_a_single_passage_keeps_its_vector_and_its_hash_of_before():
    vector = np.array([0.6, 0.8], dtype=np.float32)
    assert np.array_equal(combine_passage_vectors(vector[None, :], first_weight=2.0), vector)
    assert passages_digest(["Title. Text"], first_weight=2.0) == passages_digest(["Title. Text"], first_weight=3.0)
    assert passages_digest(["a", "b"], first_weight=2.0) != passages_digest(["a", "b"], first_weight=3.0)


def vector_of(object_id: int) -> bytes:
    return bytes(SearchDocument.objects.get(kind="note", object_id=object_id).vector)


def test_a_word_only_at_the_end_of_a_long_text_changes_its_vector(settings, notes):
    settings.SEARCH_EMBEDDER = WORD_HASH
    notes[7] = [_note("en", "Creative districts", long_text(2000, ending="Ceramics."), None)]
    services.index_object("note", 7)
    before = vector_of(7)
    notes[7] = [_note("en", "Creative districts", long_text(2000, ending="Weaving."), None)]
    services.index_object("note", 7)
    assert vector_of(7) != before

    settings.SEARCH_EMBED_PASSAGES = 1  # the title and opening only: the end is not read
    services.index_object("note", 7)
    opening_only = vector_of(7)
    notes[7] = [_note("en", "Creative districts", long_text(2000, ending="Ceramics."), None)]
    services.index_object("note", 7)
    assert vector_of(7) == opening_only


def test_a_long_text_is_found_by_meaning_for_what_it_says_near_its_end(settings, notes):
    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.embedders.TopicEmbedder"
    notes[7] = [_note("en", "Creative districts", long_text(2500, ending="Waste is recycled."), None)]
    services.rebuild(["note"])
    assert 7 in [hit.object_id for hit in search("recycling", mode="semantic").hits]

    settings.SEARCH_EMBED_PASSAGES = 1
    services.rebuild(["note"])
    assert 7 not in [hit.object_id for hit in search("recycling", mode="semantic").hits]


def test_a_vector_is_kept_while_its_passages_are_unchanged_and_made_again_when_a_passage_setting_changes(
    settings, notes
):
    settings.SEARCH_EMBEDDER = WORD_HASH
    notes[7] = [_note("en", "Creative districts", long_text(3000), None)]
    documents = sum(len(docs) for docs in notes.values())
    first = services.rebuild(["note"], workers=1)
    assert (first.embedded, first.reused) == (documents, 0)
    again = services.rebuild(["note"], workers=1)
    assert (again.embedded, again.reused, again.passages) == (0, documents, 0)

    settings.SEARCH_EMBED_PASSAGES = 3  # the long note only is read differently
    fewer = services.rebuild(["note"], workers=1)
    assert (fewer.embedded, fewer.reused, fewer.passages) == (1, documents - 1, 3)

    before = vector_of(7)
    settings.SEARCH_EMBED_FIRST_WEIGHT = 3.0
    weighted = services.rebuild(["note"], workers=1)
    assert (weighted.embedded, weighted.reused) == (1, documents - 1)
    assert vector_of(7) != before
