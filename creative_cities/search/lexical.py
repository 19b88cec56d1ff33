"""Lexical search: the query's words in the documents' folded text, in the database's own engine.

SQLite: an FTS5 table (``search_document_fts``: rowid = document id, title, body) with
the porter stemmer and prefix indexes, ranked with bm25(). PostgreSQL: a narrow table
(``search_document_lexical``: id, body and title tsvectors, each with a GIN index), the
body made of the 'simple' lexemes plus those of the language's stemmer, ranked with
ts_rank_cd(). Both are created by migration 0002. On PostgreSQL the tsvectors are kept
apart from the documents so that finding the ids of 50,000 matches reads a small table,
and the title has its own so that asking for it needs no look at the rows.

Both index text folded by ``core.text.fold`` in Python (no accents, no case), so
they agree with each other and need no ``unaccent`` extension. The services write
the index in the same transaction as the documents: triggers cannot call ``fold``.

User input never reaches MATCH or to_tsquery as syntax: the query is folded and cut
into ``[a-z0-9]+`` tokens, and each token is quoted (FTS5) or checked to be such a word.
"""

import re
from functools import lru_cache

import numpy as np
from django.db import connection, transaction

from creative_cities.core.text import fold

FTS_TABLE = "search_document_fts"
PG_TABLE = "search_document_lexical"
TOKEN = re.compile(r"[a-z0-9]+")
MAX_TOKENS = 12
SHORT = 2  # letters of a token matched as a whole word only (see _matching)
# Weights of bm25() for the FTS columns (title, body): a word in the title counts more.
BM25_WEIGHTS = (4.0, 1.0)

# Words too common to require, dropped from a query that has other words (folded forms),
# among them those of questions ("how can a city train film crews?").
_STOP_WORDS = {
    "en": "a an and are as at be by can could do does for from how i in is it my of on or our should the "
    "their this to we what when where which who why will with would you your",
    "fr": "a au aux ce ces cette comment dans de des du en est et il la le les leur nos notre nous on ou "
    "par pour pourquoi quand que quel quelle quels quelles qui sa se son sur un une vous",
    "es": "a al como con cual cuales cuando de del donde el en es esta este estos la las lo los nuestra "
    "para por porque que se su sus un una y",
    "pt": "a as com como da das de do dos e em na nas no nos o onde os para por qual que quando um uma",
    "it": "a come che di dei del della delle gli il in la le per un una",
    "de": "das der die ein eine fur im ist mit und von was wie wo zu",
}
STOP_WORDS = frozenset(word for words in _STOP_WORDS.values() for word in words.split())

# PostgreSQL's stemmers for languages written in the Latin script: the text is folded
# to ASCII first, so a Cyrillic or Greek stemmer would never see its letters.
PG_STEMMERS = {
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
    "tr": "turkish",
}


def query_tokens(query: str) -> list[str]:
    """The folded words of a query, without repeats, and without stop words when others remain.

    Single letters count as stop words: they are what apostrophes leave ("l'art",
    "city's") and would each match a third of the documents.
    """
    tokens = list(dict.fromkeys(TOKEN.findall(fold(query))))[:MAX_TOKENS]
    content = [token for token in tokens if token not in STOP_WORDS and len(token) > 1]
    return content or tokens


def index_documents(rows: list[tuple[int, str, str, str]]) -> None:
    """(Re)index documents given as (id, language, title, text); call inside the writing transaction."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
                [(pk, fold(title), fold(text)) for pk, _language, title, text in rows],
            )
        elif connection.vendor == "postgresql":
            params = []
            for pk, language, title, text in rows:
                folded_title, folded = fold(title), fold(text)
                # The stemmed lexemes beside the plain ones: "festivals" then also finds "festival".
                stemmer = PG_STEMMERS.get(language[:2])
                params.append((pk, folded_title, folded, stemmer or "simple", folded if stemmer else "", folded_title))
            cursor.executemany(
                f"INSERT INTO {PG_TABLE} (id, body, title) VALUES (%s,"  # noqa: S608
                " setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
                " || to_tsvector(%s::regconfig, %s), to_tsvector('simple', %s))"
                " ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, title = EXCLUDED.title",
                params,
            )


def tidy() -> None:
    """After many writes (a rebuild): merge the full-text index's pieces and refresh the planner's statistics.

    FTS5 keeps each batch of writes as a segment that every query then reads
    ('optimize' merges them). PostgreSQL queues new GIN entries in a pending list that
    every query scans until VACUUM merges it, and plans from stale statistics until
    ANALYZE; autovacuum does both in time, this does them now. Inside a transaction
    (where VACUUM cannot run) PostgreSQL only analyses.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608
            cursor.execute("PRAGMA optimize")
        elif connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{command} {PG_TABLE}, search_searchdocument")


def remove_documents(ids: list[int]) -> None:
    """Drop documents from the lexical index."""
    if not ids:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in ids])  # noqa: S608
        elif connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {PG_TABLE} WHERE id = ANY(%s)", [list(ids)])  # noqa: S608


