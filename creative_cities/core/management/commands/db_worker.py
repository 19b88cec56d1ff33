"""The task worker of django-tasks' database backend, which also takes back the tasks a stopped worker left running.

It replaces ``django_tasks_db``'s ``db_worker`` (the platform's core app comes first in
INSTALLED_APPS) with the same options. When it starts, and then every
``TASKS_STALE_CHECK_SECONDS`` from a thread of its own, it puts back in the queue the
tasks left running longer than ``TASKS_STALE_AFTER_SECONDS`` (see ``core.task_results``):
after a crash, the worker that systemd starts again finds them on its next check.
"""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connections
from django_tasks_db.management.commands import db_worker

from creative_cities.core.task_results import task_result_requeue_stale

logger = logging.getLogger(__name__)


def requeue_stale_tasks() -> None:
    """One check, which never stops the worker: a busy database is tried again at the next one."""
    try:
        task_result_requeue_stale()
    except DatabaseError:
        logger.warning("Could not look for tasks left running; trying again later", exc_info=True)


class StaleTaskWatch(threading.Thread):
    """Looks for tasks left running every ``every`` seconds, beside the worker's loop."""

    def __init__(self, every: float):
        super().__init__(name="stale-task-watch", daemon=True)
        self.every = every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                requeue_stale_tasks()
            finally:
                connections.close_all()  # this thread's own connections


class Command(db_worker.Command):
    help = (
        "Run a database background worker; tasks that a stopped worker left running are queued again "
        "when it starts and every TASKS_STALE_CHECK_SECONDS."
    )

    def handle(self, *args, **options):
        requeue_stale_tasks()
        if not options["batch"] and settings.TASKS_STALE_CHECK_SECONDS > 0:
            StaleTaskWatch(settings.TASKS_STALE_CHECK_SECONDS).start()
        return super().handle(*args, **options)
