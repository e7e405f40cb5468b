"""The extractor's fast paths give exactly what the slow forms they replace give.

Each speed-up in ``forecasts.claims`` (substring gates before a pattern, a possessive run of
spaces, slicing instead of a loop over characters, str.find instead of a pattern tried at every
position) is checked against the original form on seeded random text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from forecasts.claims import extract, reference

SEED = 20261206


def _texts(alphabet: list[str], count: int, longest: int) -> list[str]:
    rng = random.Random(SEED)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def _old_strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    return "".join(chars)


def test_strip_spans_blanks_as_the_character_loop_did() -> None:
    rng = random.Random(SEED)
    for text in _texts(["a", "b", " ", "c", "’"], 3000, 14):
        spans = [(rng.randint(-3, 16), rng.randint(-3, 18)) for _ in range(rng.randint(0, 3))]
        assert _outcome(extract._strip_spans, text, spans) == _outcome(
            _old_strip_spans, text, spans
        )


def _outcome(
    strip: Callable[[str, list[tuple[int, int]]], str], text: str, spans: list[tuple[int, int]]
) -> str:
    try:
        return strip(text, spans)
    except IndexError:  # a negative start before the text's start: both fail alike
        return "IndexError"


def test_event_noun_gate_never_hides_a_match() -> None:
    alphabet = ["SUMMIT", "visit", "Talks", " ", "-", "ſ", "K", "ı", "İ", "grand prix", "Open", "x"]
    for text in _texts(alphabet, 3000, 6):
        if extract._EVENT_NOUN.search(text):
            assert extract._may_name_event(text), text
    # a character IGNORECASE folds to an ASCII letter: the gate lets the pattern decide
    assert extract._EVENT_NOUN.search("the ſummit") and extract._may_name_event("the ſummit")


def test_forecast_verb_gate_never_hides_a_match() -> None:
    verbs = ["sees", "SAW", "forecasts", "are pricing in", "Bet on", "pencilled in", "ruling out",
             "is targeting", "there’s", "puts", "assigns", "gives", "are eyeing", "is aiming for"]  # fmt: skip
    for verb in verbs:
        text = f"Traders {verb} a cut in May"
        assert extract._FORECAST_VERB.search(text), text
        assert extract._may_match(text, extract._FORECAST_VERB_NEEDLES), text


def test_possessive_predicate_end_finds_the_same_boundaries() -> None:
    greedy = re.compile(extract._PRED_END.pattern.replace(r"\s++", r"\s+"), re.IGNORECASE)
    assert greedy.pattern != extract._PRED_END.pattern
    alphabet = [" ", "   ", ",", ";", ":", "1", ".", "which", "but", "so that", "after it",
                "The", "is", "—", "a", "x", "\n", "”"]  # fmt: skip
    for text in _texts(alphabet, 5000, 14):
        old, new = greedy.search(text), extract._PRED_END.search(text)
        assert (old and old.span()) == (new and new.span()), text


def test_name_inside_a_sentence_as_the_pattern_finds_it() -> None:
    alphabet = ["a", "A", "b", " ", "\n", "\t", ",", "(", "-", "_", "Ab", "é", "²", ".", "\u00a0"]
    rng = random.Random(SEED)
    for text in _texts(alphabet, 5000, 12):
        word = rng.choice(["A", "Ab", "b", "A-b", "(", ".", "é", "", " A"])
        pattern = rf"[a-z,;:(]\s+{re.escape(word)}(?![\w-])"
        assert reference._inside_a_sentence(word, text) == bool(re.search(pattern, text)), (
            word,
            text,
        )


SAY_FORMS = [
    "said", "says", "say", "told reporters", "added", "adds", "announced", "announces", "stated",
    "wrote", "writes", "confirmed", "confirms", "noted", "predicted", "predicts", "forecast",
    "forecasts", "argued", "argues", "warned", "warns", "estimated", "estimates", "reported",
    "reports", "suggested", "suggest", "suggests", "believes", "believe", "expects", "expect",
    "projected", "explained", "insisted", "cautioned", "indicated", "signaled", "signalled",
    "tweeted", "posted", "acknowledged", "conceded", "claimed", "claims", "reckon", "reckons",
    "think", "thinks", "show", "shows",
]  # fmt: skip


def test_say_gate_passes_every_verb_of_say() -> None:
    from forecasts.claims import speakers

    for form in SAY_FORMS:
        # "expects" is a verb of saying only before a stop
        assert re.fullmatch(f"{speakers.SAY}\\.", f"{form}.", re.IGNORECASE), form
        for text in (
            f"It will rain, officials {form}.",
            f"IT WILL RAIN, OFFICIALS {form.upper()}.",
        ):
            assert speakers._may_say(text), text
    assert not speakers._may_say("Shares fell 2.3% in early trading.")


def test_literal_first_name_pattern_finds_the_same_spans() -> None:
    rng = random.Random(SEED)
    alphabet = ["a", "A", "Ab", " ", "-", "_", "\n", "é", "Ab-", "AbA", "."]
    tails = (r"(?![\w-])", r"(?:(?:[ \t]+|[ \t]*\n[ \t]*(?!\n))[A-Z][\w&-]*)*")
    for text in _texts(alphabet, 4000, 12):
        name = rng.choice(["A", "Ab", "b", "A.b", "Ab A", "é", "-"])
        for tail in tails:
            old = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}{tail}", text)]
            new = [m.span() for m in re.finditer(reference._word_at(name) + tail, text)]
            assert old == new, (name, text)
