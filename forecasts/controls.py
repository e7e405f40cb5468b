"""Control characters: what a server may not slip into stored text or logs, and a name may not hold.

A server's reason phrase, headers and error text are untrusted: an ESC sequence in them could
recolour, retitle or rewrite a terminal that shows the daemon's log or ``feeds`` output, and a
BEL rings it. So text from a server is stripped of C0/C1 controls and ANSI sequences before it
is stored or logged (``strip_controls``), and a name a person types later on a command line
must not hold any control character at all (``check_name``).
"""

from __future__ import annotations

import re
import unicodedata

from forecasts.errors import InputError

# ANSI CSI and OSC sequences whole, then any C0/C1 control except tab and newline.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def strip_controls(text: str) -> str:
    """``text`` without terminal control sequences or control characters (tab, newline kept)."""
    return _CONTROL.sub("", text)


def check_name(name: str, what: str = "feed name") -> str:
    """``name`` if it is usable on a command line; InputError if empty or holding controls."""
    if not name.strip():
        raise InputError(f"a {what} may not be empty")
    bad = [c for c in name if unicodedata.category(c) in ("Cc", "Cf")]
    if bad:
        shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad}))
        raise InputError(f"a {what} may not contain control characters (found {shown})")
    return name
