"""Where the event was: the place check, and headline shorthand that puts the actor in the
claim's place ("Modi in US", "Lula signs 15 deals with Xi in Beijing", "In Beijing, Scholz ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.evidence.actors import countries_in, match_actor, name_in
from forecasts.evidence.events import REPORT, Finding
from forecasts.evidence.judgement import PreparedClaim
from forecasts.evidence.lexicon import SIGNAL_BEFORE
from forecasts.evidence.places import cities_in, named_as_place
from forecasts.evidence.text import Tokens, fold, name_like, title_case, tokenize

# A report that names the country around the claim's city ("wraps up China visit" for a
# visit to Beijing): weaker than the city, not decisive alone for a report in other words.
REGION_SCORE = 0.9


def _place(pc: PreparedClaim, toks: Tokens) -> tuple[float, str]:
    """1.0 the claim's place is named; 0.85 its country; 0.75 no place; 0 another place."""
    if not pc.places:
        return 1.0, ""
    if any(name_in(toks, p) for p in pc.places):
        return 1.0, "+place"
    named = countries_in(toks)
    named |= cities_in(toks)
    ours = {" ".join(p) for p in (*pc.places, *pc.region)}
    others = {n for n in named if n not in ours}
    if others and named_as_place(toks, others):
        return 0.0, "other_place"
    if any(name_in(toks, p) for p in pc.region):
        return REGION_SCORE, "+region"
    return 0.75, "+no_place"


# After a name in a headline, the words that put the person somewhere: "Modi in US",
# "Yellen in China for talks", "PM Modi at White House".
_AT_PLACE = frozenset({"in", "at"})


def _headline_in(pc: PreparedClaim, title: str) -> list[Finding]:
    """Headline shorthand for a visit under way: "<actor> in <place>" with a capitalised place
    (the claim's, or one the place check then weighs), no plan or future word before it."""
    toks = tokenize(title)
    actor = pc.actors[0]
    if match_actor(actor, toks) == 0.0:
        return []
    names = [*actor.phrases, *actor.surnames]
    for name in names:
        for pos in toks.find(name):
            end = pos + len(name)
            if toks.words[end : end + 1] in (("was",), ("is",)):
                end += 1  # "Biden was in Kyiv on Monday"
            if end + 1 >= len(toks.words) or toks.words[end] not in _AT_PLACE:
                continue
            if not toks.capitalised(end + 1):
                continue
            before = toks.words[:pos]
            if any(w in SIGNAL_BEFORE for w in before[-3:]):
                continue
            clause = title
            return [Finding(REPORT, 0.85, "report:headline in", clause, True, end)]
    # A title the claim gives its actor may open the headline too ("Pontiff celebrates Mass
    # in Ulaanbaatar", "US top diplomat signs pact in Manila").
    titles = [p for role in actor.roles if not role.generic for p in role.phrases]
    done_there = _done_there(pc, toks, [*names, *titles])
    if done_there >= 0:
        return [Finding(REPORT, 0.85, "report:done there", title, True, done_there)]
    fronted = _FRONTED_PLACE.match(fold(title))
    if fronted and not (set(toks.words) & (SIGNAL_BEFORE | _FUTURE_HINTS)):
        # "In Beijing, Scholz presses Xi on Ukraine": the dateline of a report from there.
        rest = tokenize(title[fronted.end() :])
        if match_actor(actor, rest):
            return [Finding(REPORT, 0.85, "report:headline in", title, True)]
    return []


# Verbs of an act done where it is signed: its object may be long ("sign mutual defence pact
# in Pyongyang"). Other verbs put the actor in the place only when "in" follows the verb or the
# names it governs ("tells Xi in Beijing"): "condemns crackdown in Hong Kong" is said from afar.
_SIGNING = frozenset(
    form for verb in ("sign", "ink", "seal") for form in (verb, f"{verb}s", f"{verb}ed")
)


