"""What the search engine holds: one row per language version of each searchable object.

The lexical index lives beside this table, outside the ORM: an FTS5 table on SQLite,
a tsvector column on PostgreSQL (migration 0002). Only ``services`` writes to either.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The searchable text of one object in one language, with its facets and vector."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=500)
    url = models.CharField(_("address"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    # Kept for ranking in memory the matches of very common words (see lexical.py).
    words = models.PositiveIntegerField(_("number of words"), default=0)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    facets = models.JSONField(_("facets"), default=dict, blank=True)
    vector = models.BinaryField(_("vector"), null=True, blank=True)
    vector_model = models.CharField(_("vector model"), max_length=100, blank=True)
    # A hash of what was embedded: re-indexing skips the (slow) model when it is unchanged.
    vector_source = models.CharField(_("vector source hash"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="search_document_one_per_language")
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="search_document_object")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.language})"