def document_ids() -> set[int]:
    """The ids of every document in the lexical index, to compare with the documents' table."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_id()} FROM {FTS_TABLE if connection.vendor == 'sqlite' else PG_TABLE}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def ranked(tokens: list[str], languages: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the documents with all the tokens and the engine's score of each (higher is better).

    bm25() on SQLite, ts_rank_cd() on PostgreSQL. Both cost a few microseconds a
    document, hence ``ids`` first when many documents may match.
    """
    sql, params = _matching(tokens, languages)
    if connection.vendor == "sqlite":
        weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
        score = f"-bm25({FTS_TABLE}, {weights})"
    else:
        score = "ts_rank_cd(body, q.query)"
    rows = _query(f"SELECT {_id()}, {score} {sql}", params)
    found = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    return found, np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))


def ids(tokens: list[str], languages: set[str], *, title_only: bool = False) -> np.ndarray:
    """Ids of the documents with all the tokens (in their title, with ``title_only``)."""
    sql, params = _matching(tokens, languages, title_only=title_only, ranked=False)
    # One string from the database rather than a row per document: three times faster.
    aggregate = "group_concat(rowid)" if connection.vendor == "sqlite" else "string_agg(id::text, ',')"
    joined = _query(f"SELECT {aggregate} {sql}", params)[0][0]
    # fromstring with a separator parses in C, eight times faster than split() and int().
    return np.fromstring(joined or "", dtype=np.int64, sep=",")


def ids_and_title_ids(tokens: list[str], languages: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """PostgreSQL: the ids of ``ids`` and those of ``ids(title_only=True)`` in one query.

    The title's tsvector is read only for the rows found, and the server is asked once
    instead of twice: it is most of the cost of a common word on PostgreSQL.
    """
    sql, params = _matching(tokens, languages, ranked=False)
    title = " & ".join(f"({token})" if len(token) <= SHORT else f"({token}:*)" for token in tokens)
    found, in_title = _query(
        "SELECT string_agg(id::text, ','),"
        f" string_agg(id::text, ',') FILTER (WHERE title @@ to_tsquery('simple', %s)) {sql}",
        [title, *params],
    )[0]
    return np.fromstring(found or "", dtype=np.int64, sep=","), np.fromstring(in_title or "", dtype=np.int64, sep=",")


def _query(sql: str, params: list) -> list[tuple]:
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    # The planner often prefers reading every row's tsvector (a seq scan: 200–300 ms for
    # 50,000 documents) to the GIN index (a few ms). Not on SQLite, whose transactions
    # here would take the write lock.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def _id() -> str:
    return "rowid" if connection.vendor == "sqlite" else "id"


def _matching(
    tokens: list[str], languages: set[str], *, title_only: bool = False, ranked: bool = True
) -> tuple[str, list]:
    """The FROM and WHERE clauses that find documents with all the tokens, and their parameters.

    A token matches as a word and as the start of one: "creat" finds "creative". For
    ranking, the whole word is asked for too, so that it scores higher than a longer word.
    A token of one or two letters is a whole word only ("tv", "3d"), not the start of
    most of the documents.
    """
    if connection.vendor == "sqlite":
        # Tokens are [a-z0-9]+, so quoting them is enough to keep FTS5's syntax out.
        groups = [
            f'"{token}"' if len(token) <= SHORT else f'("{token}" OR "{token}"*)' if ranked else f'"{token}"*'
            for token in tokens
        ]
        expression = " AND ".join(f"{{title}} : {group}" if title_only else group for group in groups)
        return f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]
    if connection.vendor != "postgresql":
        raise NotImplementedError(f"Lexical search does not support {connection.vendor}")
    stemmers = tuple(sorted({PG_STEMMERS[code[:2]] for code in languages if code[:2] in PG_STEMMERS}))
    groups = []
    for token in tokens:
        if len(token) <= SHORT:
            alternatives = [token]
        elif title_only:  # the title's lexemes are the 'simple' ones
            alternatives = [f"{token}:*"]
        else:
            alternatives = [f"{lexeme}:*" for lexeme in _pg_lexemes(token, stemmers)]
            alternatives += [token] if ranked else []
        groups.append("(" + " | ".join(alternatives) + ")")
    # Lexemes are [a-z0-9]+ (checked in _pg_lexemes): no tsquery syntax can come from the query.
    return (
        f"FROM {PG_TABLE}, (SELECT to_tsquery('simple', %s) AS query) q"
        f" WHERE {'title' if title_only else 'body'} @@ q.query",
        [" & ".join(groups)],
    )


@lru_cache(maxsize=4096)
def _pg_lexemes(token: str, stemmers: tuple[str, ...]) -> tuple[str, ...]:
    """The token and its stems in the documents' languages, each once ("running": running, run).

    Asking for each once rather than OR-ing one to_tsquery per language spares the
    index from looking up the same lexeme four times.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT unnest(tsvector_to_array(to_tsvector(config::regconfig, %s)))"
            " FROM unnest(%s::text[]) AS config",
            [token, list(stemmers)],
        )
        stems = {row[0] for row in cursor.fetchall()}
    return tuple(sorted({token} | {stem for stem in stems if TOKEN.fullmatch(stem)}))
