"""The judge: does this news item show that this claim came true, was called off, or neither?

``judge(claim, item)`` is a pure function over plain data. An item is evidence of fulfilment
only when it names every actor of the claim, reports the claimed kind of event as having
happened (not planned), names the claim's place when it gives one (another place disqualifies),
and falls inside the claim's window, never before its reference date. Plans and announcements
are signals; cancellations, postponements, refusals and denials are counter-evidence. A negated
claim ("Xi will not attend") is judged the other way round: the event happening counts against
it, the event being called off counts for it.
"""

from __future__ import annotations

from datetime import date, timedelta

from forecasts.evidence.actors import ROLE, match_actor, match_country, name_in
from forecasts.evidence.contests import (
    _NOMINATION,
    _NOMINATION_STEMS,
    _STAGES,
    _claims_first_wins,
    _lost,
    _rival_subject,
    _rival_winner,
)
from forecasts.evidence.counter_evidence import (
    _GATHERINGS_OF_ONE,
    _PUT_OFF,
    SHORT_WINDOW_DAYS,
    _stood_in_for,
)
from forecasts.evidence.dates import (
    LATE_REPORT_DAYS,
    REPORT_LAG_DAYS,
    beyond_window,
    dated,
    earlier_year,
    event_day,
    last_report_day,
)
from forecasts.evidence.derive import _derive
from forecasts.evidence.event_words import (
    _BY_COUNTRY,
    _CONTESTS,
    _SUBJECT_FAMILIES,
    _is_country,
    _objects_named,
    _stems,
    _what_of,
)
from forecasts.evidence.events import (
    COUNTER,
    COUNTER_VERB_WORDS,
    REPORT,
    SIGNAL,
    Finding,
    find_counters,
    find_mentions,
)
from forecasts.evidence.judgement import (
    COUNTER_KIND,
    DECISIVE_COUNTER,
    DECISIVE_FULFILMENT,
    FULFILMENT,
    NONE,
    SIGNAL_KIND,
    ClaimFacts,
    ItemFacts,
    Judgement,
    PreparedClaim,
)
from forecasts.evidence.lexicon import FAMILIES
from forecasts.evidence.place_check import _done_there, _headline_in, _place
from forecasts.evidence.report_checks import (
    _all_named,
    _other_names,
    _other_party,
    _ousted_named,
    _right_subject_and_place,
    _specific,
)
from forecasts.evidence.text import fold, phrase, tokenize

# Events that need every named party.
_ALL_PARTIES = frozenset({"meet", "sign", "join", "win", "resign", "announce"})
# Events one person does somewhere: the claim's first actor must be named; the others are
# usually hosts ("Modi's state visit, hosted by Biden"), whom a report may leave out.
_FIRST_PARTY = frozenset({"visit", "attend", "appear", "compete", "convict", "inaugurate"})


def prepare(claim: ClaimFacts) -> PreparedClaim:
    """Everything about a claim the judge reuses for each item. What is derived from its text
    does not depend on its dates, and is cached by text: the same wording recurs across claims
    (the same event reported by several articles) and across verification passes."""
    return PreparedClaim(
        claim,
        *_derive(
            claim.claim,
            claim.actors,
            claim.event,
            claim.event_type,
            claim.location,
            claim.sentence,
            claim.statement,
        ),
    )


# Events defined by where they happen: a report that names no place proves less.
_PLACE_BOUND = frozenset({"visit", "attend", "meet", "compete", "land", ""})


# Families whose verbs are common words ("raises", "extends", "orders"): a report needs the
# family's noun in its clause ("raises tariffs", not "raises concerns").
_NEEDS_NOUN = frozenset({"impose"})
# Verbs that are the measure itself ("FAA grounds jets", "EU bans imports").
_SELF_NAMING = frozenset(
    {"ban", "bans", "banned", "ground", "grounds", "grounded", "sanctions", "sanctioned"}
)


def judge(claim: ClaimFacts, item: ItemFacts) -> Judgement:
    """Judge one item against one claim; the rule names why."""
    return judge_prepared(prepare(claim), item)


