"""E-mail delivery over SMTP (smtplib): STARTTLS, implicit TLS, or plain for local relays."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from forecasts.config import NotifySettings
from forecasts.notify.message import Message
from forecasts.notify.webhook import DeliveryError


def build(settings: NotifySettings, message: Message) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.email_from
    mail["To"] = ", ".join(settings.email_to)
    mail["Subject"] = f"[forecasts] {message.subject}"
    mail.set_content(message.text)
    return mail


def send(settings: NotifySettings, message: Message) -> None:
    """Send the message to every recipient; raise DeliveryError on any failure."""
    mail = build(settings, message)
    timeout = settings.webhook_timeout_seconds
    try:
        smtp: smtplib.SMTP
        if settings.smtp_security == "ssl":
            smtp = smtplib.SMTP_SSL(
                settings.smtp_host,
                settings.smtp_port,
                timeout=timeout,
                context=ssl.create_default_context(),
            )
        else:
            smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
        with smtp:
            if settings.smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(mail)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"email: {type(exc).__name__}: {exc}") from exc
