"""Writes of frameworks and their nodes, by the Secretariat."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record

from .choices import FrameworkStatus
from .computation import framework_check
from .models import Framework, Node


@transaction.atomic
def framework_create(*, data: dict, by) -> Framework:
    framework = Framework(**data, created_by=by, status=FrameworkStatus.DRAFT)
    framework.full_clean()
    framework.save()
    audit_record(action="indicators.framework_create", obj=framework, after=data, actor=by)
    return framework


@transaction.atomic
def framework_update(*, framework: Framework, data: dict, by) -> Framework:
    for key, value in data.items():
        setattr(framework, key, value)
    framework.full_clean()
    framework.save()
    audit_record(action="indicators.framework_update", obj=framework, after=data, actor=by)
    return framework


@transaction.atomic
def framework_set_method(*, framework: Framework, method: dict, by) -> Framework:
    framework.method = method
    framework.save(update_fields=["method", "updated_at"])
    audit_record(action="indicators.framework_method", obj=framework, after=method, actor=by)
    return framework


@transaction.atomic
def framework_publish(*, framework: Framework, by) -> Framework:
    """Publish a framework the engine accepts; ValidationError with every problem otherwise."""
    problems = framework_check(framework)
    if problems:
        raise ValidationError(problems)
    framework.status = FrameworkStatus.PUBLISHED
    framework.save(update_fields=["status", "updated_at"])
    audit_record(action="indicators.framework_publish", obj=framework, actor=by)
    return framework


@transaction.atomic
def framework_retire(*, framework: Framework, by) -> Framework:
    framework.status = FrameworkStatus.RETIRED
    framework.save(update_fields=["status", "updated_at"])
    audit_record(action="indicators.framework_retire", obj=framework, actor=by)
    return framework


def _touch(framework: Framework) -> None:
    framework.save(update_fields=["updated_at"])


@transaction.atomic
def node_save(*, framework: Framework, node: Node, sdg_targets, by) -> Node:
    """Create or change a node; a node cannot be its own ancestor."""
    node.framework = framework
    ancestor = node.parent
    while ancestor is not None:
        if node.pk and ancestor.pk == node.pk:
            raise ValidationError({"parent": _("A node cannot be placed under itself or one of its parts.")})
        ancestor = ancestor.parent
    node.full_clean()
    node.save()
    node.sdg_targets.set(sdg_targets)
    _touch(framework)
    audit_record(action="indicators.node_save", obj=node, after={"code": node.code, "parent": node.parent_id}, actor=by)
    return node


@transaction.atomic
def node_delete(*, node: Node, by) -> None:
    """Remove a node, its parts and their values."""
    framework = node.framework
    audit_record(action="indicators.node_delete", obj=node, before={"code": node.code}, actor=by)
    node.delete()
    _touch(framework)


@transaction.atomic
def node_move(*, node: Node, step: int, by) -> Node:
    """Move a node one place up (-1) or down (+1) among its siblings; positions are renumbered."""
    siblings = list(Node.objects.filter(framework=node.framework, parent=node.parent).order_by("position", "code"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
    target = index + step
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    _touch(node.framework)
    return node
