"""Refuse hostile XML prologs before feedparser sees the bytes.

feedparser 6 never fetches external entities, but its loose fallback parser expands internal
entities without limit: one 10 KB entity referenced 10,000 times is a 100 MB title (a "billion
laughs" with a single level). So before parsing we read the DOCTYPE's internal subset ourselves
and refuse:

- parameter entities (``<!ENTITY % ...>``) and external entities (``SYSTEM``/``PUBLIC``): no real
  feed needs them and they are how XXE reads files or reaches the network;
- entity definitions that refer to themselves (directly or through others);
- documents whose entities, expanded and multiplied by how often they are referenced, would add
  more than ``budget`` characters.

Small entities that real feeds declare (``<!ENTITY nbsp "&#160;">``) pass untouched, as does a
DOCTYPE naming an external DTD (Netscape RSS 0.91): the parsers never load it.
"""

from __future__ import annotations

import re

from forecasts.errors import FeedParseError

DEFAULT_BUDGET = 1_000_000
MAX_SUBSET_BYTES = 256_000

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY = re.compile(
    rb"""<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[^\s"'>]+)\s+
        (?:(?P<ext>SYSTEM|PUBLIC)\b|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.VERBOSE,
)
_REF = re.compile(rb"&([A-Za-z_:][\w.:-]*);")


def _to_bytes(data: bytes) -> bytes:
    """An ASCII-compatible view of the document: UTF-16/32 prologs are decoded first."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) == 4 and b"\x00" in head):
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return data


def _internal_subset(data: bytes, start: int) -> tuple[bytes, int] | None:
    """The text between '[' and ']' of the DOCTYPE at ``start``, and where the DOCTYPE ends."""
    quote: int | None = None
    i = start
    n = len(data)
    while i < n:
        c = data[i]
        if quote is not None:
            if c == quote:
                quote = None
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x5B:  # '[': the internal subset
            end = data.find(b"]", i + 1)
            # A ']' inside a quoted entity value would end the subset early; find the one
            # followed (after spaces) by '>'.
            while end != -1 and not re.match(rb"\]\s*>", data[end : end + 64]):
                end = data.find(b"]", end + 1)
            if end == -1:
                raise FeedParseError("malformed XML: unterminated DOCTYPE internal subset")
            return data[i + 1 : end], end
        elif c == 0x3E:  # '>': a DOCTYPE without an internal subset
            return None
        i += 1
    raise FeedParseError("malformed XML: unterminated DOCTYPE")


def check_prolog(data: bytes, *, budget: int = DEFAULT_BUDGET) -> None:
    """Raise FeedParseError if the document's DTD could read files, fetch URLs or explode."""
    data = _to_bytes(data)
    found = _DOCTYPE.search(data)
    if found is None:
        return
    first = _FIRST_ELEMENT.search(data)
    if first is not None and first.start() < found.start():
        return  # a DOCTYPE after the root element is not a DOCTYPE; parsers will reject it
    parsed = _internal_subset(data, found.end())
    if parsed is None:
        return
    subset, end = parsed
    if len(subset) > MAX_SUBSET_BYTES:
        raise FeedParseError(f"refused: DOCTYPE internal subset of {len(subset)} bytes")
    values: dict[bytes, bytes] = {}
    for match in _ENTITY.finditer(subset):
        name = match.group("name")
        if match.group("pe"):
            raise FeedParseError("refused: the feed declares parameter entities (XML attack)")
        if match.group("ext"):
            raise FeedParseError(
                f"refused: the feed declares an external entity '{name.decode('utf-8', 'replace')}' (XXE)"
            )
        values[name] = match.group("dq") if match.group("dq") is not None else match.group("sq")
    if not values:
        return
    sizes: dict[bytes, int] = {}

    def size(name: bytes, seen: frozenset[bytes]) -> int:
        if name in sizes:
            return sizes[name]
        if name in seen:
            raise FeedParseError("refused: recursive entity definitions (XML attack)")
        value = values[name]
        total = len(_REF.sub(b"", value))
        for ref in _REF.findall(value):
            if ref in values:
                total += size(ref, seen | {name})
            if total > budget:
                break
        if total > budget:
            raise FeedParseError(
                f"refused: entity '{name.decode('utf-8', 'replace')}' expands past "
                f"{budget:,} characters (billion laughs)"
            )
        sizes[name] = total
        return total

    body = data[end:]
    expanded = 0
    for ref in _REF.findall(body):
        if ref in values:
            expanded += size(ref, frozenset())
            if expanded > budget:
                raise FeedParseError(
                    f"refused: entity references would expand to more than {budget:,} characters"
                )
    for name in values:
        size(name, frozenset())
