"""Background work of search, run by the task worker (``manage.py db_worker``)."""

from django_tasks import task

from . import services


@task()
def index_object_task(kind: str, object_id: int) -> int:
    """Re-index one object; the number of its documents now in the index."""
    return services.index_object(kind, object_id).documents
