"""Webhook delivery: one JSON POST. Slack reads ``text``, Discord reads ``content``."""

from __future__ import annotations

from typing import Any

import httpx

from forecasts.config import NotifySettings
from forecasts.errors import ForecastsError
from forecasts.notify.message import Message

DISCORD_LIMIT = 2000  # Discord refuses longer content


class DeliveryError(ForecastsError):
    """A notification could not be delivered this time (it will be retried)."""


def body(message: Message, fmt: str) -> dict[str, Any]:
    text = f"*{message.subject}*\n{message.text}" if fmt == "slack" else message.text
    if fmt == "slack":
        return {"text": text}
    if fmt == "discord":
        return {"content": text[:DISCORD_LIMIT]}
    return {
        "text": text,
        "content": text[:DISCORD_LIMIT],
        "event": message.kind,
        "subject": message.subject,
        "data": message.data,
    }


def send(client: httpx.Client, settings: NotifySettings, message: Message) -> None:
    """POST the message; raise DeliveryError on any failure (network, timeout, non-2xx)."""
    try:
        response = client.post(
            settings.webhook_url,
            json=body(message, settings.webhook_format),
            timeout=settings.webhook_timeout_seconds,
        )
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook: {type(exc).__name__}: {exc}") from exc
    if not response.is_success:
        raise DeliveryError(f"webhook: HTTP {response.status_code} {response.text[:200]}")
