"""Search documents of this app's objects (filled in with the matchmaking work)."""


def register() -> None:
    """Make the objects searchable: see creative_cities.search.providers."""
