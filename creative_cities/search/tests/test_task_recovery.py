"""An indexing task left running by a worker that was killed is run again, a limited number of times.

A crash (``kill -9`` during ``index_object_task``) leaves the task's row RUNNING with the
time it started: these tests write such rows, then run the recovery and the worker.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from creative_cities.search.selectors import search
from creative_cities.search.tasks import index_object_task


@pytest.fixture
def database_tasks(settings, notes, lexical_only, monkeypatch):
    """Tasks queued in the database, as in production, and a worker that can run inside a test's transaction."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes stale connections and takes over SIGINT/SIGTERM: inside a test,
    # the first would end the test's transaction and the second pytest's own handlers.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda worker: None)
    return notes


def left_running(kind: str, object_id: int, *, started: timedelta, attempts: int = 1) -> str:
    """A queued indexing task, as a worker killed while running it leaves it."""
    result = index_object_task.enqueue(kind, object_id)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started,
        worker_ids=[f"killed-worker-{attempt}" for attempt in range(attempts)],
    )
    return result.id


def status(task_id: str) -> str:
    return DBTaskResult.objects.get(pk=task_id).status


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_a_task_left_running_is_queued_again_and_its_object_becomes_searchable(database_tasks):
    task_id = left_running("note", 1, started=timedelta(hours=1))
    assert search("festival").total == 0
    output = StringIO()
    call_command("requeue_stale_tasks", stdout=output)
    assert "1 task(s) queued again, 0 failed" in output.getvalue()
    assert status(task_id) == TaskResultStatus.READY
    run_worker()
    assert status(task_id) == TaskResultStatus.SUCCESSFUL
    assert [hit.title for hit in search("festival", kinds=["note"]).hits][:1] == ["Traditional music festival"]


def test_the_worker_takes_back_tasks_left_running_when_it_starts(database_tasks):
    task_id = left_running("note", 3, started=timedelta(minutes=30))
    run_worker()
    assert status(task_id) == TaskResultStatus.SUCCESSFUL
    assert search("workshops").total == 1


def test_a_task_started_recently_is_left_to_its_worker(database_tasks):
    task_id = left_running("note", 3, started=timedelta(minutes=2))
    call_command("requeue_stale_tasks", stdout=StringIO())
    assert status(task_id) == TaskResultStatus.RUNNING


def test_how_long_a_task_may_run_is_a_setting(database_tasks, settings):
    settings.TASKS_STALE_AFTER_SECONDS = 60
    task_id = left_running("note", 3, started=timedelta(minutes=2))
    call_command("requeue_stale_tasks", stdout=StringIO())
    assert status(task_id) == TaskResultStatus.READY


def test_a_task_whose_worker_keeps_dying_fails_with_a_reason_instead_of_looping(database_tasks, settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    again = left_running("note", 3, started=timedelta(hours=1), attempts=2)
    given_up = left_running("note", 1, started=timedelta(hours=1), attempts=3)
    output = StringIO()
    call_command("requeue_stale_tasks", stdout=output)
    assert "1 task(s) queued again, 1 failed" in output.getvalue()
    assert status(again) == TaskResultStatus.READY
    failed = DBTaskResult.objects.get(pk=given_up)
    assert failed.status == TaskResultStatus.FAILED and failed.finished_at is not None
    assert failed.exception_class_path == "creative_cities.core.task_results.TaskAbandoned"
    assert "creative_cities.search.tasks.index_object_task" in failed.traceback and "3 times" in failed.traceback
    run_worker()
    assert status(given_up) == TaskResultStatus.FAILED  # not run again
