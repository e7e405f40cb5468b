"""Canonical article text and its content hash.

Two copies of the same article that differ only in line endings, trailing spaces, Unicode
composition or blank-line runs normalise to the same text, so they hash alike and are stored
once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRAILING_SPACE = re.compile(r"[ \t\f\v\u00a0]+$", re.MULTILINE)
_INNER_SPACE = re.compile(r"[ \t\f\v\u00a0]{2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no trailing spaces, at most one blank line in a row, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _TRAILING_SPACE.sub("", text)
    text = _INNER_SPACE.sub(" ", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    """sha256 (hex) of the normalised text: the identity of an article."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
