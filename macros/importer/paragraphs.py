"""Lines → paragraphs: undo the line wrapping of text copied out of PDF files and web pages.

Sources come in many shapes: one paragraph per line (Word, most .txt), Markdown with `#` and
`**`, text cut at every printed line (a PDF, a portal page copied from a narrow column) with page
numbers and footnotes in the middle of sentences, header and signature blocks whose two columns
arrive side by side (`|`, tabs) or one under the other with rule lines (`-------`). Recognisers
only ever see whole paragraphs, each with the number of the source line it starts on, so a
review note can send the maintainer to that line.

A hard-wrapped text loses where its paragraphs ended; what is left to read it by:
- a blank line, where the copy keeps blank lines between paragraphs (not in a PDF copy that
  puts one after every printed line);
- the width: a line that stopped although the next word would have fitted ended a paragraph;
- the first word of the next line: lower case carries on, a list marker ("2.", "a)", "- " and a
  capital) starts an item, unless the line before stopped mid-sentence;
- the punctuation the line ends with: a paragraph never ends on a comma;
- the text's own words: a capitalised pair of words written in lower case everywhere else
  begins a sentence, one written with capitals inside sentences is a name (Thủ tướng, Nhân dân).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text.pagefoot import PAGE_NUMBER, Para, drop_footnotes, unmark
from ..text.format import fold

MARKER = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.(?!\d)|[a-zđ]\)|[-–+•])(?:\s|$)")
RULE = re.compile(r"^(?:[-_=.*–—|:]\s*){3,}$")  # rule lines and Markdown table separators
PAGE_MARK = re.compile(r"^(?:[-–]\s*\d{1,3}\s*[-–]|(?:trang|page)\s+\d{1,3}(?:\s*(?:/|của|of)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$",
                       re.IGNORECASE)
CELL = re.compile(r"\s*(?:\||\t|\s{3,})\s*")  # the columns of a header or signature row, side by side
NUMBER_CUT = re.compile(r"(?:\d/|/[A-ZĐ]{1,8}-|\d{4}/[A-ZĐ]{1,8}-)$")  # "35/KH-" | "UBND": a document number cut
MD_NOTE = re.compile(r"^\[\^(\d{1,3})\]:\s*(\S.*)$")
SENTENCE_END = (".", "!", "?", ":")
HEADING_MAX = 250  # characters: the longest heading of the sources is about 200
ALWAYS_STARTS = re.compile(r"^(?:Trên đây|Nơi nhận|KẾ HOẠCH$)")  # the closing and the foot start their own paragraph


@dataclass
class Paragraphs:
    body: list[Para]
    footnotes: list[tuple[int, Para]] = field(default_factory=list)  # (number, text)
    guesses: list[tuple[int, str]] = field(default_factory=list)  # (line, why) of undecidable line joins


@dataclass(frozen=True)
class Line:
    """One printed line: its number in the source, its words, its raw form (Markdown marks, width)."""

    number: int
    text: str
    raw: str
    blank_before: bool = False


def split(lines: list[str], wrapped: bool | None = None) -> Paragraphs:
    """Paragraphs of `lines`; `wrapped` None means: guess from the lines themselves."""
    kept, notes = drop_footnotes(lines) if wrapped is not False else (list(enumerate(lines, 1)), [])
    printed = {n for n, _ in notes}  # PDF footnotes: their numbers are glued to words in the body
    kept, notes = _markdown_notes(kept, notes)
    printed_lines = _lines(kept)
    reading = Reading.of(printed_lines, wrapped)
    body = reading.join(printed_lines)
    if printed:
        body = [Para(_mark_refs(p.text, printed), p.line) for p in body]
    return Paragraphs(body, notes, reading.guesses)


def _markdown_notes(kept: list[tuple[int, str]], notes: list[tuple[int, Para]]):
    """'[^2]: text' lines (Markdown, and how Word footnotes are kept) are footnotes, not body text;
    the lines under one, up to a blank line, are the rest of it wrapped."""
    body = []
    open_note = False
    for number, raw in kept:
        match = MD_NOTE.match(raw.strip())
        if match:
            notes.append((int(match.group(1)), Para(match.group(2), number)))
        elif open_note and raw.strip():
            n, note = notes[-1]
            notes[-1] = (n, Para(f"{note.text} {raw.strip()}", note.line))
        else:
            body.append((number, raw))
        open_note = bool(match) or (open_note and bool(raw.strip()))
    return body, notes


def _lines(kept: list[tuple[int, str]]) -> list[Line]:
    """Printed lines with words, rule lines and page numbers dropped; the header and foot rows cut
    into their columns (a line may give several)."""
    result: list[Line] = []
    blank = False
    zone = "head"
    for number, raw in kept:
        text = unmark(raw)
        zone = _zone(zone, text)
        if not text:
            blank = True
            continue
        if PAGE_NUMBER.match(text) or PAGE_MARK.match(text) or RULE.match(text):
            continue
        cells = CELL.split(raw.strip()) if zone != "body" else [raw]
        for cell in cells:
            words = unmark(cell)
            if words and not RULE.match(words):
                result.append(Line(number, words, cell.rstrip(), blank))
                blank = False
    return result


def _zone(zone: str, text: str) -> str:
    """'head' until the "KẾ HOẠCH" line, 'body', then 'foot' from "Nơi nhận"."""
    words = fold(text).strip(" .:|")
    if zone == "head" and words == "ke hoach":
        return "body"
    if zone == "body" and words.startswith("noi nhan"):
        return "foot"
    return zone


@dataclass
class Reading:
    """How the lines of one text are to be read: wrapped or not, at what width, what blank lines mean."""

    wrapped: bool
    width: int = 0
    slack: int = 0
    blanks_break: bool = True
    by_blanks: bool = False  # blank lines are where paragraphs end, so a full line always goes on
    named: set = field(default_factory=set)  # capitalised word pairs met inside sentences
    common: set = field(default_factory=set)  # word pairs met in lower case
    enders: set = field(default_factory=set)  # words met before punctuation: words a sentence can end on
    guesses: list = field(default_factory=list)  # (line, why): joins the text cannot decide

    @classmethod
    def of(cls, lines: list[Line], wrapped: bool | None) -> "Reading":
        texts = [line.text for line in lines]
        if wrapped is None:
            wrapped = _looks_wrapped(lines)
        if not wrapped:
            return cls(False)
        width = _width([len(line.raw) for line in lines])
        carried = [(a, b) for a, b in zip(lines, lines[1:]) if _lower_start(b.text)]
        after_blank = sum(1 for _, b in carried if b.blank_before)
        named, common = _word_pairs(texts)
        enders = {fold(m.group(1)) for t in texts for m in re.finditer(r"(\w+)\s*[.,;:!?)”\"]", t)}
        blanks_break = after_blank < 0.5 * max(len(carried), 1)
        by_blanks = blanks_break and sum(line.blank_before for line in lines) >= 0.1 * len(lines)
        reading = cls(True, width, 0, blanks_break, by_blanks, named, common, enders)
        reading.slack = _slack(reading, carried)
        return reading

    def join(self, lines: list[Line]) -> list[Para]:
        paras: list[Para] = []
        before: Line | None = None
        for line in lines:
            if before is not None and self.continues(before, line, paras[-1].text):
                last = paras[-1]
                glue = "" if NUMBER_CUT.search(last.text) and re.match(r"[A-ZĐ0-9]", line.text) else " "
                paras[-1] = Para(last.text + glue + line.text, last.line)
            else:
                paras.append(Para(line.text, line.number))
            before = line
        return paras

    def continues(self, before: Line, line: Line, so_far: str = "") -> bool:
        """Whether `line` carries on the paragraph `so_far`, whose last printed line is `before`."""
        if line.raw.lstrip().startswith("#") or before.raw.endswith("  ") or (line.blank_before and self.blanks_break):
            return False
        if _is_marker(line.text):
            return self.wrapped and self.full(before, line) and bool(re.search(r"\w$", before.text)) \
                and self._inside_sentence(line.text)
        if _lower_start(line.text) or before.text.endswith(","):
            return True
        if not self.wrapped:
            return False
        if NUMBER_CUT.search(before.text):
            return True  # '61/2023/NĐ-' | 'CP ngày …': a document number cut at the line end
        if not self.full(before, line):
            return False
        if self.by_blanks:
            return True
        if before.text.endswith(":") or ALWAYS_STARTS.match(line.text):
            return False
        if before.text.endswith(SENTENCE_END):
            self.guesses.append((line.number, f"dòng {line.number} bắt đầu câu mới sau một dòng đầy: đã nối vào đoạn "
                                 f"trước (bản sao cắt dòng, không có dòng trống giữa các đoạn); nếu là đoạn mới, tách ra"))
            return True
        if before.text.endswith(";") or not _could_be_heading(so_far) or _in_a_name(before.text) \
                or not self.can_end(before.text):
            return True  # only a heading ends without punctuation, and headings are short single sentences
        return not self.starts_sentence(line.text)

    def full(self, before: Line, line: Line) -> bool:
        """The next line's first word would not have fitted on `before`: the wrap, not the writer, broke it."""
        first = line.raw.strip().split()[0]
        return len(before.raw) + 1 + len(first) > self.width - self.slack

    def _inside_sentence(self, text: str) -> bool:
        """A marker-like start after a line that stopped mid-sentence: '2026.', '45.' or a dash before
        words that do not start sentences in this text ('Chính trị' / '- Xã hội') carry the sentence on."""
        number = re.match(r"^(\d{1,2})\.", text)
        if number:
            return int(number.group(1)) > 30
        roman = re.match(r"^[IVX]{1,5}\.\s*(.*)$", text)
        if roman:  # a part heading is written in capitals; 'khóa' / 'XII.' ends a sentence
            return not (re.search(r"[^\W\d_]", roman.group(1)) and roman.group(1).upper() == roman.group(1))
        dash = re.match(r"^[-–+•]\s+(.*)$", text)
        return bool(dash) and not self.starts_sentence(dash.group(1))

    def can_end(self, text: str) -> bool:
        """Whether the line's last word ends a sentence or a clause anywhere in this text ('của', 'theo' never do)."""
        last = re.search(r"(\w+)$", text)
        return not last or fold(last.group(1)) in self.enders

    def starts_sentence(self, text: str) -> bool:
        """A capitalised word pair this text writes in lower case elsewhere and never capitalised inside a
        sentence. A line opening with '(', a digit or a quote carries on."""
        pair = _first_pair(text) if text[:1].isupper() else None
        return bool(pair) and pair not in self.named and fold(" ".join(pair)) in self.common


