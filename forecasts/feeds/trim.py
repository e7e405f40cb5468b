"""Trim feedparser's work to what ``parse.py`` reads: two patches, each checked at import.

feedparser turns every element of a feed into Python objects, whether anyone reads them or
not. Two parts of that cost time and feed nothing that ``parse_feed`` keeps:

- RSS 2.0's ``<category>``, ``<comments>`` and ``<enclosure>`` (tags, a comments link, an
  image): a third of a news item's elements. The strict (SAX) parser now skips each such
  element whole, outside item text only (inside a description they are markup whose text
  ``html_to_text`` keeps, so there they go through as before). An element is left out only
  once it has ended with no child element (see ``_skip_unused_elements``); what feedparser
  does on its way into any element that outlives it (the image/textinput flags) is repeated, so
  every field we read comes out as before: ``tests/test_feeds_parse.py`` compares the two on
  every test feed. The forgiving parser, used on malformed feeds, is untouched.
- ``copy.deepcopy`` of the small dict of content parameters (type, language, base), made for
  every title and description: its values are strings, so a plain copy is the same thing at a
  fifth of the cost. Any other value goes to the real ``deepcopy``.

Together about an eighth of a news feed's parse time. A feedparser whose code differs where
these patches hook in makes the import fail, loudly, rather than run unpatched or wrong.
"""

from __future__ import annotations

import copy
import types
from typing import Any

import feedparser.api
import feedparser.mixin
import feedparser.util

# RSS 2.0 elements (no namespace) whose contents no field of a ParsedEntry uses.
UNUSED_ELEMENTS = frozenset({"category", "comments", "enclosure"})
_SCALARS = (str, int, bool, type(None))


def _skip_unused_elements() -> None:
    """Hold back the start of each unused element; drop it if it ends with no child element.

    An unused element that does hold elements (``<category><title>``, hostile or odd) is
    passed on after all: its held start (with the namespace declarations feedparser would
    attach to it) and text go to feedparser before its first child, in the order feedparser
    would have seen them, so only childless unused elements are ever left out.
    """
    cls: Any = feedparser.api.StrictFeedParser
    if getattr(cls, "_forecasts_skips", False):
        return
    names = ("startElementNS", "endElementNS", "characters", "startPrefixMapping")
    for name in (*names, "unknown_starttag"):
        if not callable(getattr(cls, name, None)):
            raise RuntimeError(
                f"feedparser {feedparser.__version__} has no StrictFeedParser.{name}: review "
                "forecasts/feeds/trim.py before using this version"
            )
    start, end, characters, prefix_mapping = (getattr(cls, name) for name in names)
    skipped = UNUSED_ELEMENTS

    def release(self: Any, held: tuple[Any, ...]) -> None:
        """Pass on a held element after all: it has a child."""
        self._forecasts_held = None
        name, qname, attrs, decls, texts = held
        self.decls = decls
        start(self, name, qname, attrs)
        for text in texts:
            characters(self, text)

    def start_element(self: Any, name: tuple[str | None, str], qname: Any, attrs: Any) -> None:
        held = self.__dict__.get("_forecasts_held")
        if held is not None:
            release(self, held)
        if name[0] is None and name[1] in skipped and not self.incontent and not self.svgOK:
            # What unknown_starttag does on its way in that outlives the element.
            self.intextinput = 0
            self.inimage = 0
            self._forecasts_held = (name, qname, attrs, self.decls, [])
            self.decls = {}
            return
        start(self, name, qname, attrs)

    def end_element(self: Any, name: tuple[str | None, str], qname: Any) -> None:
        if self.__dict__.get("_forecasts_held") is not None:
            self._forecasts_held = None  # a childless unused element: left out
            return
        end(self, name, qname)

    def text(self: Any, content: str) -> None:
        held = self.__dict__.get("_forecasts_held")
        if held is not None:
            held[4].append(content)
            return
        characters(self, content)

    def start_prefix(self: Any, prefix: str | None, uri: str) -> None:
        held = self.__dict__.get("_forecasts_held")
        if held is not None:  # a child's declaration: the child comes next
            release(self, held)
        prefix_mapping(self, prefix, uri)

    cls.startElementNS, cls.endElementNS = start_element, end_element
    cls.characters, cls.startPrefixMapping = text, start_prefix
    cls._forecasts_skips = True
    cls._forecasts_original = dict(
        zip(names, (start, end, characters, prefix_mapping), strict=True)
    )


def _shallow_content_params() -> None:
    mixin: Any = feedparser.mixin
    if isinstance(mixin.copy, types.SimpleNamespace):
        return
    if mixin.copy is not copy:
        raise RuntimeError(
            f"feedparser {feedparser.__version__} no longer uses the copy module in its mixin: "
            "review forecasts/feeds/trim.py before using this version"
        )
    params_type = feedparser.util.FeedParserDict
    aliases = frozenset(params_type.keymap)
    deepcopy = copy.deepcopy

    def copy_params(value: Any, memo: Any = None) -> Any:
        if (
            type(value) is params_type
            and all(type(v) in _SCALARS for v in value.values())
            and aliases.isdisjoint(value)
        ):
            return params_type(value)  # immutable values: a deep copy is a plain copy
        return deepcopy(value, memo)

    mixin.copy = types.SimpleNamespace(deepcopy=copy_params, original=copy)


def install() -> None:
    """Apply both patches (idempotent)."""
    _skip_unused_elements()
    _shallow_content_params()


def uninstall() -> None:
    """Undo both patches: for tests that compare patched and plain feedparser."""
    cls: Any = feedparser.api.StrictFeedParser
    if getattr(cls, "_forecasts_skips", False):
        for name, method in cls._forecasts_original.items():
            setattr(cls, name, method)
        cls._forecasts_skips = False
    mixin: Any = feedparser.mixin
    if isinstance(mixin.copy, types.SimpleNamespace):
        mixin.copy = mixin.copy.original
