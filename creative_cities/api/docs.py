"""The API's documentation page: a reference written by the server, and Swagger UI on demand.

Swagger UI's script weighs over 400 KB compressed, more than a whole page may. The page
therefore reads as a plain reference of every operation (its parameters and answers),
drawn from the same OpenAPI document, and loads Swagger UI only when someone asks to
try the calls (static/js/swagger-load.js).
"""

import json

from django.shortcuts import render
from ninja import Swagger

METHODS = ("get", "post", "put", "patch", "delete")


class ReferenceThenSwagger(Swagger):
    template = "ninja/swagger.html"

    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings),
            "api": api,
            "swagger_url": self.settings["url"],
            # As Ninja's own page decides it: whether any of the API's authentications asks for CSRF.
            "add_csrf": any(getattr(auth, "csrf", False) for auth in _auths(api)),
            "info": schema["info"],
            "groups": operation_groups(schema),
        }
        return render(request, self.template, context)


def _auths(api) -> list:
    return list(api.auth) if isinstance(api.auth, list | tuple) else []


def operation_groups(schema: dict) -> list[dict]:
    """The operations of an OpenAPI document, by tag in order of first appearance, each with its
    method, path, summary, parameters and answers, for a page to list."""
    groups: dict[str, list[dict]] = {}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            groups.setdefault((operation.get("tags") or ["api"])[0], []).append(
                {
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter.get("in", ""),
                            "required": parameter.get("required", False),
                            "type": _type_name(parameter.get("schema", {})),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "body": "requestBody" in operation,
                    "answers": [
                        {"status": status, "description": answer.get("description", "")}
                        for status, answer in sorted(operation.get("responses", {}).items())
                    ],
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in groups.items()]


def _type_name(schema: dict) -> str:
    if "type" in schema:
        if schema["type"] == "array":
            return f"array of {_type_name(schema.get('items', {}))}"
        return schema["type"]
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    options = schema.get("anyOf") or schema.get("oneOf") or []
    return " or ".join(_type_name(option) for option in options) or "any"
