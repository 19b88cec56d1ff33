"""The projects API."""

from ninja import Router

router = Router(tags=["projects"])
