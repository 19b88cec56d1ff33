"""The cooperation API."""

from ninja import Router

router = Router(tags=["cooperation"])