def judge_prepared(pc: PreparedClaim, item: ItemFacts) -> Judgement:
    claim = pc.facts
    if item.published is None:
        return Judgement(NONE, 0.0, "undated")
    published = item.published.date()
    if published < claim.reference_date:
        return Judgement(NONE, 0.0, "before_reference")
    if published > last_report_day(claim.due_latest):
        return Judgement(NONE, 0.0, "after_window")
    late = published > claim.due_latest + timedelta(days=REPORT_LAG_DAYS)
    if not pc.actors:
        return Judgement(NONE, 0.0, "no_actors")
    text = f"{item.title}. {item.summary}" if item.summary else item.title
    toks = tokenize(text)
    strengths = [match_actor(a, toks) for a in pc.actors]
    if pc.family in _BY_COUNTRY and 0.0 in strengths:
        strengths = [s or match_country(a, toks) for a, s in zip(pc.actors, strengths, strict=True)]
    if (
        max(strengths) == 0.0
        and pc.marks
        and pc.family in _SUBJECT_FAMILIES
        and any(toks.capitalised(p) for m in pc.marks for p in toks.find((m,)))
    ):
        # "Starship lifts off", "Leqembi wins approval": the thing stands for its maker.
        strengths = [ROLE] * len(strengths)
    if max(strengths) == 0.0:
        if pc.contest:
            rival = _rival_winner(pc, text, item.title, toks)
            if rival is not None:
                return rival
        return Judgement(NONE, 0.0, "no_actor")
    # Personal events (a meeting, a trip, a signing, a win) need every named party; for an
    # institution's act (a rate cut, a launch, an election) one named party is enough: the
    # others are often the officials who announced it.
    if (
        min(strengths) == 0.0
        and (pc.family in _ALL_PARTIES or not pc.family)
        and not (strengths[0] and _claims_first_wins(pc))
    ):
        return Judgement(NONE, 0.0, "other_actors")
    if strengths[0] == 0.0 and pc.family in _FIRST_PARTY:
        return Judgement(NONE, 0.0, "other_actors")
    # The host is not named: then the venue the claim names must be ("visit to the White House"
    # is not proved by an arrival in Washington).
    host_missing = pc.family in _FIRST_PARTY and min(strengths) == 0.0
    if host_missing and any(
        strength == 0.0 and not actor.person and not _is_country(actor)
        for actor, strength in zip(pc.actors[1:], strengths[1:], strict=True)
    ):
        # A gathering named as an actor ("Xi" and "APEC") is the event itself: a meeting
        # with Biden near San Francisco is not attending APEC unless the item says so.
        return Judgement(NONE, 0.0, "other_event")
    actor_score = max(strengths) if min(strengths) == 0.0 else min(strengths)
    if min(strengths) == 0.0:
        actor_score *= 0.95

    family = pc.family
    findings = list(find_mentions(text, item.title, family, direction=pc.direction, extra=pc.extra))
    if family in {"visit", "attend"} and not any(f.kind == REPORT for f in findings):
        findings += _headline_in(pc, item.title)
    elif (
        family == "meet"
        and pc.places
        and not any(f.kind == REPORT for f in findings)
        and any(place[0] in toks.vocabulary for place in pc.places)
    ):
        # "Biden, Albanese and Sunak unveil submarine deal in San Diego": every party, a joint
        # act in the headline, and the meeting's own place.
        title = tokenize(item.title)
        if all(match_actor(a, title) for a in pc.actors):
            names = [*pc.actors[0].phrases, *pc.actors[0].surnames]
            at = _done_there(pc, title, names)
            if at >= 0:
                findings.append(Finding(REPORT, 0.85, "report:done there", item.title, True, at))
    implied = False
    if not any(f.kind == REPORT for f in findings) and family in FAMILIES:
        for other in FAMILIES[family].implied_by:
            more = [f for f in find_mentions(text, item.title, other) if f.kind == REPORT]
            if more:
                findings += more
                implied = True
                break
    mentioned = bool(findings)
    kept = [
        f
        for f in findings
        if f.kind != REPORT
        # "The Fed cut rates in 2020": an old event recalled, not the claimed one.
        or (_right_subject_and_place(pc, f) and not earlier_year(f.clause, claim.reference_date))
    ]
    if family in _CONTESTS and len(kept) < len(findings):
        # "Emma Stone wins best actress" against a claim that Gladstone wins: a rival outcome.
        kept += [
            Finding(COUNTER, 0.85, "counter:rival outcome", f.clause, f.in_title, f.pos)
            for f in findings
            if f not in kept and _rival_subject(pc, f)
        ][:1]
    findings = kept
    if family in _NEEDS_NOUN:
        nouns = {w for n in FAMILIES[family].nouns for w in phrase(n)}
        findings = [
            f
            for f in findings
            if f.kind != REPORT
            or nouns & set(tokenize(f.clause).words)
            or f.why.split()[-1] in _SELF_NAMING
        ]
    if family in _CONTESTS and not (pc.subject & _NOMINATION_STEMS):
        # "earns Oscar nomination", "wins Republican nomination": a step to the contest, not
        # its win (unless the claim is about the nomination itself).
        findings = [
            Finding(SIGNAL, 0.4, f.why.replace("report:", "signal:nomination "), f.clause,
                    f.in_title, f.pos)
            if f.kind == REPORT and _NOMINATION & set(tokenize(f.clause).words) else f
            for f in findings
        ]  # fmt: skip
    if family == "resign":
        # "Disney ousts Chapek", "Iger returns, replacing Chapek": done to the office-holder,
        # who must be named just after the verb ("Chapek replaces CFO" is his act).
        findings = [f for f in findings if f.kind != REPORT or _ousted_named(pc, f)]
    if family == "win" and min(strengths) == 0.0:
        # A claimed win reported without its rival: not a win at a stage short of it
        # ("England win semi-final").
        claimed = set(tokenize(f"{claim.claim} {claim.event}").words)
        findings = [
            f
            for f in findings
            if f.kind != REPORT or not ((_STAGES - claimed) & set(tokenize(f.clause).words))
        ]
    if family in {"meet", "attend"} and not pc.actors[0].person:
        # "ASEAN foreign ministers meet in Jakarta" is not the ASEAN leaders' summit: a body's
        # ministers or officials meeting is another gathering, unless the claim is theirs.
        own = set(tokenize(f"{claim.claim} {claim.event}").words)
        findings = [
            f
            for f in findings
            if f.kind != REPORT or not ((_SUBGROUPS - own) & set(tokenize(f.clause).words))
        ]
    if len(pc.actors) > 1 and family in _ALL_PARTIES and not _claims_first_wins(pc):
        # "Biden spoke with Li at the G20 summit, which Xi skipped" reports no Biden-Xi meeting:
        # the sentence that reports the event must name every party.
        findings = [f for f in findings if f.kind != REPORT or _all_named(pc, f)]
    if family in _GATHERINGS_OF_ONE and pc.actors[0].person:
        stand_in = _stood_in_for(pc, toks, text, bool(findings))
        if stand_in is not None:
            findings.append(stand_in)
    lost = _lost(pc, toks) if family in _CONTESTS else None
    if lost is not None:
        findings.append(lost)
    near = pc.subject | pc.names
    if not findings and near & _stems(toks):
        # No word of the event, but the item calls off something the claim is about, or says
        # its actor did ("Adobe terminates deal", "Luna-25 spacecraft crashes").
        findings = [
            Finding(COUNTER, f.score * 0.85, f.why + "+subject", f.clause, f.in_title)
            for f in find_counters(text, item.title, near)
        ]
    if not findings:
        # A report of the event about another subject, place or year still shows the feeds
        # cover this kind of event for these actors.
        if mentioned:
            return Judgement(NONE, 0.0, "reported_otherwise")
        # A person or an organisation named in the window (not a country, named in everything):
        # the feeds follow them, so they would have reported the event.
        named = [a for a, strength in zip(pc.actors, strengths, strict=True) if strength]
        followed = all(a.keys and not _is_country(a) for a in named)
        return Judgement(NONE, 0.0, "actor_only" if followed else "no_event")

    place_score, place_rule = _place(pc, toks)
    if (
        place_score == 0.0
        and all(f.kind == COUNTER for f in findings)
        and any(name_in(toks, p) for p in pc.region)
    ):
        # "Macron postpones Germany state visit amid riots in France": the other place is
        # where something else happens; the event is named by its own country.
        place_score, place_rule = 1.0, "+region"
    if place_score == 0.0:
        return Judgement(NONE, 0.0, place_rule)
    if implied and (place_score < 1.0 or not pc.places):
        # Talks prove a visit (or attendance) only where the claim names a place and the item
        # names the same one.
        findings = [f for f in findings if f.kind != REPORT]
        if not findings:
            return Judgement(NONE, 0.0, "implied_without_place")
    # "Xi attends BRICS summit" is not the APEC meeting; arriving in the claim's very place
    # ("Xi arrives in San Francisco") is enough, though.
    if (
        pc.objects
        and family != "rate_change"  # "FOMC", "MPC": the meeting's name, not another event
        and not _objects_named(pc.objects, text, toks)
        and (place_score < 1.0 or not pc.places or host_missing)
        # A landing by the claim's actor that names no other craft is this one: landings are
        # rare, unlike launches ("SpaceX launches Starlink" is no Starship launch).
        and not (family == "land" and not _other_names(pc, toks))
    ):
        return Judgement(NONE, 0.0, "other_event")
    kind, best = _decide(findings)
    if kind == REPORT and not _specific(pc, toks, strengths, place_score):
        # Named only by a name others share ("Japan approves ..." for the Japanese
        # government's extra budget): the event's own subject, names or place must be there.
        return Judgement(NONE, 0.0, "wide_actor")
    if kind == REPORT and min(strengths) == 0.0 and _other_party(pc, best):
        # "Microsoft completes acquisition of Nuance" for a claim about Microsoft and
        # Activision: the missing party's place is taken by another name.
        return Judgement(NONE, 0.0, "other_event")
    if kind == REPORT and pc.topic and not (_what_of(pc.topic) & _stems(toks)):
        return Judgement(NONE, 0.0, "other_subject")  # a ruling, but on another case
    if kind != REPORT:
        place_score = 1.0  # a cancellation or a plan need not repeat the place
    if best.why.split(":", 1)[-1].split("+")[0] in _PUT_OFF and (
        (claim.due_latest - published).days <= SHORT_WINDOW_DAYS
        or beyond_window(best.clause, claim.due_latest)
    ):
        # Put off with little of the window left: it cannot still happen in time.
        best = Finding(COUNTER, 0.85, best.why + "+short_window", best.clause, best.in_title)
    if best.why.startswith("counter:rate") and (claim.due_latest - published).days <= 45:
        # A hold at the window's last meeting (a month-long window: its only one) settles it.
        best = Finding(COUNTER, 0.85, best.why + "+last_meeting", best.clause, best.in_title)
    generic = 1.0
    if not family:
        # An event read by its own words: settled only by a headline that says it was done
        # ("Tesla delivers first Cybertrucks"), with every party named and its subject shared;
        # a noun or a word in the body never settles it alone.
        done = (
            best.in_title
            and best.why.startswith(("report:past", "report:present"))
            # "Vienna concerts cancelled": a cancellation in the same clause is no report.
            and not (COUNTER_VERB_WORDS & set(tokenize(best.clause).words))
        )
        # A cancellation in the headline, not announced as a plan, settles it the same way.
        called_off = best.in_title and kind == COUNTER and best.why.startswith("counter:")
        sure = min(strengths) > 0 and (bool(pc.topic) or len(pc.actors) > 1)
        generic = _GENERIC_DONE if (done or called_off) and sure else 0.7
    if place_rule == "+no_place" and (family not in _PLACE_BOUND or generic == _GENERIC_DONE):
        # "ECB cuts rates" need not say Frankfurt: an institution acts where it sits.
        place_score = 1.0
    elif (
        place_rule == "+no_place"
        and kind == REPORT
        and family in {"attend", "visit"}
        and (pc.subject - pc.names) & _stems(toks) & _stems(tokenize(best.clause))
    ):
        # "Prince Harry attends coronation": the event named by its own noun in the reporting
        # clause places it as well as a city would.
        place_score = 0.9
    elif place_rule == "+no_place" and family == "meet" and len(pc.actors) > 1 and kind == REPORT:
        # Every party named in the sentence that reports them meeting (in person: "by video"
        # is counter-evidence): the place adds little
        # ("Biden and Xi shake hands"), though a report that names it is surer.
        place_score = 0.9
    score = round(best.score * actor_score * place_score * generic * (0.9 if implied else 1.0), 3)
    rule = f"{best.why}{'+implied' if implied else ''}{place_rule}"
    scheduled = (claim.due_latest - claim.due_earliest).days <= 1
    event_date = event_day(best.clause, published, text, claim.due_latest, scheduled)
    put_past = kind == COUNTER and beyond_window(text, claim.due_latest)
    if late and not put_past and (kind != REPORT or dated(best.clause, published, text) is None):
        # Late news must date the event itself, or put it off past the window ("now
        # rescheduled for April 2026"), which says it did not happen in time.
        return Judgement(NONE, 0.0, "after_window")
    if kind == REPORT:
        outside = ""
        if event_date < claim.due_earliest or event_date < claim.reference_date:
            outside = "before_window"
        elif event_date > claim.due_latest:
            outside = "after_window"
        if outside:
            rest = [f for f in findings if f.kind != REPORT]
            if not rest:
                return Judgement(NONE, 0.0, outside, event_date)
            # The event reported is not this one; what the item says of plans still counts.
            kind, best = _decide(rest)
            score = round(best.score * actor_score * generic, 3)
            rule = f"{best.why}+{outside}_report"
    judgement = Judgement(
        {REPORT: FULFILMENT, SIGNAL: SIGNAL_KIND, COUNTER: COUNTER_KIND}[kind],
        score,
        rule,
        event_date if kind == REPORT else None,
    )
    if claim.polarity == "negative":
        return _negate(judgement, published)
    return judgement


