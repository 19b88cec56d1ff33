"""The board API."""

from ninja import Router

router = Router(tags=["board"])
