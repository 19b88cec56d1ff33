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


def framework_labels() -> dict[str, dict[int, str]]:
    """Objectives, areas of action and SDGs as they are shown (by id, in their order), kept per version and language."""

    def build() -> dict:
        return {
            "objectives": {objective.pk: objective.name for objective in Objective.objects.all()},
            "areas": {area.pk: area.name for area in AreaOfAction.objects.all()},
            "sdg_goals": {goal.pk: str(goal) for goal in SdgGoal.objects.all()},
        }

    return versions.cached(["frameworks"], "framework-labels", build)
