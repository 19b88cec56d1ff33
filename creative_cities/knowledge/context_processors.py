"""Values the knowledge base gives every page."""

from . import selectors


def review_queue(request) -> dict:
    """``review_queue_count``: the items waiting for this person's review (0 for anyone who reviews nothing).

    Anonymous visitors cost no query, nor do people without a reviewing role: their roles
    are those read once per request (accounts.selectors). A reviewer costs one count.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"review_queue_count": 0}
    return {"review_queue_count": selectors.item_count_to_review(user=user)}
