"""Counter-evidence the judge finds beyond the event's own words: postponements (decisive when
little of the window is left) and someone else standing in for the claim's person."""

from __future__ import annotations

from forecasts.evidence.actors import name_in
from forecasts.evidence.event_words import _TRIGGER_WORDS, _objects_named
from forecasts.evidence.events import COUNTER, Finding
from forecasts.evidence.judgement import PreparedClaim
from forecasts.evidence.lexicon import FOREIGN_PUT_OFF
from forecasts.evidence.text import Tokens

# Postponements: decisive when the window is nearly over (a month or less left) or when they
# are put off past it.
_PUT_OFF = frozenset(
    {"postpone", "delay", "put off", "push back", "defer", "reschedule", "slip", "pushed to",
     *FOREIGN_PUT_OFF}
)  # fmt: skip
SHORT_WINDOW_DAYS = 31


_GATHERINGS_OF_ONE = frozenset({"visit", "attend", "meet"})
# Someone else goes for the claim's person: "Li Qiang to represent China at G20 instead of
# Xi", "Lavrov to lead the delegation in place of Putin", "as Modi stays home".
_INSTEAD = (("instead", "of"), ("in", "place", "of"), ("on", "behalf", "of"))
_STAYS = frozenset({"stays", "stayed", "stay", "staying", "remains", "remained"})
_STAND_IN_WORDS = frozenset({"instead", "place", "behalf"}) | _STAYS


def _stood_in_for(pc: PreparedClaim, toks: Tokens, text: str, mentioned: bool) -> Finding | None:
    """The claim's person replaced at the event by someone else (or staying home), in an item
    that names the event: its noun, its own names or its place."""
    if not (toks.vocabulary & _STAND_IN_WORDS):
        return None  # most items: no "instead", "place", "behalf", "stays"
    if not (
        mentioned
        or (toks.vocabulary & _TRIGGER_WORDS.get(pc.family, frozenset()))
        or _objects_named(pc.objects, text, toks)
        or any(name_in(toks, p) for p in (*pc.places, *pc.region))
    ):
        return None
    actor = pc.actors[0]
    for name in (*actor.phrases, *actor.surnames):
        for pos in toks.find(name):
            before = toks.words[max(0, pos - 3) : pos]
            end = pos + len(name)
            after = toks.words[end : end + 2]
            if any(tuple(before[-len(p) :]) == p for p in _INSTEAD) or (
                after[:1] and after[0] in _STAYS and after[1:] in (("home",), ("away",))
            ):
                return Finding(COUNTER, 0.85, "counter:stand-in", " ".join(toks.words), True)
    return None
