"""Who may see the cooperation graph. Pages and API ask these functions."""


def can_view_cooperation(user) -> bool:
    """Everyone, as the registry's open data: the graph shows which cities work together, never
    the messages, people or documents behind a link."""
    return True
