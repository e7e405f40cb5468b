"""Which kind of event a text reports, and in what tense: done, planned, or called off.

An event verb counts as a report of the event when it is past ("met"), perfect ("has landed"),
progressive ("is visiting") or the headline present ("Yellen arrives", "Xi, Biden meet"); the
same verb after "to", a modal or a plan word ("will meet", "hopes to visit", "is expected to
attend") is only a signal, and so is a clause that points to the future ("next month"). A noun
("visit", "talks") reports the event only with a verb or preposition that places it in the
past ("wraps up visit", "after talks"). Cancellation, postponement, refusal or denial in the
same clause is counter-evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.evidence.lexicon import (
    ABSENCE_VERBS,
    COUNTER_PHRASES,
    COUNTER_VERBS,
    FAMILIES,
    FAMILY_ALIASES,
    FOREIGN_CALLED_OFF,
    FOREIGN_PUT_OFF,
    FUTURE_WORDS,
    NOUN_REPORT_PREPS,
    NOUN_REPORT_VERBS,
    PAST_WORDS,
    RATE_DIRECTIONS,
    REMOTE_MARKERS,
    REPORT_PHRASES,
    SIGNAL_BEFORE,
    conjugate,
    verb_lemma,
    verb_of_noun,
)
from forecasts.evidence.text import (
    Tokens,
    by_first_word,
    clauses,
    dictionary_word,
    name_like,
    phrase,
    stem,
    title_case,
    tokenize,
)

REPORT, SIGNAL, COUNTER = "report", "signal", "counter"

_BE = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "be"})
_NEGATION = frozenset({"not", "never", "didn't", "won't", "wouldn't", "doesn't", "don't"})
_FUTURE = by_first_word(phrase(w) for w in FUTURE_WORDS)
_REMOTE = by_first_word(phrase(w) for w in REMOTE_MARKERS)
_PAST = by_first_word(phrase(w) for w in PAST_WORDS)
_FUTURE_NEGATIONS = frozenset(
    {"will not", "won't", "would not", "wouldn't", "no plans to", "not going to", "does not plan"}
)
_NOT_HAPPENING = frozenset(
    {"may", "might", "could", "threatens", "threatened", "not", "neither", "no"}
)
_PLAN_WORDS = frozenset(
    {
        "will",
        "would",
        "shall",
        "expected",
        "expects",
        "plans",
        "planned",
        "planning",
        "hopes",
        "hoping",
        "aims",
        "intends",
        "scheduled",
        "slated",
        "poised",
        "likely",
        "upcoming",
        "prospect",
        "prospects",
        "preparing",
        "invited",
        "'ll",
    }
)
_RATE_WORDS = frozenset({"rate", "rates", "interest", "borrowing", "bps", "basis", "points"})
# In an item about a central bank's claim, its "hike" is a rate hike ("delivers jumbo hike");
# a claim's own text is read more strictly ("tariff hikes" is no rate move).
_RATE_WORDS_IN_ITEMS = _RATE_WORDS | {"hike", "hikes", "bp"}
_BASIS_POINTS = re.compile(r"\d+bps?$")  # "hikes 75bp"


# Words before "cut" that make it a noun, as a central bank's cut is written without "rate":
# "delivers a jumbo cut", "Fed's half-point cut" (not "cuts growth forecast", a verb).
_BEFORE_A_CUT = frozenset(
    {"a", "an", "the", "its", "first", "second", "third", "another", "jumbo", "surprise",
     "big", "bigger", "larger", "deep", "deeper", "point", "sized", "straight", "consecutive"}
)  # fmt: skip


def _cut_as_noun(toks: Tokens) -> bool:
    return any(
        i and (toks.words[i - 1] in _BEFORE_A_CUT or toks.original[i - 1].endswith("'s"))
        for i in toks.find(("cut",))
    )


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    form: str  # base, third, past, participle, ing, noun
    direction: str = ""  # rate moves only: up, down, hold


@dataclass(frozen=True, slots=True)
class Finding:
    """One mention of the event in an item: how it is reported and how strongly."""

    kind: str  # report, signal, counter
    score: float
    why: str
    clause: str
    in_title: bool
    pos: int = -1  # where in the clause's tokens the event word is (-1: not one word)


def family_of(event_type: str, event_text: str) -> str:
    """The event family of a claim: its event_type (or, for a compound label such as
    "product_launch" or "summit_attendance", its last word that names one), else the first
    family its words name."""
    name = event_type.strip().lower().replace(" ", "_").replace("-", "_")
    for candidate in (name, *reversed(name.split("_"))):
        candidate = FAMILY_ALIASES.get(candidate, candidate)
        if candidate in FAMILIES:
            return candidate
    toks = tokenize(event_text)
    rates = bool(_RATE_WORDS & set(toks.words))
    best = len(_FAMILY_ORDER)
    for word in set(toks.words):
        for order, trig in _BY_FIRST_WORD.get(word, ()):
            if order >= best or (order == _RATE_ORDER and not rates):
                continue  # "output cuts", "job cuts" are not interest rates
            if order == _IMPOSE_ORDER and trig.form != "noun":
                continue  # "extends", "raises": common verbs; the measure names the family
            if trig.form in {"base", "noun", "past", "third", "ing"} and toks.find(trig.words):
                best = order
    return _FAMILY_ORDER[best] if best < len(_FAMILY_ORDER) else ""


def rate_direction(text: str) -> str:
    toks = tokenize(text)
    for direction, words in RATE_DIRECTIONS.items():
        for w in words:
            forms = conjugate(w)
            for form in {forms.base, forms.third, forms.past, forms.ing}:
                if toks.find(phrase(form)):
                    return direction
    return ""


def _verb_triggers(base: str, direction: str = "") -> list[Trigger]:
    words = phrase(base)
    forms = conjugate(words[0])
    rest = words[1:]
    out = []
    for kind, form in (
        ("base", forms.base),
        ("third", forms.third),
        ("past", forms.past),
        ("participle", forms.participle),
        ("ing", forms.ing),
    ):
        out.append(Trigger((form, *rest), kind, direction))
    return out


def _build_triggers() -> dict[str, list[Trigger]]:
    table: dict[str, list[Trigger]] = {}
    for name, family in FAMILIES.items():
        triggers: list[Trigger] = []
        for verb in family.verbs:
            direction = ""
            if name == "rate_change":
                direction = next(d for d, ws in RATE_DIRECTIONS.items() if verb in ws)
            triggers += _verb_triggers(verb, direction)
        triggers += [Trigger(phrase(n), "noun") for n in family.nouns]
        triggers += [Trigger(phrase(p), "past") for p in REPORT_PHRASES.get(name, ())]
        # Longest first, so that "hold talks" wins over "hold".
        table[name] = sorted(triggers, key=lambda t: len(t.words), reverse=True)
    return table


_TRIGGERS = _build_triggers()
_BRITISH = {"traveled": "travelled", "traveling": "travelling"}
for _family in _TRIGGERS.values():
    for _t in list(_family):
        if _t.words[0] in _BRITISH:
            _family.append(Trigger((_BRITISH[_t.words[0]], *_t.words[1:]), _t.form, _t.direction))

# Triggers by their first word, so a text is matched against the few whose first word it has
# (not against every trigger of every family).
_FAMILY_ORDER = tuple(_TRIGGERS)
_RATE_ORDER = _FAMILY_ORDER.index("rate_change")
_IMPOSE_ORDER = _FAMILY_ORDER.index("impose")
_BY_FIRST_WORD: dict[str, list[tuple[int, Trigger]]] = {}
for _order, _name in enumerate(_FAMILY_ORDER):
    for _t in _TRIGGERS[_name]:
        _BY_FIRST_WORD.setdefault(_t.words[0], []).append((_order, _t))


@lru_cache(maxsize=256)
def _trigger_index(
    family: str, extra: tuple[Trigger, ...]
) -> tuple[tuple[Trigger, ...], dict[str, tuple[int, ...]]]:
    """A family's triggers (plus a claim's own) and, by first word, where each stands."""
    triggers = (*_TRIGGERS.get(family, ()), *extra)
    index: dict[str, list[int]] = {}
    for i, trig in enumerate(triggers):
        index.setdefault(trig.words[0], []).append(i)
    return triggers, {word: tuple(ids) for word, ids in index.items()}


def _present(
    toks: Tokens, triggers: tuple[Trigger, ...], index: dict[str, tuple[int, ...]]
) -> list[Trigger]:
    """The triggers whose first word the text has, in their order (longest first)."""
    ids = sorted(i for word in toks.vocabulary & index.keys() for i in index[word])
    return [triggers[i] for i in ids]


_ABSENCE_FORMS = tuple(
    " ".join((form, *phrase(v)[1:]))
    for v in ABSENCE_VERBS
    for form in {conjugate(phrase(v)[0]).past, conjugate(phrase(v)[0]).third}
)
_COUNTER_TRIGGERS: list[tuple[tuple[str, ...], float, str]] = []
for _verb, _weight in COUNTER_VERBS.items():
    for _t in _verb_triggers(_verb):
        _COUNTER_TRIGGERS.append((_t.words, _weight, _verb))
COUNTER_VERB_WORDS = frozenset(words[0] for words, _, _ in _COUNTER_TRIGGERS)
_COUNTER_TRIGGERS += [(phrase(p), w, p) for p, w in COUNTER_PHRASES.items()]
_COUNTERS_BY_FIRST: dict[str, list[int]] = {}
for _i, (_words, _w, _v) in enumerate(_COUNTER_TRIGGERS):
    _COUNTERS_BY_FIRST.setdefault(_words[0], []).append(_i)


def _counters_in(toks: Tokens) -> list[tuple[tuple[str, ...], float, str]]:
    """The cancellation triggers whose first word the text has, in table order."""
    ids = sorted(
        i for word in toks.vocabulary & _COUNTERS_BY_FIRST.keys() for i in _COUNTERS_BY_FIRST[word]
    )
    return [_COUNTER_TRIGGERS[i] for i in ids]


_NOUNS_BEFORE_COUNTER = frozenset({"visit", "trip", "meeting", "talks", "summit"})
_GATHERINGS = frozenset({"visit", "meet", "attend", ""})
_NOUN_VERBS = frozenset(
    form
    for verb in NOUN_REPORT_VERBS
    for form in {
        conjugate(phrase(verb)[0]).past,
        conjugate(phrase(verb)[0]).participle,
        conjugate(phrase(verb)[0]).third,
        conjugate(phrase(verb)[0]).base,
    }
)
_NOUN_PREPS = tuple(phrase(p) for p in NOUN_REPORT_PREPS)
# Words that are also nouns: as a bare base form they report only after their subject.
_AMBIGUOUS_BASE = frozenset(
    {t.words[0] for ts in _TRIGGERS.values() for t in ts if t.form == "noun" and len(t.words) == 1}
) | {"land", "sign", "travel", "hold", "open", "release", "cut", "hike", "raise", "seal", "win"}


# Endings of adjectives the lemma table may not know ("northern", "bilateral"): no verbs.
_ADJECTIVE_ENDINGS = ("ern", "ic", "al", "ous", "ive", "ful", "less", "ary", "ese", "ish")
# Endings of nouns for who or what does something ("booster", "operator"): no verbs.
_AGENTS = ("er", "or", "ist", "ian", "ism", "ant", "ent")


@lru_cache(maxsize=4096)
def generic_triggers(event_text: str) -> tuple[Trigger, ...]:
    """For an event of no known family: the verbs of the claim's own event phrase, and the
    verbs its nouns of action come from ("arraignment" -> "arraign", "arraigned")."""
    out: list[Trigger] = []
    toks = tokenize(event_text)
    for word, original in zip(toks.words, toks.original, strict=True):
        if len(word) >= 4 and word.isalpha():
            lemmas = getAllLemmas(word)
            # A lower-case word the lexicon does not know is a newer verb ("rebrand").
            newer = (
                not lemmas
                and original.islower()
                and not word.endswith(_AGENTS)
                and not word.endswith(_ADJECTIVE_ENDINGS)  # "northern leg" has no verb
            )
            if "VERB" in lemmas or newer:
                # Only words English uses as verbs ("Cybertruck", "Florida" are none);
                # "reopening" is the verb "reopen" (its -ing form is then read as such, not
                # as a base form whose headline present would report the event).
                out += _verb_triggers(verb_lemma(word) or word)
            # A noun of action, singular or plural, and the verb it comes from
            # ("deliveries" -> "delivery" -> "deliver", "arraignment" -> "arraign").
            for noun in dict.fromkeys((word, *lemmas.get("NOUN", ()))):
                verb = verb_of_noun(noun)
                if verb:
                    out += _verb_triggers(verb)
                    out += [Trigger((noun,), "noun"), Trigger((word,), "noun")]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def find_mentions(
    item_text: str,
    title: str,
    family: str,
    *,
    direction: str = "",
    extra: tuple[Trigger, ...] = (),
) -> tuple[Finding, ...]:
    """Every mention of the family's event in the item, classified (report/signal/counter).

    Cached: one item is judged against several claims of the same family in a pass.
    """
    all_triggers, index = _trigger_index(family, extra)
    own_words = frozenset(index)
    item_text, title = _pair_subjects(item_text), _pair_subjects(title)
    findings: list[Finding] = []
    title_clauses = set(clauses(title)) if title else set()
    everything = tokenize(item_text)
    vocabulary = everything.vocabulary
    if (
        not (vocabulary & own_words)
        and (family not in _GATHERINGS or not (vocabulary & _NOUNS_BEFORE_COUNTER))
        and (family not in _STANDING_FAMILIES or not (vocabulary & _BECOME))
        and (family != "convict" or not (vocabulary & _GIVEN))
    ):
        # No word of the event at all (most items): nothing to report, and a cancellation
        # verb needs a mention of the event close by. The same answer as the clause loop.
        return ()
    # A cancellation verb counts anywhere in an item that mentions the event at all.
    anywhere = any(everything.find(t.words) for t in _present(everything, all_triggers, index))
    for clause in clauses(item_text):
        toks = tokenize(clause)
        if (
            family == "rate_change"
            and not (_RATE_WORDS_IN_ITEMS & set(toks.words))
            and not any(_BASIS_POINTS.match(w) for w in toks.words)
            and not _cut_as_noun(toks)
        ):
            continue
        in_title = clause in title_clauses
        triggers = _present(toks, all_triggers, index)
        hits = _classify_clause(toks, triggers, direction, family, own_words, anywhere)
        if any(k == REPORT for k, _, _, _ in hits) and any(
            toks.find(phrase(form)) for form in _ABSENCE_FORMS if form.split()[0] not in own_words
        ):
            # "spoke with Li at the G20 summit, which Xi skipped": who met whom, and who stayed
            # away, is beyond these rules; the clause proves nothing either way.
            continue
        for kind, score, why, pos in _resolve_clause(hits):
            findings.append(Finding(kind, score, why, clause, in_title, pos))
    return tuple(findings)


# Headline shorthand for two subjects: "Biden, Xi hold talks" is "Biden and Xi hold talks".
_NAME_PAIR = re.compile(r"\b([A-Z][\w'’.-]*), ([A-Z][\w'’.-]*)(?= [a-z])")


def _pair_subjects(text: str) -> str:
    return _NAME_PAIR.sub(r"\1 and \2", text) if ", " in text else text


# Words after which "to" ends a done thing, not a plan: "votes to approve", "sweeps to victory".
_DONE_TO = frozenset(
    form
    for verb in ("vote", "sweep", "cruise", "romp", "storm", "coast", "surge", "race", "glide")
    for form in (conjugate(verb).base, conjugate(verb).third, conjugate(verb).past)
)


def _planned(words: list[str] | tuple[str, ...], last: int) -> bool:
    """A plan word among the ``last`` words (those just before an event word): "to", "will",
    "expected"; but not the "to" of "votes to approve" or "sweeps to victory"."""
    return any(
        words[i] in SIGNAL_BEFORE and not (words[i] == "to" and _done_before(words, i))
        for i in range(max(0, len(words) - last), len(words))
    )


def _done_before(words: list[str] | tuple[str, ...], i: int) -> bool:
    """The word before position i, past a tally ("votes 70-29 to"), is one of _DONE_TO; or
    "to" closes a record ("becomes the first private craft to land")."""
    j = i - 1
    while j >= 0 and words[j].isdigit():
        j -= 1
    if j >= 0 and words[j] in _DONE_TO:
        return True
    before = words[max(0, i - 6) : i]
    return any(w in _RECORDS for w in before) and any(w in _BECAME for w in before)


_RECORDS = frozenset({"first", "second", "third", "fourth", "fifth", "only", "last", "latest"})
_BECAME = frozenset({"becomes", "became", "is", "was"})


def _classify_clause(
    toks: Tokens,
    triggers: list[Trigger],
    direction: str,
    family: str,
    own_words: frozenset[str],
    anywhere: bool,
) -> list[tuple[str, float, str, int]]:
    hits: list[tuple[str, float, str, int]] = []
    taken: set[int] = set()
    mentions: list[int] = []
    future = toks.has_any(_FUTURE)
    remote = family in {"attend", "visit", "meet"} and toks.has_any(_REMOTE)
    past = toks.has_any(_PAST)
    for trig in triggers:
        for pos in toks.find(trig.words):
            if pos in taken:
                continue
            if (
                family == "election"
                and trig.words[0] in _VOTE_FORMS
                and toks.words[pos + 1 : pos + 2] in (("to",), ("on",))
                and not (toks.words[pos + 2 : pos + 3] and toks.words[pos + 2] in _WHEN_WORDS)
            ):
                continue  # "India votes to ban plastics", "votes on the bill": a decision
            mentions.append(pos)
            taken.update(range(pos, pos + len(trig.words)))
            if direction and trig.direction and trig.direction != direction:
                # A cut is not a hike; a reported hold or opposite move counts against a
                # claimed cut, though one meeting seldom settles a long window.
                if trig.form in {"past", "third", "participle"} and not future:
                    hits.append((COUNTER, 0.6, f"counter:rate {trig.direction}", pos))
                continue
            kind, score, why = _tense(toks, pos, trig, future, family)
            if (
                kind == REPORT
                and family == "launch"
                and (trig.words[0] in _SHOWING or " ".join(trig.words) in _ON_SALE)
                and _preview(toks, pos, len(trig.words))
            ):
                # "releases trailer for GTA 6", "reveals launch date", "rolls out rocket to the
                # pad": a look at the product or mission ahead of it, not its launch.
                kind, score, why = SIGNAL, 0.5, f"signal:preview {' '.join(trig.words)}"
            if kind == REPORT and past:
                continue  # "Biden and Xi met last year in Bali": background
            if kind == REPORT and remote:
                kind, score, why = COUNTER, 0.8, f"counter:remote {' '.join(trig.words)}"
            elif kind == SIGNAL and remote:
                # "will take part by video link": the event in another form, announced.
                kind, score, why = COUNTER, 0.8, f"counter-plan:remote {' '.join(trig.words)}"
            if kind:
                hits.append((kind, score, why, pos))
    if family == "convict":
        hits += _term_given(toks)
    if family in _STANDING_FAMILIES and toks.vocabulary & _BECOME:
        for hit in _became(toks):
            hits.append(hit)
            mentions.append(hit[3])
    if family in _GATHERINGS:
        # "trip called off", "talks collapse": for a visit or a meeting these nouns are the event;
        # for a strike, "contract talks break down" is another event.
        mentions += [i for i, w in enumerate(toks.words) if w in _NOUNS_BEFORE_COUNTER]
    if mentions and "deadline" in toks and toks.vocabulary & _EXTENDED:
        # "Deadline for the acquisition extended to Oct 18", "extended their acquisition
        # deadline": not done by the deadline.
        at = min(i for w in toks.vocabulary & _EXTENDED for i in toks.find((w,)))
        hits.append((COUNTER, 0.8, "counter:deadline extended", at))
    for words, weight, verb in _counters_in(toks):
        if words[0] in own_words:
            continue  # "withdraw" is the event itself when the claim is a withdrawal
        for pos in toks.find(words):
            # A cancellation governs a mention of the event close by ("cancels Beijing visit",
            # "trip ... called off"); absence verbs ("skipped", "stayed away") need none
            # when the item speaks of the event anywhere.
            # (Eight words: "will not travel to South Africa for the BRICS summit".)
            near = any(abs(pos - m) <= 8 for m in mentions)
            if not near and not (anywhere and verb in ABSENCE_VERBS):
                continue
            before = toks.words[max(0, pos - 3) : pos]
            if any(w in {"not", "neither", "never", "no", "nor"} for w in before):
                continue  # "neither ruled out nor a done deal"
            hedged = any(w in {"may", "might", "could", "threatens", "threatened"} for w in before)
            planned = verb in _FUTURE_NEGATIONS or any(w in SIGNAL_BEFORE for w in before)
            why = f"counter{'-plan' if planned else ''}:{verb}"
            hits.append((COUNTER, weight * (0.5 if hedged else 1.0), why, pos))
            break
    return hits


# What is shown ahead of a launch: a preview of the thing, or its date, not the thing itself.
_PREVIEWS = frozenset(
    {
        "trailer",
        "trailers",
        "teaser",
        "teasers",
        "preview",
        "date",
        "dates",
        "details",
        "footage",
        "gameplay",
        "crew",
        "pad",
        "plans",
        "schedule",
        "timeline",
        "prototype",
        "concept",
        "render",
        "renders",
        "glimpse",
        # What goes on sale ahead of a launch: "Tickets now on sale for the Starship launch".
        "tickets",
        "preorders",
        "preorder",
        "orders",
        "reservations",
    }
)


# Words of a product on sale, which are also said of tickets and pre-orders before it.
_ON_SALE = frozenset(REPORT_PHRASES["launch"]) | {"go on sale", "goes on sale", "went on sale"}


# Launch words that also mean showing something ahead of its launch ("unveils", "rolls out").
_SHOWING = frozenset(
    form
    for verb in ("unveil", "reveal", "roll", "introduce", "showcase", "debut", "release")
    for form in {conjugate(verb).base, conjugate(verb).third, conjugate(verb).past}
)


def _preview(toks: Tokens, pos: int, length: int) -> bool:
    """A preview word just before the launch word or within a few words after it."""
    near = toks.words[max(0, pos - 3) : pos] + toks.words[pos + length : pos + length + 7]
    return any(w in _PREVIEWS for w in near) or toks.find(("first", "look"), max(0, pos - 3)) != []


def _tense(
    toks: Tokens, pos: int, trig: Trigger, future: bool, family: str = ""
) -> tuple[str, float, str]:
    before = toks.words[max(0, pos - 3) : pos]
    wider = toks.words[max(0, pos - 6) : pos]
    name = " ".join(trig.words)
    if any(w in _NEGATION for w in before) or (before and before[-1] in {"hasn't", "haven't"}):
        if any(w in {"has", "have", "hasn't", "haven't", "yet"} for w in before):
            # "has not visited Moscow since 2019": not yet, which settles nothing.
            return COUNTER, 0.5, f"counter-plan:not yet {name}"
        planned = any(w in {"will", "would", "won't", "wouldn't", "to"} for w in before)
        return COUNTER, 0.85, f"counter{'-plan' if planned else ''}:negated {name}"
    if trig.form == "noun":
        return _noun_tense(toks, pos, trig, future, family)
    if _planned(wider, 3):
        return SIGNAL, 0.5, f"signal:plan {name}"
    if future:
        return SIGNAL, 0.5, f"signal:future {name}"
    if trig.form in {"past", "participle"}:
        return REPORT, 1.0, f"report:past {name}"
    if trig.form == "third":
        return REPORT, 0.95, f"report:present {name}"
    if trig.form == "ing":
        if before and before[-1] in _BE:
            return REPORT, 0.9, f"report:progressive {name}"
        if before and before[-1] in _ASPECTUAL:
            # "Japan begins releasing water", "starts pumping": the event under way.
            return REPORT, 0.9, f"report:{before[-1]} {name}"
        # "meeting", "signing", "opening": without "is"/"was" the -ing word is a noun or a
        # participle ("the meeting", "a deal signing"), not a report.
        return _noun_tense(toks, pos, trig, future, family)
    if before and before[-1] == "to" and _done_before(wider, len(wider) - 1):
        # "votes to approve", "becomes the first private craft to land": done, not planned.
        return REPORT, 0.95, f"report:done to {name}"
    if pos and toks.original[pos - 1].endswith(("'s", "’s")):
        # After a possessive the word is a noun: "Netanyahu's address to Congress delayed".
        return _noun_tense(toks, pos, trig, future, family)
    # Bare base form: a headline present with a plural subject ("Xi, Biden meet"), unless the
    # word is as often a noun ("UK launch", "Beijing visit"): then it is read as the noun.
    if trig.words[0] in _AMBIGUOUS_BASE:
        prev = toks.original[pos - 1] if pos else ""
        plural_subject = (
            # "Democrats pass", not "Says Visit" in a Title Case headline
            (
                prev[:1].isupper()
                and prev.endswith("s")
                and "'" not in prev
                and not (title_case(toks) and dictionary_word(prev.lower()))
            )
            or prev.lower() in {"voters", "they", "leaders", "both", "citizens"}
            # "astronauts land", "lawmakers pass": a plural common noun just before (not a
            # verb that undoes the event: "lifts ban", "ends strike")
            or (
                prev.islower()
                and len(prev) > 4
                and prev.endswith("s")
                and not _not_plural(prev)
                and prev not in _UNDOING
            )
            # "Biden and Xi meet", "US and China sign": two named subjects
            or (pos >= 3 and toks.words[pos - 2] == "and" and toks.capitalised(pos - 3))
            # "Xi hold talks", "Biden, Xi sit down": a verb phrase no noun reading has
            or (len(trig.words) > 1 and pos > 0 and toks.capitalised(pos - 1))
            # "Argentina win World Cup", "Reds win the title": a name, the verb, its object
            # (a noun reading would be followed by another noun: "UK launch event").
            or (
                pos > 0
                and toks.capitalised(pos - 1)
                and _object_follows(toks, pos + len(trig.words))
            )
        )
        if (
            not plural_subject
            and trig.words[0] in _SAME_PAST
            and len(trig.words) == 1
            and prev[:1].isupper()
            and not prev.endswith("s")
            and toks.words[pos + 1 : pos + 2]
            and (toks.words[pos + 1] in _OBJECT_OF_PAST or toks.words[pos + 1][:1].isdigit())
            and not title_case(toks)
        ):
            return REPORT, 1.0, f"report:past {name}"
        if not plural_subject:
            return _noun_tense(toks, pos, trig, future, family)
    return REPORT, 0.9, f"report:present {name}"


_VOTE_FORMS = frozenset({"vote", "votes", "voted", "voting"})
# "voted on February 14th", "votes on Sunday": the "on" of a day, not of a bill.
_WHEN_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"}
)  # fmt: skip
# Verbs whose past is their base ("cut", "hit", "set"): after a singular name and before
# their object they are past ("Bank of Canada cut rates on June 5").
_SAME_PAST = frozenset({"cut", "hit", "set", "put", "shut", "quit", "cast", "split", "bid"})
_OBJECT_OF_PAST = frozenset({"rates", "rate", "interest", "its", "their", "the", "a", "by", "to"})
_UNDOING = frozenset(
    conjugate(verb).third
    for verb in ("lift", "end", "scrap", "drop", "ease", "remove", "suspend", "repeal", "halt")
)
_ASPECTUAL = frozenset(
    form
    for verb in ("begin", "start", "resume", "finish", "complete", "commence")
    for form in (conjugate(verb).third, conjugate(verb).past, conjugate(verb).participle)
)
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "first", "record"})


def _object_follows(toks: Tokens, at: int) -> bool:
    """A determiner, a name or a figure just after a bare verb: its object."""
    if at >= len(toks.words):
        return False
    word = toks.words[at]
    return word in _DETERMINERS or toks.capitalised(at) or word[:1].isdigit()


# "Finland becomes NATO's 31st member", "Sunak becomes prime minister": a new standing.
_BECOME = frozenset({"becomes", "became", "become"})
_STANDINGS = frozenset(
    {"member", "prime", "president", "chancellor", "premier", "speaker", "leader", "king",
     "queen", "pope", "ceo", "governor", "mayor", "monarch", "head", "champion", "champions"}
)  # fmt: skip
_STANDING_FAMILIES = frozenset({"join", "inaugurate", "election"})


def _became(toks: Tokens) -> list[tuple[str, float, str, int]]:
    """ "X becomes (the/NATO's 31st) member": reported, unless planned ("to become")."""
    out = []
    for pos, word in enumerate(toks.words):
        if word not in _BECOME:
            continue
        rest = toks.words[pos + 1 : pos + 6]
        at = next((i for i, w in enumerate(rest) if w in _STANDINGS), -1)
        if at < 0 or "to" in rest[at + 1 : at + 3]:
            continue  # "becomes the first prime minister to visit": a record, not a standing
        if word == "become" and not (pos and toks.words[pos - 1] in {"has", "have", "had"}):
            continue
        if _planned(toks.words[max(0, pos - 4) : pos], 3):
            out.append((SIGNAL, 0.5, "signal:plan become", pos))
        else:
            out.append((REPORT, 0.95, "report:became", pos))
    return out


# "Holmes gets 11 years", "handed life sentence": a term given is a sentencing reported.
_GIVEN = frozenset({"gets", "got", "given", "handed", "receives", "received", "serve", "jailed"})
_TERMS = frozenset({"years", "year", "months", "life", "decades"})


def _term_given(toks: Tokens) -> list[tuple[str, float, str, int]]:
    for pos, word in enumerate(toks.words):
        if word in _GIVEN and _TERMS & set(toks.words[pos + 1 : pos + 4]):
            if _planned(toks.words[max(0, pos - 4) : pos], 3) or "faces" in toks.words[:pos]:
                return [(SIGNAL, 0.5, f"signal:plan {word}", pos)]
            return [(REPORT, 0.9, f"report:term {word}", pos)]
    return []


def _not_plural(word: str) -> bool:
    """Words in -s that are no plural subject ("progress", "status", "analysis", "politics")."""
    return word.endswith(("ss", "us", "is", "ics"))


# Words that put what follows ahead: "to raise Taiwan at the meeting", "will speak at".
_AHEAD = frozenset({"to", "will", "would", "could", "may", "might", "shall", "ahead", "before"})
_EXTENDED = frozenset({"extend", "extends", "extended", "extending", "extension"})


# Nouns of a plan just before the event's noun: the event is still ahead.
_PLAN_NOUNS = frozenset(
    {"plan", "plans", "date", "dates", "timeline", "schedule", "details", "preparations"}
)


# A deal that "ends" was called off, not completed ("the end of a merger").
_DEALS = frozenset({"acquire", "sign"})
_ENDINGS = frozenset({"end", "ends", "ended"})


def _noun_tense(
    toks: Tokens, pos: int, trig: Trigger, future: bool, family: str = ""
) -> tuple[str, float, str]:
    name = " ".join(trig.words)
    before = toks.words[max(0, pos - 4) : pos]
    if future or _planned(toks.words[max(0, pos - 5) : pos], 4):
        return SIGNAL, 0.4, f"signal:planned {name}"
    if any(w in _PLAN_WORDS for w in toks.words[:pos]):
        # "are expected to hold talks during the APEC summit": the summit is still ahead.
        return SIGNAL, 0.4, f"signal:planned {name}"
    if any(w in _PLAN_NOUNS for w in before[-3:]):
        # "gives timeline for reopening", "sets date for summit", "unveils plans for visit".
        return SIGNAL, 0.4, f"signal:planned {name}"
    if (
        trig.words == ("debut",)
        and "in" in before[-3:]
        and not any(w in _AHEAD for w in toks.words[:pos])
    ):
        # "Arm shares jump 25% in Nasdaq debut": what happened in the debut.
        return REPORT, 0.8, f"report:in {name}"
    if (
        family in _GATHERINGS
        and "at" in before[-3:]
        and not any(w in _AHEAD for w in toks.words[:pos])
    ):
        # "Biden and Xi offer hope at Woodside meeting": what was said at the meeting.
        return REPORT, 0.8, f"report:at {name}"
    near = toks.words[max(0, pos - 5) : pos + len(trig.words) + 3]
    verbs = _NOUN_VERBS - _ENDINGS if family in _DEALS else _NOUN_VERBS
    on_hold = any(abs(p - pos) <= 5 for p in toks.find(("on", "hold")))  # "put on hold"
    start = _modified_from(toks, pos)
    end = _placed_until(toks, pos + len(trig.words))
    # The verb beside the noun must itself be done: "acquisition unlikely to close" is not.
    # Modifiers before the noun ("concluded his three-day China trip") and its place after it
    # ("visit to North Korea ends") stand between them.
    done = [
        i
        for i in (*range(max(0, min(start - 1, pos - 4)), pos), *range(end, end + 3))
        if i < len(toks.words)
        and toks.words[i] in verbs
        and not (i and toks.words[i - 1] in SIGNAL_BEFORE)
    ]
    if done and not any(w in _NEGATION for w in near) and not on_hold:
        # The verb governing the noun itself, past only its modifiers or its place ("hold first
        # summit", "summit in Jakarta ends"), reports as surely as "are meeting"; a verb further
        # off less so. Not a visit: "has begun a visit to China" stays short of proving Beijing.
        governs = family != "visit" and any(i == start - 1 or i == end for i in done)
        return REPORT, (0.9 if governs else 0.85), f"report:noun {name}"
    after = toks.words[pos + len(trig.words) : pos + len(trig.words) + 3]
    if family == "earnings" and _MOVES & set(after) and not any(w in _PLAN_WORDS for w in near):
        # "profit jumps sevenfold", "revenue triples": results out.
        return REPORT, 0.85, f"report:noun {name} moved"
    if (
        any(w in _DONE_STATE for w in after)
        and not any(w in _NEGATION or w in _PLAN_WORDS for w in near)
        and not on_hold
    ):
        # "Microsoft's Activision purchase is done", "the merger is now complete".
        return REPORT, 0.85, f"report:noun {name} done"
    if (
        _possessed(toks, pos)
        and end < len(toks.words)
        and _headline_verb(toks.words[end])
        and not any(
            w in _NEGATION or w in _PLAN_WORDS or w in SIGNAL_BEFORE
            for w in toks.words[max(0, pos - 5) : pos]
        )
        # After its verb, "to" is a direction ("takes rates to record"); other plan words are not.
        and not any(
            w in _NEGATION or w in _PLAN_WORDS or (w in SIGNAL_BEFORE and w != "to")
            for w in toks.words[end:]
        )
    ):
        # "Modi's visit to Moscow draws criticism", "Xi's state visit rattles Washington":
        # the named person's event, followed by what it does, is under way or done.
        return REPORT, 0.8, f"report:possessive {name}"
    if family in _GATHERINGS and _on_the_event(toks, pos):
        # "Scholz on first visit to China": the headline's way of saying it is under way.
        return REPORT, 0.8, f"report:on {name}"
    for prep in _NOUN_PREPS:
        for p in toks.find(prep, max(0, pos - 6)):
            if p < pos:
                return REPORT, 0.8, f"report:after {name}"
    return "", 0.0, ""


# How reported figures move: said of results that are out.
_MOVES = frozenset(
    form
    for verb in ("jump", "rise", "fall", "surge", "soar", "slump", "drop", "triple", "double",
                 "climb", "slide", "plunge", "beat", "top", "miss", "grow", "shrink", "swell")
    for form in (conjugate(verb).third, conjugate(verb).past)
)  # fmt: skip


def _modified_from(toks: Tokens, pos: int) -> int:
    """Where the modifiers before an event noun start: "his three-day China trip"."""
    i = pos
    while (
        i > 0
        and pos - i < 5
        and (toks.words[i - 1] in _ON_MODIFIERS or toks.capitalised(i - 1))
        and toks.words[i - 1] not in _NOUN_VERBS
    ):
        i -= 1
    return i


def _placed_until(toks: Tokens, at: int) -> int:
    """Past the event noun's place: "visit (to North Korea) ends", "summit (in Jakarta)"."""
    if at >= len(toks.words) - 1 or toks.words[at] not in {"to", "in"}:
        return at
    titled = title_case(toks)
    if name_like(toks, at + 1, titled):
        at += 1
        while at < len(toks.words) and name_like(toks, at, titled):
            at += 1
    return at