def _is_marker(text: str) -> bool:
    """A list marker, not a dash inside a sentence ("kinh tế" / "- xã hội")."""
    dash = re.match(r"^[-–+•]\s*(\S?)", text)
    return bool(MARKER.match(text)) and not (dash and (not dash.group(1) or dash.group(1).islower()))


def _could_be_heading(text: str) -> bool:
    body = MARKER.sub("", text, count=1)
    return len(text) <= HEADING_MAX and not re.search(r"[.!?]\s", body)


def _in_a_name(text: str) -> bool:
    """The line stops on a capitalised word ('của Ban' / 'Chấp hành …'): a name going on."""
    last = re.search(r"(\w+)$", text)
    return bool(last) and last.group(1)[0].isupper() and not last.group(1).isupper() and len(last.group(1)) > 1


def _lower_start(text: str) -> bool:
    """Words that go on a sentence: lower case, or a dash before lower case ('kinh tế' / '- xã hội')."""
    dash = re.match(r"^[-–]\s+(\S)", text)
    return text[:1].islower() and not MARKER.match(text) or bool(dash and dash.group(1).islower())


def _looks_wrapped(lines: list[Line]) -> bool:
    """Cut at printed lines: many lines, and many of them go on mid-sentence (start in lower case)."""
    if len(lines) < 20:
        return False
    carried = sum(1 for line in lines[1:] if _lower_start(line.text))
    return _width([len(line.raw) for line in lines]) <= 200 and carried >= 0.15 * len(lines)


