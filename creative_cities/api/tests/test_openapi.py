"""The OpenAPI document describes the API as it answers: unique schema names, real limits, every status."""

import typing

import pytest
from pydantic import BaseModel

from creative_cities.api.api import api


def _operations():
    for _prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield path, operation


def _models_within(annotation, found: set) -> None:
    """Every pydantic model an annotation names, however deeply nested (lists, unions, fields)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in found:
            return
        found.add(annotation)
        for field in annotation.model_fields.values():
            _models_within(field.annotation, found)
        return
    for argument in typing.get_args(annotation):
        _models_within(argument, found)


def test_no_two_schemas_share_a_name():
    models: set = set()
    for _path, operation in _operations():
        for model in [*operation.response_models.values(), *operation.models]:
            _models_within(model, models)
    by_name: dict[str, set] = {}
    for model in models:
        if model.__module__.startswith("creative_cities."):
            by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    assert {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1} == {}


def test_the_projects_partners_are_documented_with_their_own_schema(anonymous):
    document = anonymous.get("/api/v1/openapi.json").json()
    partners = document["components"]["schemas"]["ProjectOut"]["properties"]["partners"]
    name = partners["items"]["$ref"].rsplit("/", 1)[-1]
    assert set(document["components"]["schemas"][name]["properties"]) == {
        "id",
        "party",
        "role",
        "contribution",
        "joined_on",
    }


# Reads that need no token, with a path parameter naming something that exists.
PUBLIC_READS = {
    "/api/v1/cities": "/api/v1/cities",
    "/api/v1/organisations": "/api/v1/organisations",
    "/api/v1/projects": "/api/v1/projects",
    "/api/v1/calls": "/api/v1/calls",
    "/api/v1/knowledge/search": "/api/v1/knowledge/search",
    "/api/v1/cooperation/figures": "/api/v1/cooperation/figures",
    "/api/v1/cooperation/graph": "/api/v1/cooperation/graph",
    "/api/v1/cooperation/cities/{slug}": "/api/v1/cooperation/cities/lyon",
    "/api/v1/matchmaking/cities/{slug}": "/api/v1/matchmaking/cities/lyon",
}


def _declared_limits():
    """(path, parameter, schema) for each query parameter of the public reads that declares a limit."""
    document = api.get_openapi_schema()
    for path in PUBLIC_READS:
        for parameter in document["paths"][path]["get"].get("parameters", []):
            schema = parameter["schema"]
            limits = {"minimum", "maximum", "enum"} & {*schema, *schema.get("items", {})}
            if parameter["in"] == "query" and limits:
                yield path, parameter["name"], schema


def _refused_for(response, name: str) -> bool:
    """Refused for this parameter's value itself (the directory's page past the last one depends on the data)."""
    if response.status_code != 400:
        return False
    error = response.json()["error"]
    refused = error["code"].startswith("invalid_") and error["code"] != "invalid_page"
    return refused and name in {d["field"] for d in error["details"]}


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name", "schema"), list(_declared_limits()), ids=lambda value: str(value)[:40])
def test_the_declared_limits_are_the_limits_the_api_applies(anonymous, path, name, schema):
    """Inside its declared limits a value is accepted (the list may still be empty); just outside, refused."""
    url = PUBLIC_READS[path]
    if "minimum" in schema:
        assert not _refused_for(anonymous.get(url, {name: schema["minimum"]}), name)
        assert _refused_for(anonymous.get(url, {name: schema["minimum"] - 1}), name)
    if "maximum" in schema:
        assert not _refused_for(anonymous.get(url, {name: schema["maximum"]}), name)
        assert _refused_for(anonymous.get(url, {name: schema["maximum"] + 1}), name)
    values = schema.get("enum") or schema.get("items", {}).get("enum")
    if values:
        for value in values:
            assert not _refused_for(anonymous.get(url, {name: value}), name), value
        assert _refused_for(anonymous.get(url, {name: "gossip"}), name)
    if schema.get("items", {}).get("enum"):
        assert _refused_for(anonymous.get(url, {name: ""}), name)  # an empty choice is no choice


def _statuses_it_can_return(operation) -> set[int]:
    """What any operation of this kind may answer, whatever its own rules add (403 forbidden, 409…)."""
    from ninja.params.models import BodyModel, PathModel

    from creative_cities.accounts.choices import TokenScope

    statuses = set()
    for model in operation.models:
        if not issubclass(model, PathModel) or any(f.annotation is not str for f in model.model_fields.values()):
            statuses.add(400)  # a value of the wrong type or out of range
    if any(issubclass(model, BodyModel) for model in operation.models):
        statuses |= {400, 413}  # not JSON, a lone surrogate, too large
    if any(issubclass(model, PathModel) for model in operation.models):
        statuses.add(404)
    if operation.auth_callbacks:
        statuses.add(401)
        if any(getattr(auth, "scope", None) == TokenScope.WRITE for auth in operation.auth_callbacks):
            statuses.add(403)  # a read token on a write
    return statuses


def test_every_operation_declares_every_status_it_can_return():
    missing = {}
    for path, operation in _operations():
        undeclared = _statuses_it_can_return(operation) - set(operation.response_models)
        if undeclared:
            missing[f"{sorted(operation.methods)} {path}"] = sorted(undeclared)
    assert missing == {}


def test_the_graph_filters_declare_what_the_api_accepts():
    """year=0 and an empty kinds= are refused by the API, so the document must not allow them."""
    parameters = api.get_openapi_schema()["paths"]["/api/v1/cooperation/figures"]["get"]["parameters"]
    year = next(p["schema"] for p in parameters if p["name"] == "year")
    kinds = next(p["schema"] for p in parameters if p["name"] == "kinds")
    assert (year["minimum"], year["maximum"]) == (2004, 2100)
    assert kinds["items"]["enum"] == ["project", "interest", "adaptation"]
