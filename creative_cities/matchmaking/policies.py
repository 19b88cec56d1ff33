"""Who may see recommendations. Pages and API ask these functions.

Recommendations are public: they are computed from public facts only (member cities,
organisations' public pages, published practices, projects and calls, which are all
public), so they reveal nothing that a visitor could not read elsewhere. They are
most useful to a city's team and the Secretariat, but hiding them would protect nothing.
"""


def can_see_recommendations(user, subject) -> bool:
    """Everyone, for any project, call or city they may see (all are public)."""
    return True