# An event of no family reported in a headline's verb, every party named, its subject shared
# (or two parties named when it has none beyond its verb): it may settle the claim (a noun or a body's word never does, at 0.7), wherever it happened.
_GENERIC_DONE = 0.9


def _decide(findings: list[Finding]) -> tuple[str, Finding]:
    reports = [f for f in findings if f.kind == REPORT]
    counters = [f for f in findings if f.kind == COUNTER]
    signals = [f for f in findings if f.kind == SIGNAL]
    best_report = max(reports, key=lambda f: (f.in_title, f.score), default=None)
    best_counter = max(counters, key=lambda f: (f.in_title, f.score), default=None)
    if best_report and best_counter:
        # The headline decides; otherwise the stronger finding, a report weakened by the doubt.
        if best_counter.in_title and not best_report.in_title:
            return COUNTER, best_counter
        weakened = Finding(
            REPORT,
            best_report.score - 0.15,
            best_report.why + "+conflict",
            best_report.clause,
            best_report.in_title,
        )
        return REPORT, weakened
    title_signal = any(f.in_title for f in signals)
    # The headline announces a plan; a noun in the body ("after Wang's visit") is more likely
    # someone else's event than the report of this one.
    if (
        best_report
        and title_signal
        and not best_report.in_title
        and best_report.why.startswith(("report:after", "report:noun"))
    ):
        return SIGNAL, max((f for f in signals if f.in_title), key=lambda f: f.score)
    if best_report:
        return REPORT, best_report
    if best_counter:
        return COUNTER, best_counter
    return SIGNAL, max(signals, key=lambda f: f.score)


