"""Turn found identifiers into redacted text: mask, remove, hash or surrogate.

- ``mask`` (default): each identifier becomes ``[TYPE]``.
- ``remove``: each identifier is deleted.
- ``hash``: ``[TYPE:xxxxxxxxxx]``, an HMAC-SHA256 of the normalised value under a key (a
  random one per call unless given), so within one request the same value gives the same
  token and across requests nothing can be linked or reversed.
- ``surrogate``: realistic fake values, consistent within the call (each name part is
  replaced on its own, so "John Smith" and "Mr. Smith" keep one fake surname); dates are
  shifted by one random number of days per call, so intervals survive; ZIP codes keep
  their first three digits only where Safe Harbor allows it; ages over 89 become "90+".
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import hmac
import random
import re
import secrets
from dataclasses import dataclass, field

from clinical.phi import lexicon as lx
from clinical.phi.engine import Entity, find_phi

STRATEGIES = ("mask", "remove", "hash", "surrogate")


@dataclass
class RedactionResult:
    entities: list[Entity]
    text: str
    strategy: str = "mask"

    def as_dict(self) -> dict:
        return {"entities": [e.as_dict() for e in self.entities], "text": self.text}


def redact(
    text: str,
    strategy: str = "mask",
    *,
    key: bytes | None = None,
    seed: int | None = None,
) -> RedactionResult:
    """Find the PHI in ``text`` and replace it by ``strategy``.

    ``key`` keys the ``hash`` strategy and ``seed`` the ``surrogate`` strategy; both default
    to fresh random values, so two calls never share tokens or fake values.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; one of {', '.join(STRATEGIES)}")
    entities = find_phi(text)
    if strategy == "mask":
        replace = _mask
    elif strategy == "remove":
        replace = _remove
    elif strategy == "hash":
        replace = _Hasher(key or secrets.token_bytes(32))
    else:
        replace = _Surrogates(seed if seed is not None else secrets.randbits(64))
    out: list[str] = []
    pos = 0
    for entity in entities:
        out.append(text[pos : entity.start])
        out.append(replace(entity, text[entity.start : entity.end]))
        pos = entity.end
    out.append(text[pos:])
    return RedactionResult(entities=entities, text="".join(out), strategy=strategy)


def _mask(entity: Entity, value: str) -> str:
    return f"[{entity.type}]"


def _remove(entity: Entity, value: str) -> str:
    return ""


def _normal(value: str) -> str:
    return " ".join(value.casefold().split())


class _Hasher:
    def __init__(self, key: bytes):
        self.key = key

    def __call__(self, entity: Entity, value: str) -> str:
        digest = hmac.new(self.key, _normal(value).encode(), hashlib.sha256).hexdigest()
        return f"[{entity.type}:{digest[:10]}]"


_FAKE_STREETS = (
    "Oak", "Pine", "Cedar", "Elm", "Willow", "Hillcrest", "Lakeview", "Sunset", "Highland",
    "Meadow", "Ridge", "Brookside", "Chestnut", "Walnut", "Spring", "Forest", "Park", "Main",
)  # fmt: skip
_FAKE_SUFFIX = ("Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way", "Place")
_FAKE_CITIES = (
    "Fairview", "Riverton", "Greenville", "Kingston", "Salem", "Georgetown", "Clinton",
    "Madison", "Franklin", "Arlington", "Ashland", "Milton", "Oxford", "Dover", "Lebanon",
)  # fmt: skip
_DATE_FORMATS = (
    "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y", "%Y-%m-%d", "%Y/%m/%d", "%m.%d.%Y",
    "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
    "%d-%b-%Y", "%b-%d-%Y", "%B %d", "%b %d", "%b. %d", "%d %B", "%B %Y", "%b %Y", "%m/%d",
)  # fmt: skip
_TIME_RE = re.compile(
    r"(?:\s*(?:,|at|@|-)?\s*|T)\d{1,2}:\d{2}.*$|\s*(?:at|@)?\s*\d{1,2}\s*[ap]\.?m\.?$", re.I
)


