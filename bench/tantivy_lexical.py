"""Lexical search in tantivy (an embedded engine): what an integration in the platform would hold.

Used by bench/lexical_engines.py to compare tantivy with the databases' own full-text
engines; it is also the sketch its line count is estimated from. It needs no Django.

Each language is stemmed by its own rules (a French text by the French stemmer, an
English one by the English stemmer), in one of two layouts:

- ``"fields"``: one pair of text fields (title, text) per stemmer; a document's words go
  to its language's pair, and a query word is looked up in every pair, stemmed by each
  pair's rules. tantivy analyses the texts itself, but BM25's statistics (how rare a
  word is, how long texts are) are each field's, so each language's.
- ``"single"``: one title field and one text field for all; each document's words are
  stemmed by its language's analyzer in Python (``pre_tokenize``) before they reach
  tantivy, and a query word is looked up as each of its stems (the best counts).
  BM25's statistics are the whole index's, as in FTS5.

Languages without a stemmer (and those whose script the folding to ASCII turns into
Latin letters: Arabic, Chinese, Korean...) are "simple": lowercase words, no stemming.
The title's score counts ``TITLE_BOOST`` times; any word matches and each adds to the
score (OR).

The last word of a query may be unfinished ("festiv"): it also matches, at a constant
score, the words that start with it, looked up in ``prefix``, a field of every
document's unstemmed words without frequencies or positions (stemmed terms cannot be
searched by prefix: "festiva" is not the start of "festiv").

Texts are folded by ``core.text.fold`` first, as the platform's lexical index is.
"""

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import tantivy

# tantivy's stemmers (Snowball) for languages written in the Latin script; it also has Arabic,
# Greek, Russian and Tamil, whose letters the folding to ASCII removes before indexing.
STEMMERS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
    "tr": "turkish",
}
SIMPLE = "simple"
GROUPS = (*sorted(set(STEMMERS.values())), SIMPLE)
TITLE_BOOST = 4.0
PREFIX_BOOST = 0.5  # a constant score for a word that merely starts with the unfinished one
PREFIX_FROM = 3  # letters: shorter starts would match a good part of the index
WRITER_HEAP = 64_000_000


def group(language: str) -> str:
    return STEMMERS.get(language[:2], SIMPLE)


def analyzer(stemmer: str | None) -> tantivy.TextAnalyzer:
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    builder = builder.filter(tantivy.Filter.remove_long(40))
    if stemmer:
        builder = builder.filter(tantivy.Filter.stemmer(stemmer))
    return builder.build()


def _schema(layout: str) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    for name in GROUPS if layout == "fields" else ():
        builder.add_text_field(f"title_{name}", tokenizer_name=f"words_{name}")
        builder.add_text_field(f"body_{name}", tokenizer_name=f"words_{name}")
    if layout == "single":
        builder.add_text_field("title", tokenizer_name=f"words_{SIMPLE}")
        builder.add_text_field("body", tokenizer_name=f"words_{SIMPLE}")
    builder.add_text_field("prefix", tokenizer_name=f"words_{SIMPLE}", index_option="basic")
    return builder.build()


