"""Tying an imported plan to the data already there: organisations, cited documents, themes.

Everything is looked up in the loaded data set (never a list typed into the code): units by
their names, short names and aliases within the plan's province, citations with the site's own
`CitationFinder`, themes by the words of the tasks maintainers already filed under each theme.
What is not found is created (organisations) or listed (citations), and always marked for review.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..data import model
from ..data.loader import Dataset, read_all
from ..text.citations import CitationFinder, number_key, pick
from ..text.format import fold

IMPORT_MARK = "# Tạo bởi 'python -m macros import'"
SAMPLE = 400  # tasks per theme that teach the theme guesser


@dataclass
class Linker:
    data: Dataset
    province: str | None = None
    new_orgs: dict[str, dict] = field(default_factory=dict)
    new_docs: dict[str, dict] = field(default_factory=dict)  # number key → document record read from a citation

    @classmethod
    def load(cls, root: Path, parses: dict | None = None) -> "Linker":
        """The data set as it is, errors or not (an import must work while other records are being fixed).
        `parses`: YAML parses kept from an earlier load (a batch), only changed files are parsed again."""
        return cls(read_all(root, parses)[0])

    def without(self, plan_id: str) -> "Linker":
        """The same data without the plan being imported and the organisations a previous import of it
        wrote (data/organisations/<plan id>.yaml, marked as ours): a second run sees what the first saw."""
        own = Path(self.data.root) / "organisations" / f"{plan_id}.yaml"
        ours = _written_by_import(own)
        orgs = {i: o for i, o in self.data.organisations.items()
                if not (ours and Path(self.data.origins[i].source.path).name == own.name)}
        plans = {i: p for i, p in self.data.plans.items() if i != plan_id}
        docs = {i: d for i, d in self.data.documents.items() if not (plan_id and d.review and f"kế hoạch {plan_id} " in d.review)}
        return Linker(replace(self.data, organisations=orgs, plans=plans, documents=docs))

    # --- provinces and organisations ----------------------------------------------------

    def provinces(self) -> set[str]:
        return {o.province for o in self.data.organisations.values() if o.province}

    def known_province(self, text: str | None) -> str | None:
        folded = fold(text or "")
        return next((p for p in sorted(self.provinces()) if fold(p) == folded), None)

    def province_in(self, text: str) -> str | None:
        """The known province named most often as 'tỉnh X' in the text."""
        counts = Counter(p for p in self.provinces() for _ in re.finditer(rf"tỉnh\s+{re.escape(p)}", text))
        return counts.most_common(1)[0][0] if counts else None

    def org_key(self, text: str) -> str:
        words = self._expand(text)
        words = re.sub(r"[^\w\s]", " ", fold(words).replace("–", "-").replace("-", " "))
        words = re.sub(r"\s+", " ", words).strip()
        if self.province:
            words = re.sub(rf"\s+(?:tinh\s+)?{re.escape(fold(self.province))}$", "", words)
        return re.sub(r"\s+tinh$", "", words)

    def _expand(self, text: str) -> str:
        for term in sorted(self.data.terms.values(), key=lambda t: -len(t.term)):
            if re.fullmatch(r"[A-ZĐ]{2,}", term.term):
                text = re.sub(rf"(?<!\w){re.escape(term.term)}(?!\w)", term.meaning, text)
        return text

    def find_org(self, text: str) -> str | None:
        key = self.org_key(text)
        orgs = [*self.data.organisations.values(), *[_as_org(o) for o in self.new_orgs.values()]]
        hits = {o.id for o in orgs if o.province in {self.province, None}
                and key in {self.org_key(n) for n in [o.name, o.short_name, *o.aliases] if n}}
        local = {i for i in hits if self._province_of(i) == self.province}
        return next(iter(local or hits)) if len(local or hits) == 1 else None

    def _province_of(self, org_id: str) -> str | None:
        org = self.data.organisations.get(org_id)
        return org.province if org else self.new_orgs[org_id].get("province")

    def make_org(self, text: str, issuer: str | None, parent: str | None = None) -> str:
        """A new organisation entry for a unit the data does not have yet; its id is returned.
        `parent`: the body printed above the issuer's name in the header ('UBND TỈNH …' over 'SỞ …')."""
        name, placed, level, sub = self._placement(text, issuer)
        parent = parent or placed
        slug = _slug(self._abbreviate(re.sub(r"\s+Sở$", "", text) if sub else text))
        org_id = f"{slug}-{issuer}" if sub else "-".join(filter(None, [slug, _slug(self.province)]))
        taken = self.data.organisations.get(org_id)
        others = (self.data.documents, self.data.plans, self.data.campaigns, self.data.themes, self.data.terms)
        if (taken and taken.name != name) or any(org_id in table for table in others):
            org_id = f"{org_id}-2"  # ids are shared by every kind of record
        entry = {"id": org_id, "name": name, "kind": _kind(text), "level": level}
        if parent:
            entry["parent"] = parent
        if self.province:
            entry["province"] = self.province
        if name != text:
            entry["aliases"] = [text]
        entry["review"] = (f"tạo từ tên “{text}” trong văn bản nhập: kiểm tra tên đầy đủ, cấp {level}"
                           + (f", cơ quan cấp trên {parent}" if parent else ", cơ quan cấp trên (chưa ghi)"))
        self.new_orgs.setdefault(org_id, entry)
        return org_id

    def _placement(self, text: str, issuer: str | None) -> tuple[str, str | None, str, bool]:
        """(full name, parent id, level, is a sub-unit of the issuer): a 'Phòng …' of a department
        belongs to that department; anything else is a body of the province."""
        bare = re.sub(r"\s+tỉnh$", "", text.strip())
        name = bare if not self.province or self.province in text else f"{bare} tỉnh {self.province}"
        if re.match(r"^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Tỉnh ủy)\b", text):
            return name, None, "tinh", False
        owner = self._org(issuer)
        own = re.match(r"^(Phòng|Trung tâm|Tổ|Đội|Bộ phận)\b", text) or re.search(r"\sSở$", text)
        if owner and owner.level != "tinh" and own:
            return f"{text}, {owner.name}", issuer, owner.level, True
        if _kind(text) == "mat-tran-doan-the":  # the Front and mass organisations answer to no People's Committee
            return name, None, "tinh", False
        if _kind(text) == "dang":
            return name, self.find_org("Tỉnh ủy"), "tinh", False
        top = self.find_org("Ủy ban nhân dân tỉnh") if self.province else None
        return name, top, "so-nganh", False

    def _org(self, org_id: str | None) -> model.Organisation | None:
        if org_id in self.new_orgs:
            return _as_org(self.new_orgs[org_id])
        return self.data.organisations.get(org_id or "")

    def _abbreviate(self, text: str) -> str:
        """The words of an id: 'Ủy ban nhân dân tỉnh Yên Bái' → 'ubnd' (the province is added once, after)."""
        for word, short in (("Ủy ban nhân dân", "ubnd"), ("Uỷ ban nhân dân", "ubnd"), ("Hội đồng nhân dân", "hdnd")):
            text = text.replace(word, short)
        if self.province:
            text = re.sub(rf"\s+(?:tỉnh\s+)?{re.escape(self.province)}$", "", text, flags=re.IGNORECASE)
        return re.sub(r"\s+tỉnh$", "", text)

    # --- citations, themes, campaigns ----------------------------------------------------

    @property
    def finder(self) -> CitationFinder:
        """The table `Citations.finder` builds (numbers and aliases → records, scoped by province),
        without its pass over every plan's citations, which an import does not need."""
        if not hasattr(self, "_finder"):
            self._finder = CitationFinder.of(self.data)
        return self._finder

    def citations(self, text: str) -> tuple[list[str], list[str]]:
        """(resolved record ids, unresolved numbers) in order of mention."""
        found, missing = [], []
        for mention in self.mentions(text):
            target = mention.target or self.new_docs.get(number_key(mention.text), {}).get("id")
            (found if target else missing).append(target or mention.text)
        return list(dict.fromkeys(found)), list(dict.fromkeys(missing))

    def mentions(self, text: str):
        """Citations in `text` ('35/KH- UBND' cut at a line end read whole), positions in `joined(text)`."""
        return self.finder.find(joined(text), self.province)

    def mistyped(self, text: str) -> str | None:
        """The one record whose number differs from `text` only in its type code ('33/TT-TTg' for '33/CT-TTg')."""
        tokens = re.split(r"[-/]", number_key(text))
        type_at = next((i for i, t in enumerate(tokens) if t.isalpha()), None)  # the type code: CT in 33/CT-TTg
        hits = set()
        for key, candidates in self.finder.numbers.items():
            other = re.split(r"[-/]", key)
            differ = [i for i, (a, b) in enumerate(zip(tokens, other)) if a != b]
            if len(other) == len(tokens) and differ == [type_at] and other[type_at].isalpha():
                hits.add(pick(candidates, self.province))
        hits.discard(None)
        return hits.pop() if len(hits) == 1 else None

    def campaigns(self, text: str) -> list[str]:
        plain = fold(text).replace("“", '"').replace("”", '"')
        return [c.id for c in self.data.campaigns.values()
                if any(fold(n) in plain for n in [c.name, *c.aliases])]

    def themes(self, text: str) -> tuple[list[str], str]:
        """Up to three themes whose filed tasks share the most word pairs with `text`, and why."""
        return self._themes.guess(text)

    @property
    def _themes(self) -> "ThemeGuesser":
        if not hasattr(self, "_guesser"):
            self._guesser = ThemeGuesser.build(self.data)
        return self._guesser


