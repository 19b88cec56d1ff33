"""Who may do what on the board. Pages and API ask these functions.

The board is public: anyone sees open and closed calls and how many answered.
The publisher's people (and the Secretariat) read the messages and decide; the
people of an interested party see their own interest.
"""

from creative_cities.accounts.selectors import user_is_secretariat
from creative_cities.projects.parties import acts_for, party_list_for

from . import selectors
from .choices import CallStatus, InterestStatus


def can_publish_call(user) -> bool:
    """A signed-in person acting for a city or an organisation, or the Secretariat."""
    if not user.is_authenticated:
        return False
    return user_is_secretariat(user) or bool(party_list_for(user))


def can_edit_call(user, call) -> bool:
    """The publisher's people, while the call is open."""
    return acts_for(user, call.party) and selectors.call_is_open(call)


def can_close_call(user, call) -> bool:
    """The publisher's people, until it is closed (a call past its deadline may be closed at once)."""
    return acts_for(user, call.party) and call.status == CallStatus.OPEN


def can_see_interests(user, call) -> bool:
    """Everyone's messages: the publisher's people and the Secretariat."""
    return acts_for(user, call.party)


def can_see_interest(user, interest) -> bool:
    return acts_for(user, interest.call.party) or acts_for(user, interest.party)


def can_express_interest(user, call) -> bool:
    """Someone acting for a city or organisation that may still answer this open call."""
    return bool(selectors.interest_party_choices(user=user, call=call))


def can_decide_interest(user, interest) -> bool:
    """The publisher's people accept or decline a pending interest, even once the call has closed."""
    return interest.status == InterestStatus.PENDING and acts_for(user, interest.call.party)


def can_withdraw_interest(user, interest) -> bool:
    """The interested party's people, while it waits for an answer."""
    return interest.status == InterestStatus.PENDING and acts_for(user, interest.party)
