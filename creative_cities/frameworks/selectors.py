"""Reads of the frameworks."""

from django.db.models import QuerySet

from creative_cities.core import versions

from .models import AreaOfAction, Objective, SdgGoal, SdgTarget


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.all()


def area_list() -> QuerySet[AreaOfAction]:
    return AreaOfAction.objects.all()


def sdg_goal_list() -> QuerySet[SdgGoal]:
    return SdgGoal.objects.all()


def sdg_target_list() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.select_related("goal")


def sdg_goal_badges() -> dict[int, tuple[str, str]]:
    """The goals as (short name in the language, colour) by number, kept per version of the frameworks."""
    return versions.cached(
        ["frameworks"], "sdg-goal-badges", lambda: {g.number: (g.name, g.colour) for g in SdgGoal.objects.all()}
    )
