"""The frameworks in templates: ``{% load frameworks %}``.

    {% sdg_badge goal %}                  the badge alone, named for screen readers
    {% sdg_badge goal with_name=True %}   the badge and the goal's short name beside it

``goal`` is an ``SdgGoal`` or a goal's number (as ``projects.selectors.project_tags`` gives them).
Pages that show badges load static/css/pictures.css.
"""

from django import template

from creative_cities.frameworks import selectors
from creative_cities.frameworks.models import SdgGoal
from creative_cities.frameworks.presentation import sdg_badge_svg

register = template.Library()


@register.simple_tag
def sdg_badge(goal, with_name: bool = False) -> str:
    if isinstance(goal, SdgGoal):
        number, name, colour = goal.number, goal.name, goal.colour
    else:
        number = int(goal)
        name, colour = selectors.sdg_goal_badges()[number]
    return sdg_badge_svg(number=number, name=name, colour=colour, with_name=with_name)
