"""After a crash or a restore, the index check finds what the index lacks or holds in excess, and repairs it."""

from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from creative_cities.search import lexical, providers
from creative_cities.search.index_check import index_check
from creative_cities.search.models import SearchDocument
from creative_cities.search.selectors import search

pytestmark = pytest.mark.usefixtures("lexical_only", "only_notes")


@pytest.fixture
def only_notes(notes):
    """The test provider alone: the apps' kinds (405 cities...) are not indexed in these tests."""
    others = {kind: providers.get(kind) for kind in providers.kinds() if kind != "note"}
    for kind in others:
        providers.unregister(kind)
    yield
    for kind, provider in others.items():
        providers.register(
            kind,
            documents=provider.documents,
            all_ids=provider.all_ids,
            load=provider.load,
            documents_many=provider.documents_many,
        )


def check(*options: str) -> str:
    """The command's report; raises CommandError (exit status 1) when it finds problems it does not repair."""
    output = StringIO()
    call_command("search_index_check", *options, stdout=output)
    return output.getvalue()


def refused(*options: str) -> tuple[str, CommandError]:
    output = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("search_index_check", *options, stdout=output)
    return output.getvalue(), error.value


def test_an_index_in_step_with_the_content_is_reported_so(indexed):
    assert "note: 0 missing, 0 stale, 0 of deleted objects." in check()
    assert "The search index is up to date." in check()
    assert check("--verbosity", "0") == ""  # cron mails nothing while all is well


def test_documents_lost_in_a_restore_are_found_and_indexed_again(indexed):
    SearchDocument.objects.filter(kind="note", object_id__in=[1, 3]).delete()  # the rows of a restored backup
    assert search("festival", kinds=["note"]).total == 1  # only the Spanish one is left
    report, error = refused()
    assert "note: 2 missing, 0 stale, 0 of deleted objects." in report
    assert "Word index: 0 documents missing, 3 entries without a document." in report  # the rows' words
    assert error.returncode == 1 and "run with --repair" in str(error)
    assert "Repaired: 2 objects indexed again" in check("--repair")
    assert search("festival", kinds=["note"]).total == 2
    assert search("workshops").total == 1
    assert "The search index is up to date." in check()


def test_documents_of_deleted_objects_are_found_and_removed(indexed):
    ghost = SearchDocument.objects.create(kind="note", object_id=99, language="en", title="Ghost", text="Ghost town")
    lexical.index_documents([(ghost.pk, "en", "Ghost", "Ghost town")])
    assert "note: 0 missing, 0 stale, 1 of deleted objects." in refused()[0]
    check("--repair")
    assert not SearchDocument.objects.filter(object_id=99).exists()
    assert ghost.pk not in lexical.document_ids()
    assert search("ghost").total == 0


def test_text_changed_while_no_worker_ran_is_found_stale_and_indexed_again(indexed):
    indexed[5] = [replace(indexed[5][0], title="Ceramics fair", text="Ceramics fair for artisans")]
    assert index_check(["note"]).kinds["note"].stale == [5]
    check("--repair", "--kind", "note")
    assert search("ceramics").total == 1 and search("pottery").total == 0


def test_an_object_withdrawn_while_no_worker_ran_leaves_the_index(indexed):
    indexed[5] = []  # unpublished: the provider lists it but gives no document
    assert index_check(["note"]).kinds["note"].stale == [5]
    check("--repair")
    assert search("pottery").total == 0


def test_documents_of_a_kind_no_longer_searchable_are_removed(indexed):
    SearchDocument.objects.create(kind="retired", object_id=1, language="en", title="Old", text="Old")
    assert "retired: 1 documents of a kind no longer searchable." in refused()[0]
    check("--repair")
    assert not SearchDocument.objects.filter(kind="retired").exists()


def test_the_word_index_is_checked_against_the_documents(indexed):
    festival = SearchDocument.objects.get(kind="note", object_id=1, language="en")
    lexical.remove_documents([festival.pk])
    lexical.index_documents([(987654, "en", "Stray", "Stray words")])
    assert "Word index: 1 documents missing, 1 entries without a document." in refused()[0]
    check("--repair")
    words = lexical.document_ids()
    assert 987654 not in words
    assert set(SearchDocument.objects.values_list("pk", flat=True)) <= words
    assert search("traditional", kinds=["note"]).total == 1


def test_an_unknown_kind_is_refused(indexed):
    with pytest.raises(CommandError, match="Unknown kind"):
        check("--kind", "gossip")
    assert "note" in providers.kinds()