# A body's members below its leaders, who meet apart from them.
_SUBGROUPS = frozenset(
    {"ministers", "minister", "officials", "envoys", "deputies", "delegates", "negotiators",
     "sherpas", "diplomats", "lawmakers", "governors", "ambassadors"}
)  # fmt: skip


def _negate(j: Judgement, published: date) -> Judgement:
    """A negated claim: the event happening refutes it; the event called off bears it out."""
    if j.kind == FULFILMENT:
        return Judgement(COUNTER_KIND, min(1.0, j.score + 0.1), "negated:" + j.rule)
    if j.kind == COUNTER_KIND and "counter-plan:" in j.rule:
        # "Putin will skip the summit": announced, not yet borne out.
        return Judgement(SIGNAL_KIND, j.score, "negated:" + j.rule)
    if j.kind == COUNTER_KIND:
        return Judgement(FULFILMENT, j.score, "negated:" + j.rule, published)
    if j.kind == SIGNAL_KIND:
        return Judgement(NONE, 0.0, "negated:plan_to_happen")
    return j


__all__ = [
    "DECISIVE_COUNTER",
    "DECISIVE_FULFILMENT",
    "LATE_REPORT_DAYS",
    "NONE",
    "REPORT_LAG_DAYS",
    "ClaimFacts",
    "ItemFacts",
    "Judgement",
    "PreparedClaim",
    "fold",
    "judge",
    "judge_prepared",
    "last_report_day",
    "prepare",
]