def _width(lengths: list[int]) -> int:
    """The printed width: the longest line, leaving out the few much longer ones (an unwrapped title)."""
    ordered = sorted(lengths) or [80]
    typical = ordered[int(len(ordered) * 0.9)]
    return max(n for n in ordered if n <= typical * 1.15)


def _slack(reading: Reading, carried: list[tuple[Line, Line]]) -> int:
    """How far short of the width a line may stop and still be a wrapped one: none for a text cut by a
    program at a fixed width, some for a PDF set in a proportional font (read from the lines that go on
    in lower case, which are wrapped for certain)."""
    short = sorted(reading.width - (len(a.raw) + 1 + len(b.raw.strip().split()[0])) + 1
                   for a, b in carried if not b.blank_before)
    if not short:
        return 0
    return max(0, min(short[int(len(short) * 0.95)], reading.width // 3))


def _word_pairs(texts: list[str]) -> tuple[set, set]:
    named: Counter = Counter()
    common: set = set()
    for text in texts:
        words = re.findall(r"[\wÀ-ỹ]+|[^\w\s]", text)
        for i, (a, b) in enumerate(zip(words, words[1:])):
            inside = i > 0 and (words[i - 1][0].isalnum() or words[i - 1] in {",", "-", "–"})
            if a[0].isupper() and b[0].islower() and inside:
                named[(a, b)] += 1
            elif a[0].islower() and b[0].islower():
                common.add(f"{fold(a)} {fold(b)}")
    return set(named), common


def _first_pair(text: str) -> tuple[str, str] | None:
    words = re.findall(r"[\wÀ-ỹ]+", text)
    return (words[0], words[1]) if len(words) >= 2 else None


def _mark_refs(text: str, numbers: set[int]) -> str:
    """'hành động1.' → 'hành động[^1].': a footnote number glued to the end of a word."""
    def swap(match: re.Match) -> str:
        return f"[^{match.group(1)}]" if int(match.group(1)) in numbers else match.group(0)
    return re.sub(r"(?<=[a-zà-ỹđ])(\d{1,2})(?=[.,;:\s]|$)", swap, text)