@dataclass
class _Surrogates:
    seed: int
    memo: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        sign = self.rng.choice((-1, 1))
        self.shift = dt.timedelta(days=sign * self.rng.randint(30, 730))
        firsts = sorted(lx.first_names(), key=lx.first_names().get)[:2000]
        lasts = sorted(lx.surnames(), key=lx.surnames().get)[:5000]
        self.rng.shuffle(firsts)
        self.rng.shuffle(lasts)
        self.firsts, self.lasts = firsts, lasts

    def _rng_for(self, kind: str, value: str) -> random.Random:
        digest = hashlib.sha256(f"{self.seed}:{kind}:{_normal(value)}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def __call__(self, entity: Entity, value: str) -> str:
        memo_key = (entity.type, _normal(value))
        if memo_key not in self.memo:
            maker = getattr(self, f"_{entity.type.lower()}", self._scramble)
            self.memo[memo_key] = maker(value)
        return self.memo[memo_key]

    # one fake per name part, so "John Smith" and "Mr. Smith" stay one person
    def _name(self, value: str) -> str:
        parts = re.split(r"(\s+|,\s*)", value)
        words = [p for p in parts if p.strip(" ,")]
        out = []
        for index, part in enumerate(parts):
            if not part.strip(" ,"):
                out.append(part)
                continue
            if len(part.rstrip(".")) == 1:
                out.append(self._rng_for("initial", part).choice("ABCDEFGHJKLMNPRSTW") + ".")
                continue
            low = part.lower()
            is_first = low in lx.first_names() and (
                low not in lx.surnames() or (index == 0 and len(words) > 1)
            )
            pool = self.firsts if is_first else self.lasts
            fake = pool[self._rng_for("name", part).randrange(len(pool))]
            if part.isupper():
                out.append(fake.upper())
            elif part.islower():
                out.append(fake)
            else:
                out.append(fake.title())
        return "".join(out)

    def _date(self, value: str) -> str:
        time_match = _TIME_RE.search(value)
        core = value[: time_match.start()] if time_match else value
        suffix = value[time_match.start() :] if time_match else ""
        cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", core.strip()).replace("Sept", "Sep")
        cleaned = re.sub(r"^the\s+(\d+)\s+of\s+", r"\1 ", cleaned, flags=re.I)
        for fmt in _DATE_FORMATS:
            try:
                parsed = dt.datetime.strptime(cleaned, fmt)
            except ValueError:
                continue
            if "%Y" not in fmt and "%y" not in fmt:
                parsed = parsed.replace(year=2000)  # leap-safe placeholder year
            if "%d" not in fmt:
                parsed = parsed.replace(day=15)
            out = (parsed + self.shift).strftime(fmt)
            if not re.search(r"(?<!\d)0\d", cleaned):  # "3/4/2024", not "03/04/2024"
                out = re.sub(r"(?<!\d)0(\d)", r"\1", out)
            return out + suffix
        if cleaned.lower().rstrip(".") in lx.MONTHS:
            month = lx.MONTHS[cleaned.lower().rstrip(".")]
            shifted = dt.date(2000, month, 15) + self.shift
            return calendar.month_name[shifted.month]
        if cleaned.lower() in lx.WEEKDAYS:
            index = [d.lower() for d in calendar.day_name].index(cleaned.lower())
            return calendar.day_name[(index + self.shift.days) % 7]
        return "[DATE]"

    def _age(self, value: str) -> str:
        return "90+"

    def _location(self, value: str) -> str:
        rng = self._rng_for("location", value)
        if re.fullmatch(r"\d{5}(?:-\d{4})?", value):
            prefix = value[:3]
            return ("000" if prefix in lx.RESTRICTED_ZIP3 else prefix) + "00"
        if re.match(r"\d", value):
            return f"{rng.randint(10, 9999)} {rng.choice(_FAKE_STREETS)} {rng.choice(_FAKE_SUFFIX)}"
        return rng.choice(_FAKE_CITIES)

    def _email(self, value: str) -> str:
        rng = self._rng_for("email", value)
        return f"{rng.choice(self.firsts)}.{rng.choice(self.lasts)}@example.org"

    def _url(self, value: str) -> str:
        return f"https://example.org/{self._rng_for('url', value).getrandbits(32):08x}"

    def _ip(self, value: str) -> str:
        rng = self._rng_for("ip", value)
        if ":" in value:
            return f"2001:db8::{rng.getrandbits(16):x}"
        return f"192.0.2.{rng.randint(1, 254)}"

    def _scramble(self, value: str) -> str:
        """Same shape, other characters: digits for digits, letters for letters."""
        rng = self._rng_for("id", value)
        out = []
        for c in value:
            if c.isdigit():
                out.append(str(rng.randint(0, 9)))
            elif c.isalpha() and c.isascii():
                letter = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
                out.append(letter if c.isupper() else letter.lower())
            else:
                out.append(c)
        return "".join(out)

    def _biometric(self, value: str) -> str:
        return "[BIOMETRIC]"

    def _photo(self, value: str) -> str:
        return "[PHOTO]"
