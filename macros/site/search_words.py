"""The words officials type that a page does not hold as written: what search adds to an entry's content.

macros/site/search.py cuts the entries and names records; this module adds to each entry:

- `fold`: the entry's words without diacritics, each once and marked with "_" ("_so _noi _vu"):
  docs/assets/javascripts/search-fold.js looks a query typed without diacritics up in this
  field only, so "so noi vu" finds "Sở Nội vụ" in page text while a query typed with
  diacritics never matches a folded word ("Sở" does not find "sợ");
- `alt`: the other form of every glossary abbreviation the entry uses ("Mặt trận Tổ quốc" on a
  page makes it found by "MTTQ", and "MTTQ" by "Mặt trận Tổ quốc");
- for a document or plan whose number another record shares, its issuer and province as `keys`
  (weighted like the title), so "13/KH-UBND Lào Cai" puts Lào Cai's plan first; other records
  get them as `also`;
- for the hub pages (templates, guides, calendar, documents index) the words officials use for
  them ("mẫu kế hoạch", "hạn báo cáo") as `keys`.

Weights are set in mkdocs.yml (`plugins.search.fields`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from html import unescape

from typing import get_args

from ..data.model import DocumentType
from ..text.format import fold, label

GLOSSARY_BOOST = 40  # search.TERM_BOOST: the glossary rows
_WORD = re.compile(r"[^\W_]")  # a token with a letter or digit ("–" and "·" are not words)

# Hub page → what officials call it (the page's own title already counts).
HUB_WORDS = {
    "huong-dan/mau.html": "mẫu kế hoạch mẫu báo cáo biểu mẫu tải mẫu phiếu đăng ký mô hình đề cương báo cáo",
    "huong-dan/xay-dung-ke-hoach.html": "hướng dẫn soạn kế hoạch cách viết kế hoạch bố cục kế hoạch thể thức",
    "huong-dan/index.html": "hướng dẫn soạn thảo",
    "ke-hoach/lich-bao-cao.html": "lịch báo cáo hạn báo cáo thời hạn báo cáo kỳ báo cáo nhắc hạn báo cáo 6 tháng "
                                  "báo cáo năm báo cáo định kỳ",
    "ke-hoach/so-sanh.html": "so sánh kế hoạch đối chiếu chỉ tiêu các tỉnh",
    "van-ban/index.html": "danh sách văn bản văn bản còn hiệu lực căn cứ pháp lý",
    "van-ban/he-thong.html": "hệ thống căn cứ sơ đồ văn bản văn bản cấp trên",
    "soan-ke-hoach/index.html": "soạn kế hoạch dự thảo kế hoạch mẫu kế hoạch của đơn vị",
}


class ReadingWords:
    """The words added to one build's entries (glossary pairs and shared numbers computed once)."""

    def __init__(self, state) -> None:
        self.state = state

    def add(self, entry: dict, splitter: Splitter, record: tuple[str, str] | None) -> None:
        """Add `fold`, `alt` and, for records and hub pages, the words that name them (idempotent)."""
        have = set(tokens(" ".join(entry.get(f, "") for f in ("title", "text", "keys", "also", "alt", "fold")), splitter))
        alt, folded = self._abbreviation_words(entry)
        _extend(entry, "alt", alt, splitter, have)
        hub = HUB_WORDS.get(entry["location"])
        if hub:
            _extend(entry, "keys", [hub, fold(hub)], splitter, have)
        if record:
            names, shared = self._issuer_words(*record)
            _extend(entry, "also", names + [fold(n) for n in names], splitter, have)
        if "fold" not in entry:  # every word of the entry once, folded and marked: "_so _noi _vu"
            # A glossary row's text explains with examples ("ví dụ 33/CT-TTg"): only its name counts.
            if "#" in entry["location"] and entry.get("boost", 0) >= GLOSSARY_BOOST:
                words = fold(unescape(" ".join(entry.get(f, "") for f in ("title", "keys"))))
            else:  # title and text were folded for the abbreviations (fold and unescape go word by word)
                rest = " ".join(entry.get(f, "") for f in ("alt", "keys", "also", "tagwords"))
                words = folded + " " + fold(unescape(rest))
            distinct = dict.fromkeys(tokens(words, splitter))  # each word tested once
            entry["fold"] = " ".join("_" + t for t in distinct
                                     if not t.startswith("_") and (t.isalnum() or _WORD.search(t)))

    def _abbreviation_words(self, entry: dict) -> tuple[list[str], str]:
        """For each glossary term the entry uses, its meaning; for each meaning it spells out, the term.
        Also the entry's title and text folded (add folds them again for `fold`)."""
        text = unescape(entry.get("title", "") + " " + entry.get("text", ""))
        folded = fold(text)
        out = []
        for term, meaning, folded_meaning, term_re, meaning_re in self._glossary:
            # A plain substring test first: most entries use few terms, and it is many times cheaper.
            if term in text and term_re.search(text):
                out.append(meaning)
            elif folded_meaning in folded and meaning_re.search(folded):
                out.append(term)
        return out, folded

    @cached_property
    def _glossary(self) -> list[tuple[str, str, str, re.Pattern, re.Pattern]]:
        """Abbreviations of three letters or more that name a body or a thing ("MTTQ", "UBND"); a
        meaning without its notes in brackets. Two-letter codes and document types ("KH", "QĐi")
        are in almost every page: pairing them would only add noise."""
        kinds = {label(t).casefold() for t in get_args(DocumentType)}
        pairs = []
        for t in sorted(self.state.data.terms.values(), key=lambda t: t.id):
            meaning = re.sub(r"\s*\(.*?\)", "", t.meaning).split(";")[0].strip()
            if len(t.term) > 2 and meaning and meaning.casefold() not in kinds and not t.term.endswith("."):
                pairs.append((t.term, meaning, fold(meaning), re.compile(rf"(?<!\w){re.escape(t.term)}(?!\w)"),
                              re.compile(rf"(?<!\w){re.escape(fold(meaning))}(?!\w)")))
        return pairs

    def _issuer_words(self, kind: str, record_id: str) -> tuple[list[str], bool]:
        """The issuer's names and province of a document or plan, and whether its number is shared."""
        if kind not in {"documents", "plans"}:
            return [], False
        record = self.state.index.records.record(record_id)
        org = self.state.index.records.issuer_of(record_id)
        names = [n for n in ([org.name, org.short_name, org.province] if org else []) if n]
        return names, bool(record.number) and self._numbers[_number_key(record.number)] > 1

    @cached_property
    def _numbers(self) -> Counter:
        records = [*self.state.data.documents.values(), *self.state.data.plans.values()]
        return Counter(_number_key(r.number) for r in records if r.number)


