"""Whether a reporting clause is about this claim's event: its subject before the verb, every
party named, the office-holder ousted, no other party, and names the claim's own."""

from __future__ import annotations

from forecasts.evidence.actors import countries_in, match_actor, match_country, name_in, wide_match
from forecasts.evidence.event_words import (
    _CONTESTS,
    _NOT_OBJECTS,
    _STOP_PROPER,
    _SUBJECT_FAMILIES,
    _objects_named,
    _proper,
    _stems,
    names_of,
)
from forecasts.evidence.events import Finding
from forecasts.evidence.judgement import PreparedClaim
from forecasts.evidence.places import cities_in
from forecasts.evidence.text import Tokens, name_like, phrase, title_case, tokenize

_OUSTED = frozenset(
    form
    for verb in ("oust", "replace", "succeed", "fire", "sack")
    for form in (verb, f"{verb}s", f"{verb}d", f"{verb}ed", f"{verb}ing", f"{verb[:-1]}ing")
)


def _ousted_named(pc: PreparedClaim, f: Finding) -> bool:
    toks = tokenize(f.clause)
    if f.pos < 0 or toks.words[f.pos] not in _OUSTED:
        return True
    after = Tokens(toks.words[f.pos + 1 : f.pos + 5], toks.original[f.pos + 1 : f.pos + 5])
    return bool(match_actor(pc.actors[0], after))


def _right_subject_and_place(pc: PreparedClaim, f: Finding) -> bool:
    """'ECB cuts rates as Fed holds' is no Fed cut; 'Modi lands in New York ahead of
    Washington visit' is no arrival in Washington; 'Stone wins' is no win for Gladstone."""
    if f.pos < 0:
        return True
    toks = tokenize(f.clause)
    contest = pc.family in _CONTESTS and any(a.person for a in pc.actors)
    if pc.family in _SUBJECT_FAMILIES or contest:
        # In a contest the winner may stand anywhere before the verb ("Emma Stone gets her
        # biggest win of the season, bags the Oscar").
        lo = 0 if contest else max(0, f.pos - 6)
        names = [
            i
            for i in range(lo, f.pos)
            if toks.capitalised(i)
            and (i > 0 or toks.original[i].isupper() or (contest and _proper(toks.words[i])))
        ]
        if (
            names
            and contest
            and toks.words[f.pos] in {"elects", "elected"}
            and match_actor(
                pc.actors[0],
                Tokens(toks.words[f.pos + 1 : f.pos + 4], toks.original[f.pos + 1 : f.pos + 4]),
            )
        ):
            return True  # "parliament elects Ishiba": the elected follows the verb
        if names:
            window = Tokens(toks.words[lo : f.pos], toks.original[lo : f.pos])
            # The subject may be the actor or the thing the claim is about ("Wegovy launches");
            # in a claimed win, only the claimed winner ("Massa wins against Milei" is not
            # Milei's win).
            subjects = pc.actors[:1] if pc.winner else pc.actors
            # The body's country stands for it as the subject ("Bank of Japan scraps radical
            # policy, makes first rate hike": "Japan" is nearest the verb).
            by_country = any(match_country(a, window) for a in subjects)
            if (
                not by_country
                and not any(match_actor(a, window) for a in subjects)
                and not any(o in window for o in pc.objects)
            ):
                return False
    if pc.places and pc.family in {"visit", "attend"}:
        after = toks.words[f.pos + 1 : f.pos + 5]
        if after and after[0] in {"in", "at", "to"}:
            rest = Tokens(toks.words[f.pos + 2 : f.pos + 6], toks.original[f.pos + 2 : f.pos + 6])
            ours = any(name_in(rest, p) for p in (*pc.places, *pc.region))
            theirs = countries_in(rest) | {
                c for c in cities_in(rest) if rest.find(phrase(c))[0] == 0
            }
            if theirs and not ours:
                return False
    return True


