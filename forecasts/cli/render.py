"""Plain terminal output that fits: widths, cutting at words, status colours, the pager.

Deliberately without rich: listing 10,000 claims must cost milliseconds, and every line's
width must be exact so that 80 columns means 80 columns (tests measure the rendered text).
Colour follows the usual conventions: only on a terminal, never with NO_COLOR set
(https://no-color.org), always with FORCE_COLOR; paging follows git: when the output is longer
than the terminal, through $PAGER (default ``less`` with ``FRX``), unless --no-pager.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO

ELLIPSIS = "…"
RESET = "\x1b[0m"
# Status -> SGR colour. Statuses are open-ended (areas add new ones); unknown ones get DEFAULT.
STATUS_COLOURS: dict[str, str] = {
    "open": "36",  # cyan: waiting
    "fulfilled": "32",  # green
    "unfulfilled": "31",  # red
    "needs_review": "33",  # yellow: a person is needed
    "unresolved": "35",  # magenta: ended without an answer
    "not_verifiable": "2",  # dim
    "void": "2",
}
DEFAULT_COLOUR = "1"  # bold: a status this map does not know yet still stands out


def char_width(ch: str) -> int:
    """Columns a character takes: 0 for combining marks, 2 for wide East Asian characters."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (plain ASCII is the fast path)."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def one_line(text: str) -> str:
    """Whitespace (newlines, tabs, runs of spaces) folded to single spaces."""
    return " ".join(text.split())


def cut(text: str, columns: int, *, fold: bool = True) -> str:
    """``text`` in at most ``columns`` columns: cut at a word boundary and ended with "…".

    ``fold``: first fold whitespace to single spaces (off for lines already laid out).
    """
    if fold:
        text = one_line(text)
    if width(text) <= columns:
        return text
    if columns <= 1:
        return ELLIPSIS if columns == 1 else ""
    room = columns - 1  # the ellipsis takes one column
    if text.isascii():
        head = text[:room]
    else:
        out: list[str] = []
        used = 0
        for ch in text:
            w = char_width(ch)
            if used + w > room:
                break
            out.append(ch)
            used += w
        head = "".join(out)
    # Back off to the last whole word, unless that would leave almost nothing.
    space = head.rfind(" ")
    if space >= room // 2:
        head = head[:space]
    return head.rstrip(" ,;:-") + ELLIPSIS


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` (by display width)."""
    return text + " " * max(0, columns - width(text))


def span(earliest: date | None, latest: date | None) -> str:
    """A date window in few columns, without losing the year: ``2023-06-19`` (one day),
    ``2023-06-18..20`` (one month), ``2023-06-18..07-09`` (one year), else both dates whole."""
    if earliest is None or latest is None:
        return f"{earliest or '?'}..{latest or '?'}" if earliest or latest else "-"
    first = earliest.isoformat()
    if earliest == latest:
        return first
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{first}..{latest:%d}"
    if earliest.year == latest.year:
        return f"{first}..{latest:%m-%d}"
    return f"{first}..{latest.isoformat()}"


@dataclass(frozen=True)
class Column:
    """One column of a :func:`table`.

    ``right``: aligned right (counts). ``drop``: when the flexible column would get fewer than
    its minimum, columns with a ``drop`` rank are left out, highest rank first (0: always kept).
    ``sgr``: the colour of a cell from its text (statuses), painted after padding so that
    widths stay exact.
    """

    header: str
    right: bool = False
    drop: int = 0
    sgr: Callable[[str], str] | None = None


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    flex: int,
    total: int,
    min_flex: int = 24,
    colour: bool = False,
) -> list[str]:
    """A header and one line per row in at most ``total`` columns, two spaces apart.

    Every column is as wide as its widest cell except column ``flex`` (the widest text, such as
    a title), which gets what is left and is cut with "…", never wrapped.
    """
    rows = [[one_line(cell) for cell in row] for row in rows]
    keep = list(range(len(columns)))
    widths = [max([width(c.header), *(width(r[i]) for r in rows)]) for i, c in enumerate(columns)]

    def room() -> int:
        fixed = sum(widths[i] + 2 for i in keep if i != flex)
        return total - fixed

    for rank in sorted({c.drop for c in columns if c.drop}, reverse=True):
        if room() >= min_flex:
            break
        keep = [i for i in keep if columns[i].drop != rank]
    flex_w = max(min(room(), widths[flex]), 10)
    widths[flex] = flex_w
    lines = []
    for cells, is_header in [([c.header for c in columns], True), *((r, False) for r in rows)]:
        out = []
        for i in keep:
            column, text = columns[i], cells[i]
            if i == flex:
                text = cut(text, flex_w, fold=False)
            padded = (
                " " * (widths[i] - width(text)) + text if column.right else pad(text, widths[i])
            )
            if column.sgr is not None and not is_header:
                padded = paint(padded, column.sgr(cells[i]), colour)
            out.append(padded)
        lines.append("  ".join(out).rstrip())
    return lines


def use_colour(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def paint(text: str, sgr: str, colour: bool) -> str:
    return f"\x1b[{sgr}m{text}{RESET}" if colour and sgr else text


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, DEFAULT_COLOUR)


def terminal_size(stream: IO[str] | None = None) -> tuple[int, int]:
    """(columns, lines) of the terminal; COLUMNS/LINES win; 80x24 when not a terminal."""
    columns, lines = shutil.get_terminal_size((80, 24))
    return max(columns, 20), max(lines, 2)


def emit(lines: Sequence[str], *, pager: bool = True, stream: IO[str] | None = None) -> None:
    """Write ``lines``; through a pager when on a terminal and longer than its height."""
    out = stream or sys.stdout
    text = "\n".join(lines) + ("\n" if lines else "")
    if pager and out.isatty() and len(lines) >= terminal_size()[1]:
        command = os.environ.get("PAGER", "less")
        if command.strip() and command.strip() != "cat" and _page(text, command):
            return
    out.write(text)
    out.flush()


def _page(text: str, command: str) -> bool:
    """Show ``text`` through ``command``; False if the pager could not be started."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave text on screen
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602  (PAGER is a shell command line by convention, as for git)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit early: that is fine
    except KeyboardInterrupt:
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager, as in git
    return True
