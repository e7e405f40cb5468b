"""Word lists the judge reasons with: event families, tense markers, roles, places.

These are grammar and world knowledge, not examples: an event family lists the verbs and nouns
English news uses for one kind of event (a visit is also a trip, a journey, an arrival, a
landing), and the markers list the ways English says "planned" (to, will, expected to) or
"called off" (cancelled, postponed, ruled out). Verb forms are generated from the base form
(``conjugate``) by lemminflect's English inflection lexicon (its data ships in the wheel), with
a few forms spelled out where news spelling differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (long word lists read better that way)."""
    return frozenset(text.split())


# Irregular verbs: base -> (third person, past, past participle, -ing).
_IRREGULAR: dict[str, tuple[str, str, str, str]] = {
    "meet": ("meets", "met", "met", "meeting"),
    "hold": ("holds", "held", "held", "holding"),
    "win": ("wins", "won", "won", "winning"),
    "sit": ("sits", "sat", "sat", "sitting"),
    "fly": ("flies", "flew", "flown", "flying"),
    "go": ("goes", "went", "gone", "going"),
    "come": ("comes", "came", "come", "coming"),
    "make": ("makes", "made", "made", "making"),
    "take": ("takes", "took", "taken", "taking"),
    "begin": ("begins", "began", "begun", "beginning"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "set": ("sets", "set", "set", "setting"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "leave": ("leaves", "left", "left", "leaving"),
    "put": ("puts", "put", "put", "putting"),
    "lift": ("lifts", "lifted", "lifted", "lifting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "run": ("runs", "ran", "run", "running"),
    "give": ("gives", "gave", "given", "giving"),
    "get": ("gets", "got", "got", "getting"),
    "shake": ("shakes", "shook", "shaken", "shaking"),
    "seal": ("seals", "sealed", "sealed", "sealing"),
    "strike": ("strikes", "struck", "struck", "striking"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "rise": ("rises", "rose", "risen", "rising"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "travel": ("travels", "traveled", "traveled", "traveling"),
    "cancel": ("cancels", "cancelled", "cancelled", "cancelling"),
    "sell": ("sells", "sold", "sold", "selling"),
    "spend": ("spends", "spent", "spent", "spending"),
    "drop": ("drops", "dropped", "dropped", "dropping"),
    "scrap": ("scraps", "scrapped", "scrapped", "scrapping"),
    "shelve": ("shelves", "shelved", "shelved", "shelving"),
    "stop": ("stops", "stopped", "stopped", "stopping"),
    "plan": ("plans", "planned", "planned", "planning"),
    "wrap": ("wraps", "wrapped", "wrapped", "wrapping"),
    "ship": ("ships", "shipped", "shipped", "shipping"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "shut": ("shuts", "shut", "shut", "shutting"),
    "quit": ("quits", "quit", "quit", "quitting"),
    "buy": ("buys", "bought", "bought", "buying"),
    "rule": ("rules", "ruled", "ruled", "ruling"),
    "find": ("finds", "found", "found", "finding"),
    "uphold": ("upholds", "upheld", "upheld", "upholding"),
    "overturn": ("overturns", "overturned", "overturned", "overturning"),
    "list": ("lists", "listed", "listed", "listing"),
    "declare": ("declares", "declared", "declared", "declaring"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "ink": ("inks", "inked", "inked", "inking"),
    "snub": ("snubs", "snubbed", "snubbed", "snubbing"),
    "skip": ("skips", "skipped", "skipped", "skipping"),
    "scrub": ("scrubs", "scrubbed", "scrubbed", "scrubbing"),
    "tear": ("tears", "tore", "torn", "tearing"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "pay": ("pays", "paid", "paid", "paying"),
    "say": ("says", "said", "said", "saying"),
    "see": ("sees", "saw", "seen", "seeing"),
    "deny": ("denies", "denied", "denied", "denying"),
    "unveil": ("unveils", "unveiled", "unveiled", "unveiling"),
    "sign": ("signs", "signed", "signed", "signing"),
    "pull": ("pulls", "pulled", "pulled", "pulling"),
    "call": ("calls", "called", "called", "calling"),
    "host": ("hosts", "hosted", "hosted", "hosting"),
    "greet": ("greets", "greeted", "greeted", "greeting"),
    "join": ("joins", "joined", "joined", "joining"),
    "vote": ("votes", "voted", "voted", "voting"),
    "elect": ("elects", "elected", "elected", "electing"),
    "raise": ("raises", "raised", "raised", "raising"),
    "hike": ("hikes", "hiked", "hiked", "hiking"),
    "lower": ("lowers", "lowered", "lowered", "lowering"),
    "ease": ("eases", "eased", "eased", "easing"),
    "pause": ("pauses", "paused", "paused", "pausing"),
}


@dataclass(frozen=True, slots=True)
class VerbForms:
    base: str
    third: str
    past: str
    participle: str
    ing: str


@lru_cache(maxsize=4096)
def conjugate(base: str) -> VerbForms:
    """The five forms of an English verb: spelled out above, else lemminflect's lexicon, else
    the regular rules (for a verb neither knows)."""
    if base in _IRREGULAR:
        return VerbForms(base, *_IRREGULAR[base])
    forms = getAllInflections(base, upos="VERB")
    if forms.get("VBD") and forms.get("VBZ") and forms.get("VBG"):
        past = forms["VBD"][0]
        return VerbForms(base, forms["VBZ"][0], past, forms.get("VBN", (past,))[0], forms["VBG"][0])
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return VerbForms(base, third, past, past, ing)


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str:
    """The base form of a word used as a verb ("struck" -> "strike"), or "" if it is none."""
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas else ""


# Suffixes that make a noun of a verb ("arraignment" <- "arraign", "approval" <- "approve").
_NOMINAL = ("ment", "ation", "ition", "ion", "al", "ance", "ence", "ure")


@lru_cache(maxsize=4096)
def verb_of_noun(noun: str) -> str:
    """The verb a noun of action comes from, if the lexicon knows it ("arraignment" ->
    "arraign", "approval" -> "approve", "departure" -> "depart"); else ""."""
    if noun.endswith("ery") and getAllInflections(noun[:-1], upos="VERB").get("VBD"):
        return noun[:-1]  # "delivery" <- "deliver", "recovery" <- "recover"
    for suffix in _NOMINAL:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 3:
            continue
        stem = noun[: -len(suffix)]
        for candidate in (stem, stem + "e", stem + "ate"):
            if getAllInflections(candidate, upos="VERB").get("VBD"):
                return candidate
    return ""


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of event: the verbs that report it, the nouns that name it."""

    name: str
    verbs: tuple[str, ...]  # base forms; multi-word phrases allowed ("sit down with")
    nouns: tuple[str, ...]
    # Families whose past-tense reports also prove this one (talks in Beijing prove a visit there).
    implied_by: tuple[str, ...] = ()


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "visit",
            (
                "visit",
                "travel",
                "tour",
                "arrive",
                "land",
                "fly",
                "touch down",
                "head to",
                "go to",
                "reach",
                "jet into",
                "jet in",
                "jet to",
                "fly into",
                "set foot in",
                "set foot on",
            ),
            ("visit", "trip", "journey", "tour", "arrival", "state visit", "visits", "trips"),
            implied_by=("meet", "attend"),
        ),
        Family(
            "meet",
            (
                "meet",
                "hold talks",
                "sit down with",
                "host",
                "greet",
                "shake hands",
                "confer",
                "hold a summit",
                "receive",
                "welcome",
                "hold bilateral talks",
                "hold a bilateral meeting",
                "sit down",
                "huddle",
                "hold a meeting",
                "hold discussions",
            ),
            (
                "meeting",
                "talks",
                "summit",
                "encounter",
                "bilateral",
                "tête-à-tête",
                "bilateral meet",
                "handshake",
                "sit-down",
                "face-to-face",
            ),
        ),
        Family(
            "attend",
            ("attend", "join", "participate", "take part", "address", "speak at", "arrive"),
            (
                "attendance",
                "appearance",
                "summit",
                "forum",
                "conference",
                "gathering",
                "participation",
            ),
            implied_by=("meet",),
        ),
        Family(
            "election",
            (
                "hold an election",
                "hold elections",
                "vote",
                "go to the polls",
                "head to the polls",
                "flock to the polls",
                "elect",
                "win",
                "cast ballots",
                "claim victory",
                "declare victory",
                "triumph",
                "re-elect",
                "reelect",
                "sweep to victory",
                "cruise to victory",
                "romp to victory",
                "storm to victory",
                "coast to victory",
                "sweep to power",
                "win re-election",
                "win reelection",
            ),
            (
                "election",
                "elections",
                "vote",
                "ballot",
                "polls",
                "runoff",
                "referendum",
                "victory",
                "landslide",
                "triumph",
                "re-election",
                "reelection",
            ),
        ),
        Family(
            "launch",
            (
                "launch",
                "lift off",
                "blast off",
                "unveil",
                "release",
                "roll out",
                "debut",
                "open",
                "go on sale",
                "hit stores",
                "hit shelves",
                "ship",
                "fly",
                "introduce",
                "reveal",
                "showcase",
                "start selling",
                "begin selling",
                "hit the market",
                "soar",
                "take off",
                "take flight",
                "go live",
                "take the wraps off",
                "pull the wraps off",
                "reach orbit",
                "enter orbit",
                "go into orbit",
            ),
            (
                "launch",
                "liftoff",
                "release",
                "rollout",
                "debut",
                "unveiling",
                "opening",
                "flight",
                "flights",
                "spaceflight",
                "space flight",
                "mission",
            ),
        ),
        Family(
            "sign",
            (
                "sign",
                "ink",
                "seal",
                "strike",
                "conclude",
                "ratify",
                "agree",
                "clinch",
                "finalise",
                "finalize",
                "reach",
                "hammer out",
                "agree on",
                # An agreement's start is its report: "truce takes effect", "accord enters
                # into force".
                "take effect",
                "come into force",
                "enter into force",
                "go into effect",
            ),
            (
                "deal",
                "agreement",
                "accord",
                "treaty",
                "pact",
                "signing",
                "memorandum",
                "ceasefire",
                "truce",
                "armistice",
            ),
        ),
        Family(
            "rate_change",
            (
                "raise",
                "hike",
                "cut",
                "lower",
                "reduce",
                "ease",
                "hold",
                "keep",
                "leave",
                "pause",
                "increase",
                "tighten",
                "slash",
                "trim",
                "lift",
                "boost",
                "stand pat",
                "end negative",
                "exit negative",
                "scrap negative",
                "abandon negative",
            ),
            # A central bank's "hike" is a rate hike ("delivers another jumbo hike").
            ("rate cut", "rate hike", "rate rise", "rate increase", "rate decision", "hike"),
        ),
        Family(
            "pass",
            (
                "pass",
                "approve",
                "adopt",
                "enact",
                "vote through",
                "clear",
                "authorize",
                "authorise",
                "greenlight",
                "green-light",
                "sign off on",
                "rubber-stamp",
                "endorse",
                "ratify",
                "give final approval",
                "give the green light",
                "give final green light",
                "give the final green light",
            ),
            (
                "passage",
                "approval",
                "adoption",
                "clearance",
                "authorization",
                "authorisation",
                "enactment",
                "ratification",
            ),
        ),
        Family(
            "resign",
            (
                "resign",
                "step down",
                "quit",
                "step aside",
                "stand down",
                "bow out",
                # Done to the office-holder, who must follow the verb (see report_checks._OUSTED).
                "oust",
                "replace",
                "succeed",
                "fire",
                "sack",
            ),
            ("resignation", "departure"),
        ),
        Family(
            "win",
            (
                "win",
                "clinch",
                "capture",
                "secure",
                "claim",
                "take home",
                "scoop",
                "bag",
                "declare victory",
                "triumph",
                "pick up",
                "collect",
                "scoop up",
                # "crowned champions", "lift the trophy".
                "crown",
                "lift the trophy",
            ),
            ("victory", "win", "title", "triumph", "award", "prize"),
        ),
        Family(
            "land",
            ("land", "touch down", "set down", "reach"),
            ("landing", "touchdown"),
        ),
        Family(
            "acquire",
            (
                "acquire",
                "buy",
                "take over",
                "merge",
                "close",
                "complete",
                "finalize",
                "finalise",
                "snap up",
                "absorb",
                "take control of",
            ),
            ("acquisition", "takeover", "merger", "purchase", "buyout", "completion"),
        ),
        Family(
            "earnings",
            ("report", "post", "announce", "publish", "release"),
            ("results", "earnings", "revenue", "profit", "loss", "sales"),
        ),
        Family(
            "listing",
            ("list", "debut", "begin trading", "start trading", "go public", "float"),
            ("listing", "debut", "flotation", "ipo", "initial public offering"),
        ),
        Family(
            "join",
            ("join", "sign for", "sign with", "move to", "complete move", "sign", "accede to"),
            ("signing", "transfer", "move", "accession", "membership"),
        ),
        Family(
            "close",
            (
                "close",
                "shut",
                "shut down",
                "switch off",
                "decommission",
                "phase out",
                "take offline",
            ),
            ("closure", "shutdown", "phase-out"),
        ),
        Family(
            "withdraw",
            ("withdraw", "exit", "leave", "quit", "pull out", "drop out", "bow out"),
            ("withdrawal", "exit", "departure"),
        ),
        Family(
            "rule",
            (
                "rule",
                "decide",
                "strike down",
                "uphold",
                "overturn",
                "issue a ruling",
                "side with",
                "order",
                "throw out",
                "dismiss",
                "block",
            ),
            ("ruling", "decision", "judgment", "judgement"),
        ),
        Family(
            "convict",
            ("convict", "find guilty", "sentence", "jail", "imprison"),
            ("conviction", "guilty verdict", "imprisonment", "prison sentence", "jail term"),
        ),
        Family(
            "compete",
            ("compete", "race", "take part", "participate", "perform", "play", "win"),
            ("competition", "appearance", "debut"),
        ),
        Family(
            "declare",
            ("declare", "proclaim", "designate"),
            ("declaration",),
        ),
        Family(
            "end",
            (
                "end",
                "expire",
                "lapse",
                "lift",
                "terminate",
                "wind down",
                "scrap",
                "repeal",
                "rescind",
                "revoke",
            ),
            ("expiry", "expiration", "termination"),
        ),
        Family(
            "inaugurate",
            (
                "swear in",
                "take office",
                "take the oath",
                "take oath",
                "assume office",
                "inaugurate",
                "crown",
                "take over as",
                "appoint",
                "install",
                "take the helm",
                "take the reins",
                "take charge",
            ),
            ("inauguration", "swearing-in", "oath", "oath of office", "coronation"),
        ),
        Family(
            "strike",
            (
                "strike",
                "walk out",
                "walk off",
                "go on strike",
                "down tools",
                "stage a walkout",
                "walk off the job",
                "hit the picket lines",
            ),
            ("strike", "strikes", "walkout", "walkouts", "stoppage", "industrial action"),
        ),
        Family(
            "appear",
            (
                "appear",
                "arraign",
                "plead",
                "surrender",
                "testify",
                "turn himself in",
                "hear arguments",
                "hear oral arguments",
                "hear the case",
                "hear the appeal",
                "hear a challenge",
                "hold a hearing",
            ),
            ("arraignment", "court appearance", "hearing", "testimony"),
        ),
        Family(
            "announce",
            ("announce", "unveil", "reveal", "publish", "disclose", "name"),
            ("announcement",),
        ),
        # An office-holder removed by others: "ousted as speaker", "votes to remove".
        Family(
            "remove",
            # Not "fire" or "sack": the claim's actor is their object, and "X fires aide" is
            # X doing it to someone else.
            (
                "oust",
                "remove",
                "depose",
                "topple",
                "unseat",
                "impeach",
                "vote out",
                "expel",
                "force out",
            ),
            ("ouster", "removal", "dismissal", "impeachment", "expulsion", "no-confidence vote"),
        ),
        # A measure a government imposes: tariffs, sanctions, bans, groundings, curbs.
        Family(
            "impose",
            (
                "impose",
                "slap",
                "levy",
                "adopt",
                "approve",
                "agree",
                "announce",
                "unveil",
                "enact",
                "introduce",
                "ban",
                "ground",
                "order",
                "hike",
                "raise",
                "increase",
                "quadruple",
                "double",
                "triple",
                "extend",
                "expand",
                "tighten",
                "prolong",
            ),
            (
                "tariffs",
                "tariff",
                "sanctions",
                "ban",
                "grounding",
                "restrictions",
                "curbs",
                "embargo",
                "levy",
                "duties",
                "export controls",
            ),
        ),
        # A delivery, said from either side ("Tesla delivers", "Air India receives").
        Family(
            "deliver",
            ("deliver", "hand over", "receive", "take delivery of", "ship"),
            ("delivery", "deliveries", "handover"),
        ),
        # A storm reaching land.
        Family(
            "landfall",
            (
                "make landfall",
                "slam into",
                "hit",
                "strike",
                "batter",
                "lash",
                "pound",
                "barrel into",
                "crash into",
                "sweep across",
                "roar ashore",
                "come ashore",
            ),
            ("landfall",),
        ),
    )
}

# Words that name the matter of a family without being a report of it: enough for the
# candidate search to bring an item to the judge ("Japan ends negative rates", "COP28 heads into
# overtime as negotiators seek consensus"), never evidence by themselves.
FAMILY_HINTS: dict[str, tuple[str, ...]] = {
    "rate_change": ("rate", "rates", "interest", "borrowing", "policy"),
    "sign": ("deal", "talks", "negotiations", "negotiators", "consensus", "draft", "text"),
    "acquire": ("deal", "deadline", "regulator", "regulators", "bid"),
    "win": ("oscar", "oscars", "award", "awards", "prize", "final", "title", "medal"),
    "election": ("runoff", "poll", "polls", "votes", "ballot", "result", "results", "victory"),
    "launch": ("mission", "rocket", "spacecraft", "flight"),
    "land": ("mission", "spacecraft", "lander", "probe", "moon"),
    "pass": ("bill", "law", "act", "vote", "senate", "house"),
    "strike": ("union", "unions", "workers", "contract"),
}

# Words that report an event as done whatever their grammar: a title the winner now holds
# ("president-elect Milei", "Argentina's new president"), and the commonest report verbs of
# Spanish, Portuguese, Italian and French news (folded: no accents), which feeds in those
# languages use for the same events ("llegó a", "chegou", "è arrivato", "se encontram").
REPORT_PHRASES: dict[str, tuple[str, ...]] = {
    "election": (
        "president-elect",
        "president elect",
        "prime minister-elect",
        "new president",
        "next president",
        "new prime minister",
        "presidente electo",
        "presidenta electa",
        "presidente eleito",
        "presidente eletto",
        "nuevo presidente",
        "novo presidente",
        "nuovo presidente",
        "proximo presidente",
        "neo presidente",
        "nouveau president",
        "ha vinto",
        "ha ganado",
        "gano la",
        "gano el",
        "vencio",
        "venceu",
        "remporte",
    ),
    "visit": (
        "llego a",
        "llega a",
        "chegou a",
        "chega a",
        "e arrivato",
        "e arrivata",
        "arrivato a",
        "arrivato in",
        "est arrive",
        "visito",
        "visitou",
        "ha visitato",
    ),
    "meet": (
        "se encontram",
        "se encontraron",
        "se reunen",
        "se reunieron",
        "se reuniram",
        "estao reunidos",
        "si incontrano",
        "si sono incontrati",
        "se rencontrent",
        "se sont rencontres",
        # A summit under way, said of its members ("G20 leaders gather in Rio"), never of
        # whoever else gathers ("protesters gather as Biden and Xi meet").
        "leaders gather",
        "leaders gathered",
        "leaders convene",
        "leaders convened",
    ),
    "land": ("aluniza", "alunizo", "alunissou", "allunato", "e allunato", "a aluni"),
    "launch": (
        "lanzo",
        "lancou",
        "ha lanciato",
        "a lance",
        # A product on sale is launched, whatever the verb: "Vision Pro now available".
        "now available",
        "available now",
        "now on sale",
        "on sale now",
        "goes on sale",
        "out now",
        "is out",
        "can now download",
        "now available to download",
        "now live",
        "is now live",
    ),
    "earnings": tuple(
        f"{verb} {what}"
        for verb in (
            "beats",
            "beat",
            "tops",
            "topped",
            "misses",
            "missed",
            "smashes",
            "smashed",
            "crushes",
            "crushed",
            "exceeds",
            "exceeded",
            "surpasses",
            "surpassed",
        )
        for what in ("estimates", "expectations", "forecasts", "views", "consensus")
    ),
    # A resignation made public: "announces his resignation", "tendered her resignation".
    "resign": tuple(
        f"{form} {det}resignation"
        for verb in ("announce", "tender", "submit", "hand in", "offer")
        for form in ((verb + "s", verb + "d") if verb.endswith("e") else (f"{verb}s", f"{verb}ed"))
        if not form.startswith("hand in")
        for det in ("", "his ", "her ", "their ")
    )
    + tuple(
        f"{form} {det}resignation"
        for form in ("hands in", "handed in")
        for det in ("", "his ", "her ", "their ")
    ),
}

# Postponements and cancellations in the same languages (folded).
FOREIGN_PUT_OFF: tuple[str, ...] = (
    "rinviata",
    "rinviato",
    "aplazada",
    "aplazado",
    "pospuesta",
    "pospuesto",
    "postergada",
    "postergado",
    "adiada",
    "adiado",
    "reportee",
    "reporte",
)
FOREIGN_CALLED_OFF: tuple[str, ...] = (
    "cancelada",
    "cancelado",
    "cancellata",
    "cancellato",
    "annullata",
    "annullato",
    "annulee",
    "annule",
    "suspendida",
    "suspendido",
    "sospesa",
    "sospeso",
)

# Normalising the extractor's event_type (and synonyms a person might type) to a family.
FAMILY_ALIASES: dict[str, str] = {
    "trip": "visit",
    "travel": "visit",
    "meeting": "meet",
    "talks": "meet",
    "summit": "meet",
    "elections": "election",
    "rates": "rate_change",
    "rate": "rate_change",
    "rate_cut": "rate_change",
    "rate_hike": "rate_change",
    "interest_rate": "rate_change",
    "release": "launch",
    "deal": "sign",
    "agreement": "sign",
    "legislation": "pass",
    "law": "pass",
    "approve": "pass",
    "approval": "pass",
    "resignation": "resign",
    "victory": "win",
    "match": "win",
    "final": "win",
    "merger": "acquire",
    "acquisition": "acquire",
    "takeover": "acquire",
    "results": "earnings",
    "announcement": "announce",
    "unveiling": "launch",
    "ipo": "listing",
    "transfer": "join",
    "signing": "join",
    "shutdown": "close",
    "closure": "close",
    "withdrawal": "withdraw",
    "exit": "withdraw",
    "ruling": "rule",
    "verdict": "convict",
    "conviction": "convict",
    "landing": "land",
    "touchdown": "land",
    "competition": "compete",
    "participation": "compete",
    "declaration": "declare",
    "sentencing": "convict",
    "sentence": "convict",
    "expiry": "end",
    "walkout": "strike",
    "swearing_in": "inaugurate",
    "sworn_in": "inaugurate",
    "inauguration": "inaugurate",
    "oath": "inaugurate",
    "oath_of_office": "inaugurate",
    "court_appearance": "appear",
    "appearance": "compete",
    "arraignment": "appear",
    "hearing": "appear",
    "testimony": "appear",
    "award": "win",
    "debut": "compete",
    "attendance": "attend",
    "state_visit": "visit",
    # The extractor's own types (forecasts/claims/events.py) and their common synonyms.
    "take_office": "inaugurate",
    "coronation": "inaugurate",
    "appointment": "inaugurate",
    "ceasefire": "sign",
    "truce": "sign",
    "treaty": "sign",
    "accession": "join",
    "membership": "join",
    "plea": "appear",
    "ratification": "pass",
    "guilty_plea": "appear",
    "indictment": "convict",
    "removal": "remove",
    "ouster": "remove",
    "impeachment": "remove",
    "dismissal": "remove",
    "tariff": "impose",
    "tariffs": "impose",
    "sanctions": "impose",
    "sanction": "impose",
    "ban": "impose",
    "grounding": "impose",
    "policy": "impose",
    "restrictions": "impose",
    "hurricane": "landfall",
    "delivery": "deliver",
    "deliveries": "deliver",
    "handover": "deliver",
    "storm": "landfall",
}

# Direction of a rate move: a cut is not evidence of a hike.
RATE_DIRECTIONS: dict[str, tuple[str, ...]] = {
    "down": ("cut", "lower", "reduce", "ease", "rate cut", "slash", "trim"),
    # Ending negative rates is a rise, whatever verb ends them.
    "up": (
        "raise",
        "hike",
        "increase",
        "tighten",
        "rate hike",
        "rate rise",
        "lift",
        "boost",
        "end negative",
        "exit negative",
        "scrap negative",
        "abandon negative",
    ),
    "hold": ("hold", "keep", "leave", "pause", "unchanged", "steady", "stand pat"),
}

# Words before an event verb that make it a plan, a hope or a prospect, not a report.
SIGNAL_BEFORE: frozenset[str] = frozenset(
    {
        "to",
        "will",
        "would",
        "shall",
        "'ll",
        "could",
        "may",
        "might",
        "can",
        "should",
        "must",
        "plans",
        "planned",
        "planning",
        "plan",
        "expected",
        "expects",
        "hopes",
        "hoped",
        "hoping",
        "hope",
        "aims",
        "aiming",
        "intends",
        "intend",
        "set",
        "scheduled",
        "slated",
        "due",
        "poised",
        "likely",
        "unlikely",
        "possibly",
        "possible",
        "potential",
        "seeks",
        "seeking",
        "wants",
        "considering",
        "considers",
        "weighs",
        "weighing",
        "mulls",
        "mulling",
        "eyes",
        "eyeing",
        "proposes",
        "proposed",
        "invites",
        "invited",
        "invitation",
        "preparing",
        "prepares",
        "prepare",
        "ready",
        "upcoming",
        "prospect",
        "prospects",
        "ahead",
        "before",
        "if",
        "whether",
        "agreed",
        "agrees",
        "pledges",
        "pledged",
        "vows",
        "vowed",
        "promises",
        "promised",
        "offers",
        "offered",
    }
)

# Time words that put the clause in the future.
FUTURE_WORDS: tuple[str, ...] = (
    "next week",
    "next month",
    "next year",
    "later this",
    "later in",
    "this weekend",
    "tomorrow",
    "in the coming",
    "in coming",
    "upcoming",
)

# Time words that put a reported event before the news: background, not a report.
PAST_WORDS: tuple[str, ...] = (
    "last year",
    "last month",
    "last week",
    "years ago",
    "year ago",
    "months ago",
    "previously",
    "the previous",
)

# Counter-evidence: the event was called off, put off, refused or denied. Value: how decisive.
COUNTER_VERBS: dict[str, float] = {
    "acquit": 0.9,
    "block": 0.8,
    "drop out": 0.85,
    "strip": 0.8,
    "ground": 0.75,
    "fail": 0.8,
    "stay away": 0.85,
    "cancel": 0.95,
    "call off": 0.95,
    "scrap": 0.95,
    "axe": 0.9,
    "abandon": 0.9,
    "shelve": 0.9,
    "rule out": 0.9,
    "refuse": 0.9,
    "decline": 0.85,
    "reject": 0.85,
    "deny": 0.85,
    "snub": 0.85,
    "skip": 0.9,
    "pull out": 0.9,
    "withdraw": 0.85,
    "boycott": 0.9,
    "collapse": 0.85,
    "break down": 0.85,
    "postpone": 0.7,
    "delay": 0.65,
    "put off": 0.7,
    "push back": 0.65,
    "suspend": 0.7,
    "halt": 0.7,
    "scrub": 0.6,
    "abort": 0.7,
    "terminate": 0.9,
    "crash": 0.95,
    "miss": 0.75,
    # Phrasal forms news uses for calling something off or pulling out of it.
    "put on hold": 0.7,
    "hold off": 0.7,
    "back out": 0.9,
    "bow out": 0.9,
    "pull the plug": 0.9,
    "give up on": 0.9,
    "walk away from": 0.85,
    "put on ice": 0.85,
    # Plans dropped, dates moved, outcomes headed off.
    "drop plans": 0.9,
    "defer": 0.7,
    "reschedule": 0.7,
    "slip": 0.65,
    "avert": 0.9,
    "fall through": 0.85,
    "fall apart": 0.85,
}
COUNTER_PHRASES: dict[str, float] = {
    "will not": 0.85,
    "won't": 0.85,
    "would not": 0.8,
    "wouldn't": 0.8,
    "did not": 0.85,
    "didn't": 0.85,
    "does not plan": 0.85,
    "no plans to": 0.85,
    "not attend": 0.9,
    "not travel": 0.9,
    "not meet": 0.9,
    "not be attending": 0.9,
    "failed to": 0.85,
    "no longer": 0.85,
    "off the table": 0.85,
    "not going to": 0.85,
    "absent from": 0.85,
    "absence": 0.8,
    "without": 0.6,
    "deadline extended": 0.8,
    "extended the deadline": 0.8,
    "deadline passes": 0.8,
    "deadline passed": 0.8,
    "no chance": 0.85,
    "no hope": 0.85,
    "on hold": 0.7,
    "called it off": 0.95,
    "rather than attend": 0.85,
    **dict.fromkeys(FOREIGN_PUT_OFF, 0.7),
    **dict.fromkeys(FOREIGN_CALLED_OFF, 0.9),
    "instead of attending": 0.85,
    "instead of meeting": 0.85,
    "instead of visiting": 0.85,
    "instead of travelling": 0.85,
    "instead of traveling": 0.85,
    "rather than meet": 0.85,
    "rather than visit": 0.85,
    "rather than travel": 0.85,
    "not go to": 0.9,
    "not be going": 0.9,
    "pushed to": 0.65,
}

# Verbs that say someone was not there, whatever the sentence names the event with.
ABSENCE_VERBS: frozenset[str] = frozenset(
    {"skip", "stay away", "snub", "boycott", "pull out", "acquit", "drop out", "withdraw"}
)

# Taking part from afar is not being there: "addressed the summit by video".
REMOTE_MARKERS: tuple[str, ...] = (
    "by video",
    "via video",
    "video link",
    "videolink",
    "by videoconference",
    "virtually",
    "remotely",
)

# A contest lost: "Spain beat England", "England lost to Spain".
BEATEN_BY: tuple[str, ...] = (
    "beat",
    "beats",
    "defeat",
    "defeats",
    "defeated",
    "edge",
    "edged",
    "edges",
    "eliminate",
    "eliminated",
    "eliminates",
    "knock out",
    "knocked out",
    "knocks out",
    "dethrone",
    "dethrones",
    "dethroned",
    "stun",
    "stuns",
    "stunned",
    "upset",
    "upsets",
    "thrash",
    "thrashes",
    "thrashed",
    "rout",
    "routs",
    "routed",
    "outlast",
    "outlasts",
    "outlasted",
    "oust",
    "ousted",
    "ousts",
)
LOST: tuple[str, ...] = (
    "lose",
    "loses",
    "lost",
    "crash out",
    "crashed out",
    "crashes out",
    "concede",
    "conceded",
    "concedes",
    "admit defeat",
    "admits defeat",
    "admitted defeat",
    "accept defeat",
    "accepts defeat",
    "accepted defeat",
    "admite",
    "admitiu",
    "reconoce",
    "reconocio",
    "ammette",
    "fall short",
    "falls short",
    "fell short",
)

# Verbs that report an event as under way or over when its noun is their object or subject.
NOUN_REPORT_VERBS: tuple[str, ...] = (
    "have",  # "had candid talks"
    "resume",  # "resume talks"
    "restart",
    "wrap up",
    "conclude",
    "end",
    "kick off",
    "begin",
    "open",
    "start",
    "hold",
    "close",
    "finish",
    "get under way",
    "make",
    "pay",
    "complete",
    "grant",
    "receive",
    "win",
    "secure",
    "get",
    # What a subject does with an event that has taken place ("delivers rate cut", "stages
    # strike", "embarks on tour", "summit yields deal", "strike enters second week").
    "deliver",
    "give",
    "stage",
    "launch",
    "carry out",
    "conduct",
    "embark on",
    "score",
    "notch",
    "clinch",
    "seal",
    "finalise",
    "finalize",
    "yield",
    "produce",
    "enter",
    "continue",
    "drag on",
)
NOUN_REPORT_PREPS: tuple[str, ...] = (
    "during",
    "after",
    "following",
    "at the end of",
    "on the sidelines of",
    "on the second day of",
    "on the first day of",
    "on the last day of",
    "in the wake of",
    # A look back at what happened: "Takeaways from the Biden-Xi meeting".
    "takeaways from",
    "highlights from",
    "key moments from",
    "what happened at",
)

# Titles and roles: how news refers to a person without naming them. Generic titles
# ("president", "leader") identify someone only with a qualifier ("Chinese leader").
ROLES: dict[str, tuple[str, ...]] = {
    "treasury secretary": (
        "treasury secretary",
        "treasury chief",
        "treasury head",
        "secretary of the treasury",
    ),
    "secretary of state": ("secretary of state", "top diplomat", "state secretary"),
    "foreign minister": ("foreign minister", "top diplomat", "foreign secretary"),
    "top diplomat": ("top diplomat", "foreign minister", "secretary of state"),
    "top diplomatic official": ("top diplomat", "top diplomatic official"),
    "defense secretary": ("defense secretary", "defence secretary", "pentagon chief"),
    "defense minister": ("defense minister", "defence minister", "defense chief"),
    "fed chair": ("fed chair", "fed chairman", "fed chief", "federal reserve chair"),
    "finance minister": ("finance minister", "finance chief"),
    "secretary-general": ("secretary-general", "secretary general"),
    "president": ("president", "leader", "head of state"),
    "leader": ("leader", "president", "premier"),
    "prime minister": ("prime minister", "premier", "leader", "pm"),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor", "leader"),
    "governor": ("governor",),
    "chief executive": ("chief executive", "ceo", "boss"),
    "ceo": ("ceo", "chief executive", "boss"),
    "king": ("king", "monarch"),
    "queen": ("queen", "monarch"),
    "pope": ("pope", "pontiff"),
}
GENERIC_ROLES: frozenset[str] = frozenset(
    {
        "president",
        "leader",
        "prime minister",
        "premier",
        "chancellor",
        "governor",
        "chief executive",
        "ceo",
        "boss",
        "king",
        "queen",
        "head of state",
        "monarch",
        "foreign minister",
        "top diplomat",
        "finance minister",
        "defense minister",
        "defence minister",
    }
)

# Countries: canonical name -> names, demonyms and capital (as used for the government).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "united states": ("united states", "america", "american", "u.s.", "us", "washington"),
    "china": ("china", "chinese", "beijing", "prc"),
    "taiwan": ("taiwan", "taiwanese", "taipei"),
    "japan": ("japan", "japanese", "tokyo"),
    "south korea": ("south korea", "south korean", "seoul", "korea", "korean"),
    "north korea": ("north korea", "north korean", "pyongyang"),
    "russia": ("russia", "russian", "moscow", "kremlin"),
    "ukraine": ("ukraine", "ukrainian", "kyiv", "kiev"),
    "united kingdom": ("united kingdom", "britain", "british", "britons", "uk", "london"),
    "france": ("france", "french", "paris", "elysee"),
    "germany": ("germany", "german", "berlin"),
    "italy": ("italy", "italian", "rome"),
    "spain": ("spain", "spanish", "madrid"),
    "india": ("india", "indian", "new delhi", "delhi"),
    "pakistan": ("pakistan", "pakistani", "islamabad"),
    "brazil": ("brazil", "brazilian", "brasilia"),
    "mexico": ("mexico", "mexican"),
    "canada": ("canada", "canadian", "ottawa"),
    "australia": ("australia", "australian", "canberra"),
    "indonesia": ("indonesia", "indonesian", "jakarta"),
    "philippines": ("philippines", "philippine", "filipino", "manila"),
    "vietnam": ("vietnam", "vietnamese", "hanoi"),
    "thailand": ("thailand", "thai", "bangkok"),
    "singapore": ("singapore", "singaporean"),
    "israel": ("israel", "israeli", "jerusalem"),
    "iran": ("iran", "iranian", "tehran"),
    "saudi arabia": ("saudi arabia", "saudi", "riyadh"),
    "turkey": ("turkey", "turkish", "turkiye", "ankara"),
    "egypt": ("egypt", "egyptian", "cairo"),
    "south africa": ("south africa", "south african", "pretoria", "johannesburg"),
    "nigeria": ("nigeria", "nigerian", "abuja"),
    "kenya": ("kenya", "kenyan", "nairobi"),
    "argentina": ("argentina", "argentine", "argentinian", "buenos aires"),
    "poland": ("poland", "polish", "warsaw"),
    "netherlands": ("netherlands", "dutch", "the hague", "amsterdam"),
    "sweden": ("sweden", "swedish", "stockholm"),
    "norway": ("norway", "norwegian", "oslo"),
    "switzerland": ("switzerland", "swiss", "bern", "geneva"),
    "european union": ("european union", "eu", "brussels"),
    "hong kong": ("hong kong",),
    **{
        # More countries: name, demonyms, capital (ambiguous names left out: Georgia, Jordan,
        # Chad, Niger, whose words are as often a US state or a person's name).
        country: tuple(aliases.split(", "))
        for country, aliases in (
            ("austria", "austria, austrian, vienna"),
            ("belgium", "belgium, belgian"),
            ("denmark", "denmark, danish, copenhagen"),
            ("finland", "finland, finnish, helsinki"),
            ("ireland", "ireland, irish, dublin"),
            ("portugal", "portugal, portuguese, lisbon"),
            ("greece", "greece, greek, athens"),
            ("hungary", "hungary, hungarian, budapest"),
            ("czech republic", "czech republic, czechia, czech, prague"),
            ("slovakia", "slovakia, slovak, bratislava"),
            ("romania", "romania, romanian, bucharest"),
            ("bulgaria", "bulgaria, bulgarian"),
            ("serbia", "serbia, serbian, belgrade"),
            ("croatia", "croatia, croatian, zagreb"),
            ("slovenia", "slovenia, slovenian, ljubljana"),
            ("lithuania", "lithuania, lithuanian, vilnius"),
            ("latvia", "latvia, latvian, riga"),
            ("estonia", "estonia, estonian, tallinn"),
            ("belarus", "belarus, belarusian, minsk"),
            ("moldova", "moldova, moldovan, chisinau"),
            ("armenia", "armenia, armenian, yerevan"),
            ("azerbaijan", "azerbaijan, azerbaijani, baku"),
            ("kazakhstan", "kazakhstan, kazakh, astana"),
            ("uzbekistan", "uzbekistan, uzbek, tashkent"),
            ("iceland", "iceland, icelandic, reykjavik"),
            ("new zealand", "new zealand, wellington"),
            ("malaysia", "malaysia, malaysian, kuala lumpur"),
            ("cambodia", "cambodia, cambodian, phnom penh"),
            ("myanmar", "myanmar, burma, burmese, naypyidaw"),
            ("bangladesh", "bangladesh, bangladeshi, dhaka"),
            ("sri lanka", "sri lanka, sri lankan, colombo"),
            ("nepal", "nepal, nepalese, nepali, kathmandu"),
            ("afghanistan", "afghanistan, afghan, kabul"),
            ("mongolia", "mongolia, mongolian, ulaanbaatar"),
            ("iraq", "iraq, iraqi, baghdad"),
            ("syria", "syria, syrian, damascus"),
            ("lebanon", "lebanon, lebanese, beirut"),
            ("united arab emirates", "united arab emirates, uae, emirati, abu dhabi"),
            ("qatar", "qatar, qatari, doha"),
            ("kuwait", "kuwait, kuwaiti"),
            ("oman", "oman, omani, muscat"),
            ("yemen", "yemen, yemeni, sanaa"),
            ("morocco", "morocco, moroccan, rabat"),
            ("algeria", "algeria, algerian, algiers"),
            ("tunisia", "tunisia, tunisian, tunis"),
            ("libya", "libya, libyan, tripoli"),
            ("sudan", "sudan, sudanese, khartoum"),
            ("ethiopia", "ethiopia, ethiopian, addis ababa"),
            ("ghana", "ghana, ghanaian, accra"),
            ("senegal", "senegal, senegalese, dakar"),
            ("ivory coast", "ivory coast, cote d'ivoire, ivorian, abidjan"),
            ("cameroon", "cameroon, cameroonian, yaounde"),
            (
                "democratic republic of congo",
                "democratic republic of congo, drc, congolese, kinshasa",
            ),
            ("angola", "angola, angolan, luanda"),
            ("tanzania", "tanzania, tanzanian, dodoma, dar es salaam"),
            ("uganda", "uganda, ugandan, kampala"),
            ("rwanda", "rwanda, rwandan, kigali"),
            ("zimbabwe", "zimbabwe, zimbabwean, harare"),
            ("zambia", "zambia, zambian, lusaka"),
            ("mozambique", "mozambique, mozambican, maputo"),
            ("somalia", "somalia, somali, mogadishu"),
            ("colombia", "colombia, colombian, bogota"),
            ("venezuela", "venezuela, venezuelan, caracas"),
            ("peru", "peru, peruvian, lima"),
            ("chile", "chile, chilean, santiago"),
            ("ecuador", "ecuador, ecuadorian, quito"),
            ("bolivia", "bolivia, bolivian, la paz"),
            ("uruguay", "uruguay, uruguayan, montevideo"),
            ("paraguay", "paraguay, paraguayan, asuncion"),
            ("cuba", "cuba, cuban, havana"),
            ("haiti", "haiti, haitian, port-au-prince"),
            ("guatemala", "guatemala, guatemalan"),
            ("panama", "panama, panamanian"),
            ("el salvador", "el salvador, salvadoran, san salvador"),
            ("honduras", "honduras, honduran, tegucigalpa"),
            ("nicaragua", "nicaragua, nicaraguan, managua"),
            ("costa rica", "costa rica, costa rican"),
            ("dominican republic", "dominican republic, dominican, santo domingo"),
            ("jamaica", "jamaica, jamaican"),
            ("palestine", "palestine, palestinian, ramallah"),
        )
    },
}

# Peoples in the plural name their country too ("Indonesians vote", "Israelis protest").
COUNTRIES = {
    country: aliases
    + tuple(
        f"{a}s"
        for a in aliases
        if a.endswith(("ian", "an", "i", "ine")) and " " not in a and a != country
        and f"{a}s" not in aliases
    )
    for country, aliases in COUNTRIES.items()
}  # fmt: skip

# Cities that are not capitals above, and the country they are in (for "in China" vs "in Beijing").
CITIES: dict[str, str] = {
    "beijing": "china",
    "shanghai": "china",
    "shenzhen": "china",
    "taipei": "taiwan",
    "tokyo": "japan",
    "osaka": "japan",
    "hiroshima": "japan",
    "seoul": "south korea",
    "washington": "united states",
    "new york": "united states",
    "san francisco": "united states",
    "los angeles": "united states",
    "woodside": "united states",
    "moscow": "russia",
    "kyiv": "ukraine",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "rome": "italy",
    "new delhi": "india",
    "delhi": "india",
    "mumbai": "india",
    "jakarta": "indonesia",
    "bali": "indonesia",
    "manila": "philippines",
    "hanoi": "vietnam",
    "bangkok": "thailand",
    "brussels": "european union",
    "geneva": "switzerland",
    "davos": "switzerland",
    "dubai": "united arab emirates",
    "riyadh": "saudi arabia",
    "cairo": "egypt",
    "ottawa": "canada",
    "toronto": "canada",
    "sydney": "australia",
    "canberra": "australia",
    "brasilia": "brazil",
    "rio de janeiro": "brazil",
    "johannesburg": "south africa",
    "nairobi": "kenya",
    "warsaw": "poland",
    "madrid": "spain",
    "singapore": "singapore",
    "hong kong": "china",
    "tehran": "iran",
    "jerusalem": "israel",
    "tel aviv": "israel",
    "ankara": "turkey",
    "istanbul": "turkey",
    "vienna": "austria",
    "stockholm": "sweden",
    "oslo": "norway",
    "cape canaveral": "united states",
    "houston": "united states",
    "chicago": "united states",
    **{
        city: country
        for country, city in (
            ("austria", "vienna"), ("denmark", "copenhagen"),
            ("finland", "helsinki"), ("ireland", "dublin"), ("portugal", "lisbon"),
            ("greece", "athens"), ("hungary", "budapest"), ("czech republic", "prague"),
            ("slovakia", "bratislava"), ("romania", "bucharest"),
            ("serbia", "belgrade"), ("croatia", "zagreb"), ("slovenia", "ljubljana"),
            ("lithuania", "vilnius"), ("latvia", "riga"), ("estonia", "tallinn"),
            ("belarus", "minsk"), ("moldova", "chisinau"), ("armenia", "yerevan"),
            ("azerbaijan", "baku"), ("kazakhstan", "astana"), ("uzbekistan", "tashkent"),
            ("iceland", "reykjavik"), ("new zealand", "wellington"), ("new zealand", "auckland"),
            ("malaysia", "kuala lumpur"), ("cambodia", "phnom penh"), ("myanmar", "naypyidaw"),
            ("bangladesh", "dhaka"), ("sri lanka", "colombo"), ("nepal", "kathmandu"),
            ("afghanistan", "kabul"), ("mongolia", "ulaanbaatar"), ("iraq", "baghdad"),
            ("syria", "damascus"), ("lebanon", "beirut"), ("united arab emirates", "abu dhabi"),
            ("qatar", "doha"), ("oman", "muscat"), ("yemen", "sanaa"), ("morocco", "rabat"),
            ("algeria", "algiers"), ("tunisia", "tunis"), ("libya", "tripoli"),
            ("sudan", "khartoum"), ("ethiopia", "addis ababa"), ("ghana", "accra"),
            ("senegal", "dakar"), ("ivory coast", "abidjan"), ("cameroon", "yaounde"),
            ("democratic republic of congo", "kinshasa"), ("angola", "luanda"),
            ("tanzania", "dodoma"), ("tanzania", "dar es salaam"), ("uganda", "kampala"),
            ("rwanda", "kigali"), ("zimbabwe", "harare"), ("zambia", "lusaka"),
            ("mozambique", "maputo"), ("somalia", "mogadishu"), ("colombia", "bogota"),
            ("venezuela", "caracas"), ("peru", "lima"), ("chile", "santiago"),
            ("ecuador", "quito"), ("bolivia", "la paz"), ("uruguay", "montevideo"),
            ("paraguay", "asuncion"), ("cuba", "havana"), ("haiti", "port-au-prince"),
            ("el salvador", "san salvador"), ("honduras", "tegucigalpa"),
            ("nicaragua", "managua"),
            ("dominican republic", "santo domingo"),
            ("palestine", "ramallah"), ("india", "bengaluru"), ("india", "chennai"),
            ("india", "kolkata"), ("china", "chongqing"), ("china", "guangzhou"),
            ("china", "wuhan"), ("china", "xian"), ("japan", "kyoto"), ("japan", "nagoya"),
            ("south korea", "busan"), ("russia", "st petersburg"), ("russia", "kazan"),
            ("ukraine", "kharkiv"), ("ukraine", "odesa"), ("ukraine", "lviv"),
            ("united kingdom", "manchester"), ("united kingdom", "edinburgh"),
            ("france", "marseille"), ("france", "lyon"), ("germany", "munich"),
            ("germany", "hamburg"), ("germany", "frankfurt"), ("italy", "milan"),
            ("italy", "naples"), ("spain", "barcelona"), ("switzerland", "zurich"),
            ("netherlands", "rotterdam"), ("turkey", "izmir"), ("brazil", "sao paulo"),
            ("argentina", "buenos aires"), ("mexico", "mexico city"), ("canada", "montreal"),
            ("canada", "vancouver"), ("australia", "melbourne"), ("australia", "brisbane"),
            ("australia", "perth"), ("indonesia", "surabaya"), ("pakistan", "karachi"),
            ("pakistan", "lahore"), ("nigeria", "lagos"), ("egypt", "sharm el-sheikh"),
            ("saudi arabia", "jeddah"), ("united arab emirates", "dubai"),
            ("united states", "detroit"), ("united states", "boston"),
            ("united states", "seattle"), ("united states", "atlanta"),
            ("united states", "miami"), ("united states", "dallas"),
            ("united states", "philadelphia"), ("united states", "las vegas"),
            ("united states", "baltimore"), ("united states", "boca chica"),
            ("united states", "vandenberg"), ("israel", "tel aviv"), ("israel", "haifa"),
            ("vietnam", "ho chi minh city"), ("thailand", "phuket"),
        )
    },
}  # fmt: skip

# Organisations' other names (acronyms are derived; these are not).
ORG_ALIASES: dict[str, tuple[str, ...]] = {
    "house of representatives": ("house", "congress"),
    "us house of representatives": ("house", "congress"),
    "senate": ("senate", "senators"),
    "federal reserve": ("fed",),
    "us federal reserve": ("fed",),
    "people's bank of china": ("pboc", "china's central bank", "chinese central bank"),
    "peoples bank of china": ("pboc", "china's central bank", "chinese central bank"),
    "bank of japan": ("boj", "japan's central bank", "japanese central bank"),
    "european central bank": (
        "ecb",
        "euro zone central bank",
        "eurozone central bank",
        "euro area central bank",
    ),
    "bank of england": ("boe", "britain's central bank", "british central bank"),
    "reserve bank of india": ("rbi", "india's central bank", "indian central bank"),
    "indian space research organisation": ("isro",),
    "national aeronautics and space administration": ("nasa",),
    "european union": ("eu", "brussels"),
    "united nations": ("un",),
    "united states senate": ("senate", "senators"),
    "european parliament": ("eu parliament", "meps", "eu lawmakers", "european lawmakers"),
    "european commission": ("eu commission", "brussels"),
    "european council": ("eu leaders", "eu summit"),
    "us senate": ("senate", "senators"),
    "federal bureau of investigation": ("fbi",),
    "food and drug administration": ("fda",),
    "us food and drug administration": ("fda",),
    "international monetary fund": ("imf",),
    "world health organization": ("who", "un health agency"),
    "reserve bank of australia": ("rba",),
    "bank of canada": ("boc",),
    "swiss national bank": ("snb",),
    "reserve bank of new zealand": ("rbnz",),
    "bank of korea": ("bok",),
    # Bodies news names by what they do ("UN nuclear watchdog").
    "international atomic energy agency": ("iaea", "un nuclear watchdog", "un atomic watchdog"),
    "iaea": ("un nuclear watchdog", "un atomic watchdog"),
    "who": ("un health agency",),
}

# Central banks whose names do not say their country: news calls each "<country>'s central
# bank" ("UK central bank", "Britain's central bank"), and names the country for it ("Japan
# raises rates"). A bank named for its country ("Bank of Japan") needs no entry.
CENTRAL_BANK_COUNTRY: dict[str, str] = {
    "bank of england": "united kingdom",
    "federal reserve": "united states",
    "us federal reserve": "united states",
    "federal reserve board": "united states",
    "european central bank": "european union",
    "bundesbank": "germany",
    "riksbank": "sweden",
    "norges bank": "norway",
    "banxico": "mexico",
}
# Banks named "Bank of <country>" that are commercial banks, not the country's central bank.
COMMERCIAL_BANKS: frozenset[str] = frozenset(
    {"bank of america", "bank of china", "bank of ireland", "bank of scotland", "bank of india"}
)

# Places near one another that news uses interchangeably for the same event.
NEARBY: dict[str, tuple[str, ...]] = {
    "san francisco": ("bay area", "woodside", "filoli", "california"),
    "cape canaveral": ("kennedy space center", "florida"),
    "washington": ("white house", "capitol", "oval office"),
    "new york": ("manhattan", "brooklyn", "queens", "bronx"),
    "beijing": ("great hall of the people", "diaoyutai", "zhongnanhai"),
    # Rooms of a venue name the venue ("clash in the Oval Office" is at the White House).
    "white house": ("oval office", "east room", "rose garden", "west wing", "south lawn"),
}

# East Asian family names come first ("Xi Jinping" -> Xi, "Yoon Suk Yeol" -> Yoon).
FAMILY_NAME_FIRST: frozenset[str] = words(
    "xi wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo "
    "liang song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng "
    "lu su jiang cai jia ding wei qin kim park lee choi jung kang cho yoon jang lim han oh "
    "seo shin kwon hwang ahn song moon"
)

# Words in an actor's name that mark an organisation, not a person.
ORG_WORDS: frozenset[str] = words(
    "bank reserve federal fed ministry department party council union commission committee "
    "agency court parliament congress senate house government inc corp corporation company "
    "group ltd plc nations league organisation organization fund institute university "
    "association authority board office army navy forces police administration airlines "
    "motors technologies systems labs space republic kingdom states opec nato apec g7 g20"
)

# Words that also make a name an organisation in the evidence area (beyond ORG_WORDS, which
# other areas share): trade unions, firms by their trade, national bodies.
MORE_ORG_WORDS: frozenset[str] = words(
    "workers employees teachers doctors nurses pilots drivers federation coalition foundation "
    "society bureau service services exchange regulator technology aerospace automotive "
    "pharmaceuticals pharma therapeutics biotech energy airways airline railway railways "
    "studios entertainment media games electronics semiconductor networks platforms robotics "
    "dynamics industries holdings ventures partners financial insurance telecom "
    "communications foods brands club fc junta regime tribunal directorate secretariat "
    "organisation organization laboratory observatory mission guild"
)

# Legal forms closing a company's name: news drops them ("Apple Inc." is "Apple").
ORG_SUFFIXES: frozenset[str] = words(
    "inc incorporated corp corporation co company ltd limited plc llc lp ag sa se nv bv spa "
    "gmbh kk group holdings"
)

# Words that name a government by its country ("the Japanese government", "government of
# India"): such an actor is the country in news ("Japan approves ...").
GOVERNMENT_WORDS: frozenset[str] = words(
    "government administration cabinet authorities state federal national the of s "
    # A country's legislature in news is the country ("Hungary ratifies ...").
    "parliament legislature lawmakers"
)

# Particles inside surnames ("von der Leyen", "da Silva").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "van", "der", "de", "da", "di", "del", "la", "le", "bin", "al", "dos", "du"}
)

# Honorifics and titles that may precede a name inside an actor string.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "president", "prime", "minister", "secretary"}
)
