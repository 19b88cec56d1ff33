"""Tasks that a stopped worker left running: put back in the queue, or failed after too many attempts.

The task worker (django-tasks' database backend) marks a task RUNNING when it takes
it and SUCCESSFUL or FAILED when it ends. A worker killed in between (``kill -9``, out
of memory, the machine restarting) leaves the task RUNNING for ever, and nobody runs it
again; a backup taken while a task ran restores one like it. ``task_result_requeue_stale``
finds those (started longer ago than ``TASKS_STALE_AFTER_SECONDS``) and puts them back in
the queue, or fails one that was started ``TASKS_MAX_ATTEMPTS`` times already. The
worker calls it when it starts and then every ``TASKS_STALE_CHECK_SECONDS``
(``manage.py db_worker``); ``manage.py requeue_stale_tasks`` runs it once.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger(__name__)


class TaskAbandoned(Exception):
    """Recorded as the error of a task whose worker stopped while running it, too many times."""


@dataclass
class StaleTasks:
    requeued: list[str] = field(default_factory=list)  # task result ids
    failed: list[str] = field(default_factory=list)


def task_result_requeue_stale(*, stale_after: timedelta | None = None, max_attempts: int | None = None) -> StaleTasks:
    """Queue again the tasks left running longer than ``stale_after``; fail those tried ``max_attempts`` times.

    A task's attempts are the workers that took it (``worker_ids``: one per start). Both
    limits default to the settings ``TASKS_STALE_AFTER_SECONDS`` and ``TASKS_MAX_ATTEMPTS``.
    """
    if stale_after is None:
        stale_after = timedelta(seconds=settings.TASKS_STALE_AFTER_SECONDS)
    if max_attempts is None:
        max_attempts = settings.TASKS_MAX_ATTEMPTS
    found = StaleTasks()
    started_before = timezone.now() - stale_after
    stale = DBTaskResult.objects.running().filter(started_at__lt=started_before)
    # The worker takes tasks in such a transaction too: on SQLite, none is taken meanwhile.
    with exclusive_transaction(stale.db):
        for result in stale.select_for_update(skip_locked=True):
            attempts = len(result.worker_ids)
            if attempts >= max_attempts:
                result.set_failed(
                    TaskAbandoned(
                        f"{result.task_path} was still running {stale_after} after it started, "
                        f"{attempts} times: each time its worker stopped (killed, out of memory, restarted) "
                        "before it ended. It is not tried again."
                    )
                )
                found.failed.append(str(result.pk))
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                found.requeued.append(str(result.pk))
    for pk in found.requeued:
        logger.warning("Task %s was left running by a worker that stopped: queued again", pk)
    for pk in found.failed:
        logger.error("Task %s was left running by a stopped worker %s times: failed", pk, max_attempts)
    return found
