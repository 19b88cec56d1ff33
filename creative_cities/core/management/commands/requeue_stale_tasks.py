"""Put back in the queue the tasks that a stopped worker left running. Run it from cron, and after a restore.

The worker does it by itself when it starts and every ``TASKS_STALE_CHECK_SECONDS``;
this is for when no worker runs, or to check at once after restoring a backup.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from creative_cities.core.task_results import task_result_requeue_stale


class Command(BaseCommand):
    help = (
        "Put back in the queue the background tasks left running by a worker that stopped; "
        "fail those tried TASKS_MAX_ATTEMPTS times."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="SECONDS",
            help="Tasks started longer ago than this (default: TASKS_STALE_AFTER_SECONDS).",
        )
        parser.add_argument("--max-attempts", type=int, help="Default: TASKS_MAX_ATTEMPTS.")

    def handle(self, *args, older_than, max_attempts, **options):
        stale_after = timedelta(seconds=older_than) if older_than is not None else None
        found = task_result_requeue_stale(stale_after=stale_after, max_attempts=max_attempts)
        self.stdout.write(
            _("%(requeued)s task(s) queued again, %(failed)s failed after too many attempts.")
            % {"requeued": len(found.requeued), "failed": len(found.failed)}
        )
