"""The lexical index beside the documents, in each database's own full-text engine.

SQLite: an FTS5 table holding the folded title and text, rowid = document id, with
the porter stemmer and indexes of 2- and 3-letter prefixes (so that prefix queries
on short words stay fast). PostgreSQL: a narrow table of tsvectors (body, title) with a
GIN index each. Neither is known to the ORM: creative_cities/search/lexical.py reads and
writes them, and drops a document's entry with it (no foreign key, so that Django's
flush, which truncates only its own tables, still works).
"""

from django.db import migrations


class RunSQLOn(migrations.RunSQL):
    """RunSQL on one database vendor only; nothing elsewhere."""

    def __init__(self, vendor, *args, **kwargs):
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        RunSQLOn(
            "sqlite",
            sql="CREATE VIRTUAL TABLE search_document_fts USING fts5("
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
            reverse_sql="DROP TABLE search_document_fts",
        ),
        RunSQLOn(
            "postgresql",
            sql=[
                "CREATE TABLE search_document_lexical (id bigint PRIMARY KEY, body tsvector NOT NULL, title tsvector NOT NULL)",
                "CREATE INDEX search_document_lexical_body ON search_document_lexical USING GIN (body)",
                "CREATE INDEX search_document_lexical_title ON search_document_lexical USING GIN (title)",
            ],
            reverse_sql="DROP TABLE search_document_lexical",
        ),
    ]