def _extend(entry: dict, field: str, texts: list[str], splitter: Splitter, have: set[str]) -> None:
    new = new_tokens(texts, splitter, have)
    if new:
        entry[field] = " ".join(filter(None, [entry.get(field, ""), *new]))


class Splitter:
    """Material's separator (`plugins.search.separator`) as a split that gives no empty words.

    A separator of the usual form, white space and a few characters (`[\\s\\-–—/,.;:]+`), splits by
    replacing those characters with spaces and str.split (the same white space as \\s): three times
    faster than the pattern, which tries every character of every page's text. Any other separator
    splits with the pattern itself."""

    _SIMPLE = re.compile(r"\[\\s((?:\\\W|[^\[\]\\\-^])*)\]\+")  # escapes of punctuation only

    def __init__(self, separator: str) -> None:
        simple = self._SIMPLE.fullmatch(separator)
        self._chars = re.sub(r"\\(.)", r"\1", simple.group(1)) if simple else None
        self._pattern = None if simple else re.compile(separator)

    def split(self, text: str) -> list[str]:
        if self._pattern is not None:
            return [t for t in self._pattern.split(text) if t]
        for char in self._chars:
            if char in text:
                text = text.replace(char, " ")
        return text.split()


def tokens(text: str, splitter: Splitter) -> list[str]:
    """What Material's tokenizer makes of a text: split on the separator, lower-cased.

    The whole text is lower-cased at once (one call instead of one per word): the same but for a capital
    sigma, which lower() makes final or not by what follows it, so a text holding one goes word by word."""
    if "\u03a3" in text:
        return [t.lower() for t in splitter.split(text)]
    return splitter.split(text.lower())


def new_tokens(texts: list[str], splitter: Splitter, seen: set[str]) -> list[str]:
    """Distinct tokens of `texts` in first-seen order, minus `seen` (which grows)."""
    out = []
    for text in texts:
        for token in tokens(text, splitter):
            if token not in seen:
                seen.add(token)
                out.append(token)
    return out


def _number_key(number: str) -> str:
    return re.sub(r"\W+", "", fold(number))