def _all_named(pc: PreparedClaim, finding: Finding) -> bool:
    """Every party named in the reporting sentence, and for a meeting close to its verb:
    "Biden meets China's Wang Yi as sides work toward Xi summit" is no Biden-Xi meeting."""
    toks = _without_relations(tokenize(finding.clause))
    if not all(match_actor(a, toks) > 0 for a in pc.actors):
        return False
    if pc.family != "meet" or finding.pos < 0 or finding.why.startswith("report:at "):
        return True  # "X and Y offer hope at Woodside meeting": the clause's subjects met
    if set(toks.words[max(0, finding.pos - 3) : finding.pos]) & _BOTH_PARTIES:
        # "Biden and Xi reached agreements ... when they met": the pronoun is both parties.
        return True
    lo, hi = max(0, finding.pos - 8), finding.pos + 7
    near = Tokens(toks.words[lo:hi], toks.original[lo:hi])
    return all(match_actor(a, near) > 0 for a in pc.actors)


# People who act for someone named just before them: "Kim Jong Un's sister meets Putin aide"
# is no meeting of Kim and Putin.
_RELATIONS = frozenset(
    {"aide", "aides", "envoy", "envoys", "spokesman", "spokeswoman", "spokesperson", "sister",
     "brother", "wife", "husband", "son", "daughter", "adviser", "advisers", "advisor",
     "advisors", "deputy", "deputies", "emissary", "lawyer", "lawyers", "ally", "allies",
     "officials", "official", "delegation", "representative", "representatives", "camp",
     "negotiator", "negotiators", "counterpart"}
)  # fmt: skip


def _without_relations(toks: Tokens) -> Tokens:
    """The clause less every name that only qualifies who acted ("Putin aide")."""
    if not (toks.vocabulary & _RELATIONS):
        return toks
    drop: set[int] = set()
    titled = title_case(toks)
    for i, word in enumerate(toks.words):
        # (In a Title Case headline only names no dictionary knows: "Putin Aide".)
        if word in _RELATIONS and i and name_like(toks, i - 1, titled):
            j = i - 1
            while j >= 0 and name_like(toks, j, titled):
                drop.add(j)
                j -= 1
    if not drop:
        return toks
    kept = [i for i in range(len(toks.words)) if i not in drop]
    return Tokens(tuple(toks.words[i] for i in kept), tuple(toks.original[i] for i in kept))


_BOTH_PARTIES = frozenset({"they", "both", "two", "leaders", "pair"})


def _other_names(pc: PreparedClaim, toks: Tokens) -> bool:
    """Whether the item names something of its own: a capitalised word no dictionary knows
    that is none of the claim's actors, places or objects ("Starlink", "Peregrine")."""
    ours = names_of(pc.actors) | set(pc.objects) | {w for p in pc.places for w in p}
    return any(
        toks.capitalised(i) and w not in ours and _proper(w) and w not in _NOT_OBJECTS
        for i, w in enumerate(toks.words)
    )


def _specific(pc: PreparedClaim, toks: Tokens, strengths: list[float], place_score: float) -> bool:
    """An item that names the claim's actors only by wide names (see ``wide_match``) is
    about this event only if it shares what else the claim names: its subject, its own names
    or its place. Claims that name nothing else are judged as before."""
    named = [a for a, s in zip(pc.actors, strengths, strict=True) if s]
    if not named or not all(wide_match(a, toks) for a in named):
        return True
    if not (pc.subject or pc.objects or pc.places):
        return True
    return bool(
        (pc.subject & _stems(toks))
        or (pc.objects and _objects_named(pc.objects, " ".join(toks.original), toks))
        or (pc.places and place_score == 1.0)
    )


# Acts whose other party is their object (what is bought); in other events a name after the
# verb is as often a prize, a category, a place, a model ("unveils new iPad Pro") or a crew
# ("lifts off with Isaacman").
_OBJECT_PARTY = frozenset({"acquire"})


def _other_party(pc: PreparedClaim, f: Finding) -> bool:
    """A name just after the reporting word that is none of the claim's actors, places or
    objects: the act was done with someone else ("completes acquisition of Nuance")."""
    if f.pos < 0 or pc.family not in _OBJECT_PARTY:
        return False
    toks = tokenize(f.clause)
    ours = names_of(pc.actors) | set(pc.objects) | {w for p in (*pc.places, *pc.region) for w in p}
    for i in range(f.pos + 1, min(len(toks.words), f.pos + 5)):
        word = toks.words[i]
        if not toks.capitalised(i) or word in _STOP_PROPER or word in _NOT_OBJECTS:
            continue
        alone = Tokens((word,), (toks.original[i],))
        return not (word in ours or any(match_actor(a, alone) for a in pc.actors))
    return False