def _possessed(toks: Tokens, pos: int) -> bool:
    """A name's possessive before the event noun, past up to three modifiers: "Xi's (state)
    visit", "ECB's ninth straight hike", "Fed's half-point cut"."""
    i = pos - 1
    while (
        i > 0
        and pos - i <= 3
        and not toks.original[i].endswith(("'s", "’s"))
        and (toks.words[i] in _ON_MODIFIERS or not toks.capitalised(i))
        and toks.words[i] not in SIGNAL_BEFORE
        and toks.words[i] not in _NEGATION
    ):
        i -= 1
    return i >= 0 and toks.capitalised(i) and toks.original[i].endswith(("'s", "’s"))


# Nouns that follow an event's noun as one phrase about its prospects ("rate cut bets").
_OUTLOOK = frozenset(
    {"bets", "odds", "fears", "worries", "calls", "doubts", "chances", "talks", "hopes",
     "expectations", "rumors", "rumours", "plans", "costs", "demands", "concerns", "risks",
     "questions", "signals", "needs", "looms", "nears", "approaches"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def _headline_verb(word: str) -> bool:
    """A verb in the headline present or past ("draws", "sparked"): no be, no plan word, no
    cancellation."""
    if word in _BE or word in COUNTER_VERB_WORDS or not word.endswith(("s", "ed")):
        return False
    if word in _OUTLOOK:
        return False  # "Fed's rate cut bets rise": a noun of the event still ahead
    return any(lemma != word for lemma in getAllLemmas(word).get("VERB", ()))


# Words that say an event named just before is over: "the deal is done", "merger complete".
_DONE_STATE = frozenset(
    {"done", "complete", "completed", "official", "finalised", "finalized", "underway"}
)
# What may stand between "on" and the event's noun in "on (his) first state visit".
_ON_MODIFIERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "first", "second", "third", "maiden",
     "official", "state", "historic", "rare", "surprise", "working", "landmark", "long-awaited",
     "unannounced", "whirlwind", "bilateral", "diplomatic", "two", "three", "four", "five",
     "six", "day", "days", "week", "long", "high", "stakes", "awaited"}
)  # fmt: skip