def _done_there(pc: PreparedClaim, toks: Tokens, names: list[tuple[str, ...]]) -> int:
    """ "Lula signs 15 deals with Xi in Beijing", "Albanese tells Xi in Beijing ...", "Meloni
    pledges support for Ukraine at White House": the actor, subject of a verb done in the
    headline, and the claim's own place (not its country) after "in" or "at". The position of
    the verb, else -1."""
    if not pc.places or not any(place[0] in toks.vocabulary for place in pc.places):
        return -1  # the claim's own place is nowhere in the headline
    titled = title_case(toks)
    for name in names:
        for pos in toks.find(name):
            if pos > 2:
                continue  # the subject opens the headline
            at = pos + len(name)
            plural = False
            j = at
            while (
                j < len(toks.words)
                and j - pos < 8
                and (toks.words[j] == "and" or name_like(toks, j, titled))
            ):
                j += 1
            if "and" in toks.words[at:j]:
                at, plural = j, True  # "Putin and Kim sign", "Biden, Albanese and Sunak unveil"
            elif toks.words[at : at + 1] and toks.words[at] in _MEMBERS:
                at += 1  # "G20 leaders adopt"
                plural = True
            if at + 1 >= len(toks.words) or not _done_verb(toks.words[at], plural):
                continue
            if toks.words[at] in SIGNAL_BEFORE and toks.words[at + 1] == "to":
                continue  # "vows to raise rights in Beijing"
            if any(w in SIGNAL_BEFORE or w in _FUTURE_HINTS for w in toks.words[:at]):
                continue
            for p in range(at + 1, min(len(toks.words) - 1, at + 9)):
                word = toks.words[p]
                if word in SIGNAL_BEFORE or word in _FUTURE_HINTS or word in {"that", "who"}:
                    break
                if word not in _AT_PLACE:
                    continue
                rest = Tokens(toks.words[p + 1 : p + 5], toks.original[p + 1 : p + 5])
                if not any(rest.find(place)[:1] == [0] for place in pc.places):
                    continue
                between = range(at + 1, p)
                if (
                    toks.words[at] in _SIGNING
                    or (plural and toks.words[at] in _JOINT)
                    or word == "at"
                    or all(
                        name_like(toks, i, titled) or toks.words[i] in _ADDRESSED for i in between
                    )
                ):
                    return at
    return -1


# Acts several parties do together where they meet: "G20 leaders adopt declaration in New
# Delhi", "Biden, Albanese and Sunak unveil submarine deal in San Diego".
_JOINT = frozenset(
    form
    for verb in ("adopt", "unveil", "agree", "reach", "issue", "announce", "launch", "strike")
    for form in (verb, f"{verb}s", f"{verb}d", f"{verb}ed", "struck")
)


# Bodies addressed where they sit ("tells Congress in Washington"), dictionary words though.
_ADDRESSED = frozenset({"congress", "parliament", "senate", "assembly", "lawmakers"})


# Who acts for a body named just before them: "G20 leaders adopt declaration".
_MEMBERS = frozenset({"leaders", "ministers", "members", "delegates", "envoys", "negotiators"})


# Plan words that are also acts said somewhere ("pledges support at White House").
_SAID = frozenset({"pledges", "pledged", "vows", "vowed", "promises", "promised", "offers",
                   "offered", "agrees", "agreed"})  # fmt: skip


@lru_cache(maxsize=4096)
def _done_verb(word: str, plural: bool) -> bool:
    """A verb in the headline present or the past ("signs", "told"), or a plural subject's
    bare verb ("sign"); never a plan word or a form of "be"."""
    if word in {"is", "are", "was", "were", "has", "have", "had"}:
        return False
    if word in SIGNAL_BEFORE and word not in _SAID:
        return False
    lemmas = getAllLemmas(word).get("VERB", ())
    if not lemmas:
        return False
    return plural or any(lemma != word for lemma in lemmas)


_FRONTED_PLACE = re.compile(r"In (?:[A-Z][\w'.-]*\s?)+, ")
_FUTURE_HINTS = frozenset({"next", "tomorrow", "upcoming", "ahead"})
