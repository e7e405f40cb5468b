"""Notifications: a message (``Message``) queued per channel in the outbox, delivered by webhook
(JSON POST, Slack- and Discord-compatible) or e-mail (SMTP), retried with back-off.

    events (claims resolved / need review / fall due, report written)
      -> Message -> outbox rows (one per configured channel, each event once)
      -> deliver: webhook.send / email.send -> sent, or retried later, or given up (logged)
"""

from __future__ import annotations

from forecasts.notify.message import Message

__all__ = ["Message"]
