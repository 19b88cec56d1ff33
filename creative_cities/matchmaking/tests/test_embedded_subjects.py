"""The vectors of subjects the search index does not know, remembered per process and shared by its threads."""

import threading
from collections import OrderedDict
from types import SimpleNamespace

import numpy as np

from creative_cities.matchmaking import scoring


class CountingEmbedder:
    name = "counting"

    def __init__(self):
        self.calls = 0

    def passages(self, texts):
        self.calls += 1
        return [np.full(4, float(len(texts[0])), dtype=np.float32)]


def _subject(text):
    return SimpleNamespace(text=text, search_kind="project", object_id=0)


def test_a_subject_s_text_is_embedded_once_and_then_remembered(monkeypatch):
    monkeypatch.setattr(scoring, "_embedded", OrderedDict())
    embedder = CountingEmbedder()
    first = scoring.subject_vector(_subject("Lectures partagées"), None, embedder)
    again = scoring.subject_vector(_subject("Lectures partagées"), None, embedder)
    assert embedder.calls == 1
    assert np.array_equal(first, again)


def test_a_vector_pushed_out_by_another_thread_right_after_it_is_kept_is_still_returned(monkeypatch):
    """Another thread may fill the memory between our keeping a vector and our reading it back."""

    class CrowdedByOthers(OrderedDict):
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            for number in range(scoring.EMBEDDED_KEPT):  # what other threads keep meanwhile
                OrderedDict.__setitem__(self, f"other {number}", value)
            while len(self) > scoring.EMBEDDED_KEPT:
                self.popitem(last=False)

    monkeypatch.setattr(scoring, "_embedded", CrowdedByOthers())
    vector = scoring.subject_vector(_subject("Festival of light"), None, CountingEmbedder())
    assert vector is not None and vector.shape == (4,)


def test_threads_embedding_many_subjects_at_once_all_get_their_vectors(monkeypatch):
    monkeypatch.setattr(scoring, "_embedded", OrderedDict())
    monkeypatch.setattr(scoring, "EMBEDDED_KEPT", 4)
    embedder, errors, wrong = CountingEmbedder(), [], []

    def work(thread):
        for number in range(300):
            text = f"subject {thread} {number} " + "x" * number
            try:
                vector = scoring.subject_vector(_subject(text), None, embedder)
            except Exception as error:
                errors.append(error)
            else:
                if vector[0] != len(text[:500]):
                    wrong.append(text)

    threads = [threading.Thread(target=work, args=(thread,)) for thread in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and wrong == []
    assert len(scoring._embedded) <= 4
