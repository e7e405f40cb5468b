"""forecasts: hold news forecasts to account.

The data flows one way, and the package is laid out in that order::

    articles/   text, HTML or a feed entry   -> Article (text + reference date)
    claims/     Article                      -> claim drafts (hedge, speaker, event, due window)
    feeds/      RSS/Atom feeds               -> items (fetched politely, parsed safely)
    evidence/   claim + items                -> candidate evidence (index lookups, matching)
    verdicts/   claim + evidence + now       -> status changes (with history)
    reports/    claims + statuses            -> monthly accuracy reports

``store/`` holds every query, ``models.py`` the tables, ``db.py`` the engine and migrations;
``cli/`` and ``jobs/`` are thin layers that load, call the stages above and save.
"""

from __future__ import annotations

__version__ = "0.1.0"