def _on_the_event(toks: Tokens, pos: int) -> bool:
    """ "<Name> on (a, his first, a two-day, a China) visit": "on" just after a name or
    "is/was", with only modifiers between it and the event's noun."""
    i = pos - 1
    while (
        i > 0
        and pos - i <= 4
        and toks.words[i] != "on"
        and (toks.words[i] in _ON_MODIFIERS or toks.capitalised(i))
    ):
        i -= 1
    if i < 1 or toks.words[i] != "on":
        return False
    prev = i - 1
    if toks.words[prev] in {"is", "was", "are", "were", "while"}:
        return True
    # A name, not a headline's first word ("Reflections on the visit"), nor a place ("signs
    # decree in Paris on Berlin visit": a decree about the visit).
    if prev > 0 and toks.words[prev - 1] in {"in", "at", "from"}:
        return False
    return toks.capitalised(prev) and (prev > 0 or not getAllLemmas(toks.words[prev]))


def _resolve_clause(
    hits: list[tuple[str, float, str, int]],
) -> list[tuple[str, float, str, int]]:
    """One clause that both reports and calls off: the word that comes first governs.

    "Yellen cancels Beijing visit": the cancellation governs the visit. "Blinken met Qin after a
    February visit was cancelled": the report comes first; the cancellation is of another plan.
    """
    reports = [h[3] for h in hits if h[0] == REPORT]
    counters = [h[3] for h in hits if h[0] == COUNTER]
    if reports and counters:
        drop = REPORT if min(counters) < min(reports) else COUNTER
        hits = [h for h in hits if h[0] != drop]
    return hits


