"""Contests (wins and elections): who won, a rival's win or loss, a nomination or a stage short
of the outcome."""

from __future__ import annotations

from forecasts.evidence.actors import countries_in, match_actor
from forecasts.evidence.event_words import _NOT_OBJECTS, _STOP_PROPER, _proper, _says_win, _stems
from forecasts.evidence.events import COUNTER, REPORT, Finding, find_mentions
from forecasts.evidence.judgement import COUNTER_KIND, Judgement, PreparedClaim
from forecasts.evidence.lexicon import BEATEN_BY, LOST
from forecasts.evidence.text import Tokens, tokenize


def _claims_first_wins(pc: PreparedClaim) -> bool:
    """A claim that its first actor wins a contest (a team as well as a person): the rivals
    need not be named in the report of the win ("Man City win Champions League")."""
    return pc.family == "win" and (pc.winner or _says_win(pc.facts.statement or pc.facts.claim))


_NOMINATION = frozenset(
    {"nomination", "nominations", "nominated", "nominee", "nominees", "shortlist", "shortlisted"}
)
_NOMINATION_STEMS = frozenset({"nomin", "short"})


def _rival_subject(pc: PreparedClaim, f: Finding) -> bool:
    """The name just before the reporting word is a person other than the claim's actors."""
    if f.pos < 0 or not any(a.person for a in pc.actors):
        return False
    toks = tokenize(f.clause)
    lo = 0
    window = Tokens(toks.words[lo : f.pos], toks.original[lo : f.pos])
    if pc.winner:
        if match_actor(pc.actors[0], window):
            return False
        if any(match_actor(a, window) for a in pc.actors[1:]):
            return True  # the claimed rival won
    elif any(match_actor(a, window) for a in pc.actors):
        return False
    names = [
        i
        for i in range(lo, f.pos)
        if toks.capitalised(i)
        and toks.words[i] not in _NOT_OBJECTS
        and toks.words[i] not in _STOP_PROPER
        and not countries_in(Tokens((toks.words[i],), (toks.original[i],)))
    ]
    return bool(names)


# Stages short of a contest's outcome: a first-round or primary win is not the win.
_STAGES = frozenset(
    {"semi-final", "semi-finals", "quarter-final", "quarter-finals", "semi", "group", "last-16",
     "first", "round", "primary", "primaries", "semifinal", "semifinals", "quarterfinal",
     "qualifier", "qualifying", "heat", "leg", "stage", "nomination", "nominations", "exit",
     "poll", "polls", "projected", "projection", "leads", "leading", "ahead"}
)  # fmt: skip


def _rival_winner(pc: PreparedClaim, text: str, title: str, toks: Tokens) -> Judgement | None:
    """Another person's reported win of the claimed contest ("Massa wins Argentina election"
    against "Milei will win"), in an item that names none of the claim's actors."""
    if not (pc.contest & _stems(toks)):
        return None
    claimed = set(tokenize(f"{pc.facts.claim} {pc.facts.event}").words)
    for f in find_mentions(text, title, pc.family):
        if f.kind != REPORT or f.pos <= 0:
            continue
        clause = tokenize(f.clause)
        if (_STAGES - claimed) & set(clause.words):
            continue
        subject = [
            i
            for i in range(f.pos)
            if clause.capitalised(i)
            and _proper(clause.words[i])
            and not countries_in(Tokens((clause.words[i],), (clause.original[i],)))
        ]
        if subject and subject[-1] >= f.pos - 3:
            return Judgement(COUNTER_KIND, 0.8, "counter:rival winner", None)
    return None


def _lost(pc: PreparedClaim, toks: Tokens) -> Finding | None:
    """A contest the claim's actor lost: "Spain beat England", "England lost to Spain". In a
    claimed win, the rival conceding or losing reports the win ("Massa concedes to Milei")."""
    for n, actor in enumerate(pc.actors):
        names = [*actor.phrases, *actor.surnames]
        for name in names:
            for pos in toks.find(name):
                before = toks.words[max(0, pos - 3) : pos]
                after = toks.words[pos + len(name) : pos + len(name) + 3]
                if any(" ".join(before).endswith(b) for b in BEATEN_BY) or any(
                    " ".join(after).startswith(word) for word in LOST
                ):
                    clause = " ".join(toks.words)
                    if pc.winner and n > 0:
                        if match_actor(pc.actors[0], toks) == 0.0:
                            continue
                        return Finding(REPORT, 0.85, "report:rival lost", clause, True)
                    return Finding(COUNTER, 0.9, "counter:lost", clause, True)
    return None
