"""Finding citations in running text: document numbers and known aliases, resolved to record ids.

A bare number is not an identity ("13/KH-UBND" exists in Lào Cai and in Trà Vinh), so a
match is resolved with the province of the text that cites it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

NUMBER_RE = re.compile(r"\d{1,5}(?:/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-ZĐa-zđ0-9]+)*")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


def number_key(number: str) -> str:
    """The form two spellings of one number share: no spaces, one kind of dash, case folded."""
    text = unicodedata.normalize("NFC", number).translate(_DASHES)
    return re.sub(r"\s+", "", text).casefold().lstrip("0") or "0"


def alias_key(alias: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", alias)).strip().casefold()


@dataclass(frozen=True)
class Candidate:
    """A record a number or alias may refer to, with the province that scopes it (None: central)."""

    record_id: str
    province: str | None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    target: str | None
    candidates: tuple[str, ...] = ()


class CitationFinder:
    """Built once from all numbers and aliases; finds and resolves mentions in any text."""

    def __init__(self, numbers: dict[str, list[Candidate]], aliases: dict[str, list[Candidate]]) -> None:
        self.numbers = numbers
        self.aliases = aliases
        words = sorted(aliases, key=len, reverse=True)
        pattern = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in words)
        self.alias_re = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE) if words else None

    @classmethod
    def of(cls, data) -> CitationFinder:
        """The finder of a dataset's documents and plans (a `loader.Dataset`), each scoped by its issuer's province:
        the site's index and the importer build the same table."""
        numbers: dict[str, list[Candidate]] = defaultdict(list)
        aliases: dict[str, list[Candidate]] = defaultdict(list)
        for record in [*data.documents.values(), *data.plans.values()]:
            issuer = data.organisations.get(record.issuer or "")
            scope = Candidate(record.id, issuer.province if issuer else None)
            if record.number and any(ch.isdigit() for ch in record.number):
                numbers[number_key(record.number)].append(scope)
            for alias in getattr(record, "aliases", []):
                aliases[alias_key(alias)].append(scope)
        return cls(dict(numbers), dict(aliases))

    def find(self, text: str, province: str | None, fixes: dict[str, str] | None = None) -> list[Mention]:
        """Non-overlapping mentions in order; a number wins over an alias that overlaps it. `fixes`: number
        key → record, a plan's corrections of numbers its source mistyped."""
        text = unicodedata.normalize("NFC", text)
        found = [self._fixed(m, fixes) or self._number(m, province) for m in NUMBER_RE.finditer(text)]
        taken = [(m.start, m.end) for m in found]
        if self.alias_re:
            for match in self.alias_re.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    found.append(self._resolve(match, self.aliases.get(alias_key(match.group()), []), province))
        return sorted(found, key=lambda m: m.start)

    @staticmethod
    def _fixed(match: re.Match, fixes: dict[str, str] | None) -> Mention | None:
        target = fixes.get(number_key(match.group())) if fixes else None
        return Mention(match.start(), match.end(), match.group(), target, (target,)) if target else None

    def _number(self, match: re.Match, province: str | None) -> Mention:
        return self._resolve(match, self.numbers.get(number_key(match.group()), []), province)

    @staticmethod
    def _resolve(match: re.Match, candidates: list[Candidate], province: str | None) -> Mention:
        ids = tuple(c.record_id for c in candidates)
        target = pick(candidates, province) or pick(candidates, _named_province(match, candidates))
        return Mention(match.start(), match.end(), match.group(), target, ids)


def fixes_of(record) -> dict[str, str]:
    """A plan's corrections as `find` takes them (other records have none)."""
    return {number_key(c.text): c.target for c in getattr(record, "corrections", [])}


def pick(candidates: list[Candidate], province: str | None) -> str | None:
    """One candidate: the only one, else the one of the citing province, else the only central one."""
    if len(candidates) == 1:
        return candidates[0].record_id
    for scope in (province, None):
        local = [c for c in candidates if c.province == scope]
        if len(local) == 1:
            return local[0].record_id
    return None


def _named_province(match: re.Match, candidates: list[Candidate]) -> str | None:
    """The province named right after an ambiguous number ("13/KH-UBND của UBND tỉnh Lào Cai")."""
    after = match.string[match.end(): match.end() + 80]
    named = {c.province for c in candidates if c.province and c.province in after}
    return named.pop() if len(named) == 1 else None
