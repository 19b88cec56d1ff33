"""Demo content is written through the apps' services like any other, then marked ``is_demo`` here.

The services do not know about demo content. The generators mark what they made right
after creating it, inside the transaction that created it, so that no page ever sees it
unmarked; and they keep the services' e-mail from reaching anyone.
"""

from django.db import transaction
from django.test.utils import override_settings

DUMMY_MAIL = "django.core.mail.backends.dummy.EmailBackend"


def mark_as_demo(obj):
    """``obj``, just created through its app's service, marked as demo content (``is_demo``)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Mark demo content in the transaction that creates it.")
    type(obj).objects.filter(pk=obj.pk).update(is_demo=True)
    obj.is_demo = True
    return obj


def quiet_mail():
    """Mail sent inside this block goes nowhere: demo content must not write to anyone.

    Mail is sent once the transaction commits, so the transaction must end inside the
    block: open a durable one inside it (``transaction.atomic(durable=True)``).
    """
    return override_settings(EMAIL_BACKEND=DUMMY_MAIL)
