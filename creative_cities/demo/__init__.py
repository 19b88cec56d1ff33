"""Demo content: generated knowledge items and partnerships, and the evaluation of matchmaking on them.

Nothing here runs in production: the app writes demo content through the domain
apps' services and marks it ``is_demo``, so that pages can leave it out and the
generators can remove it. It may import from every app; no app imports from it.
Its commands are ``generate_demo_content``, ``generate_partnership_demo`` and
``evaluate_matchmaking``.
"""