class LexicalIndex:
    """A tantivy index in a directory: written by one process at a time, read by any number."""

    def __init__(
        self, path: Path, languages: Iterable[str] = (), *, layout: str = "single", title_boost: float = TITLE_BOOST
    ) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.layout, self.title_boost = layout, title_boost
        self.schema = _schema(layout)
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        # Analyzers are not stored in the index: every process that opens it registers them.
        self.analyzers = {name: analyzer(None if name == SIMPLE else name) for name in GROUPS}
        for name, words in self.analyzers.items():
            self.index.register_tokenizer(f"words_{name}", words)
        self.groups = sorted({group(language) for language in languages}) or list(GROUPS)
        self.writer = None

    # -- writing ------------------------------------------------------------------------

    def write(self, rows: Iterable[tuple[int, str, str, str]], *, replace: bool = True) -> int:
        """Add or replace documents given as (id, language, folded title, folded text); commit. The count."""
        if self.writer is None:
            self.writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        count = 0
        for pk, language, title, text in rows:
            if replace:
                self.writer.delete_documents_by_term("id", pk)
            name = group(language)
            document = tantivy.Document()
            document.add_unsigned("id", pk)
            if self.layout == "fields":
                document.add_text(f"title_{name}", title)
                document.add_text(f"body_{name}", text)
            else:
                document.add_pre_tokenized_text("title", self.analyzers[name].pre_tokenize(title))
                document.add_pre_tokenized_text("body", self.analyzers[name].pre_tokenize(text))
            document.add_text("prefix", f"{title} {text}")
            self.writer.add_document(document)
            count += 1
        self.writer.commit()
        return count

    def remove(self, ids: Iterable[int]) -> None:
        if self.writer is None:
            self.writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        for pk in ids:
            self.writer.delete_documents_by_term("id", pk)
        self.writer.commit()

    def close(self) -> None:
        """Wait for the background merges and free the writer (and its lock)."""
        if self.writer is not None:
            self.writer.wait_merging_threads()
            self.writer = None

    # -- reading ------------------------------------------------------------------------

    def query(self, tokens: list[str], *, prefix_last: bool = False) -> tantivy.Query:
        """Any of the (folded) tokens, in the title and the text, stemmed by each language's rules."""
        clauses = []
        for token in tokens:
            stems = {name: term for name in self.groups for term in self.analyzers[name].analyze(token)[:1]}
            if self.layout == "fields":
                for name, term in stems.items():
                    clauses += self._title_and_body(f"title_{name}", f"body_{name}", term)
            elif stems:
                alternatives = [
                    tantivy.Query.boolean_query(self._title_and_body("title", "body", term))
                    for term in sorted(set(stems.values()))
                ]
                # The best of a word's stems counts, not their sum: one word, one contribution.
                best = alternatives[0] if len(alternatives) == 1 else tantivy.Query.disjunction_max_query(alternatives)
                clauses.append((tantivy.Occur.Should, best))
        if prefix_last and tokens and len(tokens[-1]) >= PREFIX_FROM:
            # Tokens are [a-z0-9]+: nothing in them is regex syntax.
            starts = tantivy.Query.regex_query(self.schema, "prefix", f"{tokens[-1]}.+")
            clauses.append((tantivy.Occur.Should, tantivy.Query.const_score_query(starts, PREFIX_BOOST)))
        return tantivy.Query.boolean_query(clauses) if clauses else tantivy.Query.empty_query()

    def _title_and_body(self, title: str, body: str, term: str) -> list[tuple]:
        in_title = tantivy.Query.boost_query(tantivy.Query.term_query(self.schema, title, term), self.title_boost)
        in_body = tantivy.Query.term_query(self.schema, body, term)
        return [(tantivy.Occur.Should, in_title), (tantivy.Occur.Should, in_body)]

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def search(self, tokens: list[str], limit: int = 20, *, prefix_last: bool = False) -> list[tuple[int, float]]:
        """The ``limit`` best documents as (id, score), best first."""
        searcher = self.index.searcher()
        hits = searcher.search(self.query(tokens, prefix_last=prefix_last), limit, count=False).hits
        ids = searcher.fast_field_values("id", [address for _, address in hits])
        return [(int(pk), score) for pk, (score, _) in zip(ids, hits, strict=True)]

    def search_all(self, tokens: list[str], *, prefix_last: bool = False, limit: int | None = None):
        """Every matching document's id and score (numpy arrays), or only the ``limit`` best: for facets."""
        searcher = self.index.searcher()
        result = searcher.search(self.query(tokens, prefix_last=prefix_last), limit or searcher.num_docs, count=False)
        hits = result.hits
        ids = searcher.fast_field_values("id", [address for _, address in hits])
        return np.array(ids, dtype=np.int64), np.fromiter((score for score, _ in hits), np.float64, len(hits))

    def reload(self) -> None:
        self.index.reload()


def size_on_disk(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
