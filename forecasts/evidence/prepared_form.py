"""A prepared claim as stored beside the index: compact bytes, cheaper to read than to derive.

``judge.prepare`` derives what the judge reuses for every item from a claim's text (60-120 µs a
claim). A verification pass over a million open claims cannot keep every prepared claim in
memory, so the derived part is stored once, when the claim is indexed, and read back with the
claim's row (about 6 µs). The bytes are ``marshal`` data of plain tuples (no code runs when they
are read, unlike pickle); the place aliases are left out when the location's own aliases give
them back, which halves the size.

``FINGERPRINT`` names the code that derived a form: a hash of this package's source (the judge,
its lexicons, tokenizer, actors and events), the lemmatizer's version and the marshal format.
A stored form with another fingerprint is derived again, so a change in the lexicons never
judges with a stale form. ``encode`` checks its own work: a form that does not read back equal
(a field the encoding does not know) is not stored, and that claim is simply derived each time.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from dataclasses import fields, make_dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar, cast

from forecasts.evidence.actors import Actor, Role
from forecasts.evidence.events import Trigger
from forecasts.evidence.judge import ClaimFacts, PreparedClaim
from forecasts.evidence.places import place_aliases

# PreparedClaim's fields after ``facts``, in order; the two below are encoded by hand.
_DERIVED = tuple(f.name for f in fields(PreparedClaim))[1:]
_ACTORS = _DERIVED.index("actors")
_EXTRA = _DERIVED.index("extra")
_PLACES = _DERIVED.index("places")
_REGION = _DERIVED.index("region")
_ROLES = tuple(f.name for f in fields(Actor)).index("roles")

_T = TypeVar("_T")


def _builder(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen, slotted dataclass ``cls`` from all its fields' values in
    order, the same object as ``cls(*values)``, made about four times faster.

    A frozen dataclass sets each field through ``object.__setattr__`` (its own ``__setattr__``
    refuses), about 0.1 µs a field: a pass at a million claims makes tens of thousands of
    claims' facts, prepared claims and actors, and this was a third of reading a claim back.
    The values go into an unfrozen twin with the same slots instead, which then becomes a
    ``cls`` (the same memory layout, so Python allows it); the object is frozen from then on.
    Used only where every field is given (no defaults, no ``__post_init__`` to run).
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    twin = make_dataclass(f"_{cls.__name__}Twin", names, slots=True, eq=False, repr=False)

    def build(*values: Any) -> _T:
        obj = twin(*values)
        obj.__class__ = cls
        return cast(_T, obj)

    return build


# The plain constructors when the twin cannot become the class (another Python's rules).
def _checked(cls: type[_T]) -> Callable[..., _T]:
    build = _builder(cls)
    values = [object() for _ in fields(cls)]  # type: ignore[arg-type]
    try:
        built, plain = build(*values), cls(*values)
        same = type(built) is cls and built == plain and hash(built) == hash(plain)
    except TypeError:
        same = False
    return build if same else cls


claim_facts: Callable[..., ClaimFacts] = _checked(ClaimFacts)
_prepared_claim = _checked(PreparedClaim)
_new_actor = _checked(Actor)
_new_role = _checked(Role)
_new_trigger = _checked(Trigger)


def _fingerprint() -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(f"lemminflect {version('lemminflect')}".encode())
    digest.update(f"marshal {marshal.version} python {sys.version_info[:2]}".encode())
    return digest.hexdigest()[:16]


FINGERPRINT = _fingerprint()


def encode(pc: PreparedClaim) -> bytes | None:
    """The derived part of ``pc`` as bytes; None when it would not read back the same."""
    values: list[Any] = [getattr(pc, name) for name in _DERIVED]
    values[_ACTORS] = tuple(_actor_tuple(a) for a in pc.actors)
    values[_EXTRA] = tuple(tuple(getattr(t, f.name) for f in fields(Trigger)) for t in pc.extra)
    if (pc.places, pc.region) == place_aliases(pc.facts.location):
        values[_PLACES] = values[_REGION] = None
    try:
        body = marshal.dumps(tuple(values))
    except ValueError:  # a value marshal cannot write
        return None
    return body if decode(body, pc.facts) == pc else None


def _actor_tuple(actor: Actor) -> tuple[Any, ...]:
    values = [getattr(actor, f.name) for f in fields(Actor)]
    values[_ROLES] = tuple(tuple(getattr(r, f.name) for f in fields(Role)) for r in actor.roles)
    return tuple(values)


def _actor(stored: tuple[Any, ...]) -> Actor:
    roles = stored[_ROLES]
    if not roles:  # most actors: stored exactly as the Actor's fields
        return _new_actor(*stored)
    values = list(stored)
    values[_ROLES] = tuple([_new_role(*r) for r in roles])
    return _new_actor(*values)


def decode(body: bytes, facts: ClaimFacts) -> PreparedClaim:
    """The prepared claim ``facts`` had when ``body`` was encoded (same fingerprint).

    A pass at a million open claims decodes tens of thousands: empty parts are left as they
    are read (empty tuples), and lists are built without generators."""
    # Bytes this module wrote to the project's own database: whoever can write there can
    # change every verdict anyway. marshal makes data, never runs any (pickle would).
    values = list(marshal.loads(body))  # noqa: S302
    if values[_ACTORS]:
        values[_ACTORS] = tuple([_actor(a) for a in values[_ACTORS]])
    if values[_EXTRA]:
        values[_EXTRA] = tuple([_new_trigger(*t) for t in values[_EXTRA]])
    if values[_PLACES] is None:
        values[_PLACES], values[_REGION] = place_aliases(facts.location)
    return _prepared_claim(facts, *values)