class ThemeGuesser:
    """Word-pair profiles of each theme, from its name, description and the tasks filed under it."""

    def __init__(self, profiles: dict[str, Counter]) -> None:
        self.profiles = profiles
        spread = Counter(pair for profile in profiles.values() for pair in profile)
        self.weight = {pair: math.log((1 + len(profiles)) / (1 + n)) + 1 for pair, n in spread.items()}

    @classmethod
    def build(cls, data: Dataset) -> "ThemeGuesser":
        profiles: dict[str, Counter] = {t: Counter() for t in data.themes}
        for theme in data.themes.values():
            for _ in range(3):
                profiles[theme.id].update(pairs(theme.name))
            profiles[theme.id].update(pairs(theme.description))
        filed: Counter = Counter()
        for plan_id in sorted(data.plans):  # the first tasks filed under each theme: enough words, bounded time
            for item in [*data.plans[plan_id].tasks, *data.plans[plan_id].targets]:
                text = f"{getattr(item, 'title', '') or ''} {getattr(item, 'title', '') or ''} {item.text[:600]}"
                for theme in [t for t in item.themes if t in profiles and filed[t] < SAMPLE]:
                    filed[theme] += 1
                    profiles[theme].update(pairs(text))
            if all(filed[t] >= SAMPLE for t in profiles):
                break
        return cls(profiles)

    def guess(self, text: str) -> tuple[list[str], str]:
        mine = pairs(text)
        scores = {t: self._score(mine, p) for t, p in self.profiles.items() if p}
        ranked = sorted(scores, key=lambda t: (-scores[t], t))
        if not ranked or scores[ranked[0]] == 0:
            return [], "không đoán được chủ đề"
        best = scores[ranked[0]]
        chosen = [t for t in ranked[:3] if scores[t] >= 0.8 * best]
        return chosen, "chủ đề đoán theo từ ngữ giống các nhiệm vụ đã xếp chủ đề: " + ", ".join(chosen)

    def _score(self, mine: Counter, profile: Counter) -> float:
        dot = sum(self.weight.get(p, 0) ** 2 * n * profile[p] for p, n in mine.items() if p in profile)
        norm = math.sqrt(sum((self.weight.get(p, 0) * n) ** 2 for p, n in profile.items())) or 1
        return dot / norm


def joined(text: str) -> str:
    return re.sub(r"(\d+/[A-ZĐ]+-)\s+([A-Z])", r"\1\2", text)


def pairs(text: str) -> Counter:
    words = re.findall(r"\w+", fold(text))
    return Counter(zip(words, words[1:]))


def _as_org(entry: dict) -> model.Organisation:
    return model.Organisation.model_validate(entry)


def _kind(text: str) -> str:
    words = fold(text)
    if re.search(r"tinh uy|huyen uy|dang uy|ban dan van|ban tuyen giao|chi bo", words):
        return "dang"
    if re.search(r"mat tran|mttq|hoi |doan thanh nien|cong doan|hoi lien hiep", words + " "):
        return "mat-tran-doan-the"
    return "nha-nuoc"


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text or "")).strip("-")[:60].strip("-")


def _written_by_import(path: Path) -> bool:
    try:
        return IMPORT_MARK in path.read_text(encoding="utf-8")[:300]
    except OSError:
        return False
