"""Secrets never shown: the masking used wherever settings, URLs or errors reach a person or a log.

Three settings hold secrets: the password inside ``database_url``, ``notify.smtp_password`` and
``notify.webhook_url`` (a Slack or Discord incoming-webhook URL *is* the credential: anyone who
has it can post). ``forecasts config`` shows them masked, "cannot open database" names the URL
without its password, and the daemon's log lines pass through ``RedactingFormatter``, which
replaces each secret value and the password of any URL it finds (httpx logs request URLs).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from forecasts.controls import strip_controls

MASK = "***"

# scheme://user:password@host — the password is whatever lies between the first ':' after the
# user and the last '@' before the host (passwords may contain '@' and ':' when unencoded).
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:)[^\s/]*@")


def mask_url(url: str) -> str:
    """``url`` with the password of its user info replaced by ``***``."""
    return _URL_PASSWORD.sub(lambda m: f"{m['head']}{MASK}@", url)


def mask_webhook(url: str) -> str:
    """Scheme and host of a webhook URL only: its path and query carry the token."""
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.netloc:
        return MASK
    return urlunsplit((parts.scheme, parts.hostname or "", f"/{MASK}", "", ""))


def secret_values(settings: Any) -> list[str]:
    """The secret strings in ``settings`` (a Settings), longest first, for ``redact``."""
    values = [settings.notify.smtp_password, settings.notify.webhook_url]
    webhook = urlsplit(settings.notify.webhook_url)
    if webhook.path.strip("/"):
        values.append(webhook.path)  # logged on its own by some libraries
    with suppress(ArgumentError):  # a URL SQLAlchemy cannot parse has no password to find
        values.append(make_url(settings.database_url).password or "")
    return sorted({v for v in values if v and len(v) >= 3}, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every given secret and every URL password replaced by ``***``."""
    for secret in secrets:
        text = text.replace(secret, MASK)
    return mask_url(text)


def masked_settings(settings: Any) -> dict[str, Any]:
    """The settings as ``forecasts config`` shows them: secrets masked, database path resolved."""
    data: dict[str, Any] = settings.model_dump(mode="json", exclude={"config_path"})
    data["database_url"] = mask_url(settings.resolved_database_url())
    notify = data["notify"]
    notify["webhook_url"] = mask_webhook(notify["webhook_url"])
    if notify["smtp_password"]:
        notify["smtp_password"] = MASK
    return data


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, arguments and traceback) never holds a secret, nor a
    terminal control sequence (server text reaches log lines through error messages)."""

    def __init__(self, fmt: str, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt)
        self.secrets = list(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return strip_controls(redact(super().format(record), self.secrets))
