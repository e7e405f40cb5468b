"""Datelines and bylines: the wire's place-and-source stamp and the credits are not article text.

Nor is a live blog's time stamp ("12.54pm: The Chancellor ..." reads "The Chancellor ...").

"PARIS, May 4 (Reuters) - The minister will ..." reads as "The minister will ..."; "TOKYO —",
"WASHINGTON (AP) —", "(AP) —" and "BEIJING, Jan. 5 (Xinhua) --" likewise. Credit lines
("(Reporting by ...; Editing by ...)", "By Jane Smith and Li Wei", "Our Standards: ...") are
dropped whole. ``strip_datelines`` keeps every other character and line as it is, so the claims
stage still quotes the source sentence.
"""

from __future__ import annotations

import re

_CAPS_WORD = r"[A-Z][A-Z'’-]+"  # no dots: "U.S. - China talks" is no dateline
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_SOURCE = (
    r"(?:\((?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\)"
    # a press wire: "/PRNewswire/", "/CNW/", "/PRNewswire-HISPANIC PR WIRE/"
    r"|/\s*[A-Z][\w.&'’ -]{1,40}/)"
)
_YEAR = r"(?:,?\s+(?:19|20)\d\d)?"
_DASH = r"(?:-{1,2}|[–—]{1,2}|:)"

DATELINE = re.compile(
    # "NEW YORK, Nov 9 (Reuters Breakingviews) -", "TOKYO —", "KYIV, Ukraine (AP) —"
    r"^(?:" + _CAPS_WORD + r"(?:\s+" + _CAPS_WORD + r"){0,3}"
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?"
    r"(?:,\s*" + _MONTH + r"\s+\d{1,2}" + _YEAR + r")?"
    r"(?:\s*" + _SOURCE + r")?\s*" + _DASH + r"\s+"
    # "Pakyong, November 20 :", "Washington, D.C., March 1, 2017 --": a title-case place
    # with no source needs the date
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?,\s*"
    + _MONTH
    + r"\s+\d{1,2}"
    + _YEAR
    + r"(?:\s*"
    + _SOURCE
    + r")?\s*"
    + _DASH
    + r"\s+"
    # "Paris (AFP) -": a title-case place needs the source in brackets
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}(?:,\s*"
    + _MONTH
    + r"\s+\d{1,2}"
    + _YEAR
    + r")?\s*"
    + _SOURCE
    + r"\s*"
    + _DASH
    + r"\s+"
    # "(AP) —"
    r"|" + _SOURCE + r"\s*" + _DASH + r"\s+)(?=[“\"‘]?[A-Z0-9])"
)
# "LIBREVILLE Oct 15 Gabon's main union said ...": an old wire dateline with no dash; the
# capitals of the place and the date make it one
DATELINE_NO_DASH = re.compile(
    r"^" + _CAPS_WORD + r"(?:\s+" + _CAPS_WORD + r"){0,3},?\s+" + _MONTH + r"\s+\d{1,2}" + _YEAR
    + r"(?:\s*" + _SOURCE + r")?\s+(?=[“\"‘]?[A-Z])"
)  # fmt: skip
# A live-blog entry's time stamp: "12.54pm: ", "13:25 - ", "0005 – ", "9:41 a.m. ET: ".
TIMESTAMP = re.compile(
    r"^(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|BST|CET|CEST|ET|EST|EDT|PT|UTC))?|(?!(?:19|20)\d\d)\d{4})"
    r"\s*(?:[-–—:]|\|)\s+(?=[“\"‘]?[A-Z0-9£$€])"
)
# A line that is nothing but credits.
CREDIT = re.compile(
    r"^\s*\(?\s*(?:(?i:(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Reported|Written|"
    r"Edited|Research|Graphics|Photos?)\s+(?:by|for))\b|Our\s+Standards:|By\s+[A-Z][\w.'’-]+"
    r"(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von|bin|al))*\s*(?:,\s*[^.]{0,60})?\s*$)",
)
_SHORT_ENOUGH = 320  # a credits line longer than this is prose that happens to start alike


def strip_dateline(line: str) -> str:
    """The line without a leading dateline or live-blog time stamp."""
    stamp = TIMESTAMP.match(line)
    if stamp:
        line = line[stamp.end() :]
    m = DATELINE.match(line) or DATELINE_NO_DASH.match(line)
    if not m or m.group(0).strip() in ("-", "--", "–", "—", ":"):
        return line
    words = re.findall(r"[A-Za-z]+", m.group(0))
    if words and all(w in ("A", "I") for w in words):
        return line  # "A - ..." is a list marker, not a place
    return line[m.end() :]


def is_credit(line: str) -> bool:
    """A byline or credits line ("(Reporting by X; Editing by Y)", "By Jane Smith")."""
    return len(line) <= _SHORT_ENOUGH and bool(CREDIT.match(line))


def strip_datelines(text: str) -> str:
    """The text without datelines at the start of its lines and without credits lines."""
    lines = text.split("\n")
    out = [("" if is_credit(line) else strip_dateline(line)) for line in lines]
    return "\n".join(out)