# Postponed or called off in Spanish, Italian, Portuguese or French next to the claim's own
# names ("rinviata a settembre 2025 la missione Artemis 2"): the event's noun is foreign too.
# Not "reporte", also Spanish for a report.
_FOREIGN_COUNTERS = frozenset((*FOREIGN_PUT_OFF, *FOREIGN_CALLED_OFF)) - {"reporte"}


@lru_cache(maxsize=4096)
def find_counters(item_text: str, title: str, near: frozenset[str]) -> tuple[Finding, ...]:
    """Cancellation verbs close to a word of the claim's subject (stems in ``near``), for
    claims whose event words the item does not use: "Apple cancels electric car project"."""
    if not (tokenize(item_text).vocabulary & _COUNTERS_BY_FIRST.keys()):
        return ()  # no cancellation word at all (most items)
    title_clauses = set(clauses(title)) if title else set()
    out: list[Finding] = []
    for clause in clauses(item_text):
        toks = tokenize(clause)
        for words, weight, verb in _counters_in(toks):
            if verb in COUNTER_PHRASES and verb not in _FOREIGN_COUNTERS:
                continue
            # A foreign sentence may put the date between ("rinviata a settembre 2025 la
            # missione Artemis 2"): its own words, so a wider reach.
            reach = 8 if verb in _FOREIGN_COUNTERS else 4
            for pos in toks.find(words):
                window = toks.words[max(0, pos - reach) : pos + len(words) + reach]
                if not any(stem(w) in near for w in window):
                    continue
                before = toks.words[max(0, pos - 3) : pos]
                if any(w in _NOT_HAPPENING for w in before):
                    continue
                planned = any(w in SIGNAL_BEFORE for w in before)
                why = f"counter{'-plan' if planned else ''}:{verb}"
                out.append(Finding(COUNTER, weight, why, clause, clause in title_clauses))
                break
    return tuple(out)
