"""Reads of the frameworks."""

from django.db.models import QuerySet

from .models import AreaOfAction, Objective, SdgGoal, SdgTarget


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.all()


def area_list() -> QuerySet[AreaOfAction]:
    return AreaOfAction.objects.all()


def sdg_goal_list() -> QuerySet[SdgGoal]:
    return SdgGoal.objects.all()


def sdg_target_list() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.select_related("goal")
