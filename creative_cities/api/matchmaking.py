"""The matchmaking API."""

from ninja import Router

router = Router(tags=["matchmaking"])
