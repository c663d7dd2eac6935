"""The quick search index as lunr would build it in the reader's browser, built once here instead.

Material's search worker builds a lunr 2.3.9 index from `search/search_index.json` every time a page
opens: at 5 000 plans about 1.5 s of the first search's 2.2 s. The build writes that index ready-made
(`search/search_lunr.json`), and docs/assets/javascripts/workers/lunr-ready.js makes Material's index
from it instead, as `lunr.Index.load` would (but for the token set, a plain trie: see there).

`postings` files every term of every field as lunr's Builder does for Material's setup: Material's
tokenizer (its HTML-aware split on the separator, lower case, a position `block << 20 | n` for each
token, see `tokens`), the indexing pipeline lunr.vi sets up minus the functions
`plugins.search.pipeline` leaves out, terms numbered in the order lunr meets them. `packed` is what is
written: the terms and their postings, without what the worker has or can compute as lunr does (the
entries' addresses; each field's vector: BM25 scores with Material's b = 0 and lunr's k1 = 1.2 and the
boosts): 0.29 MB gzipped at 5 000 plans (the entries are 0.28 MB; lunr's own serialised index, 2.2 MB).
`lunr_index` makes of the postings exactly what `lunr.Index.toJSON` gives, scores included:
tests/test_search_lunr.py builds the same entries with Material's own worker in node and compares it,
and compares the index the worker makes from the packed file. What this module cannot do as the browser
would (another language, a trimmer, a separator beyond one character class, a field that is not text,
two entries at one address) raises Unsupported: no file, and the worker builds the index as before.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .adapter import MaterialLunr

K1 = 1.2  # lunr.Builder's default
SEARCH_PIPELINE = ["stemmer"]  # the query's pipeline: what `lunr()` sets up, which lunr.vi and Material leave
B = 0  # Material's `this.b(0)`: a field's length does not lower its scores
_CLASS = re.compile(r"\[((?:\\.|[^\]\\])*)\]\+?")  # one character class: the separators Material's docs show
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # JavaScript's \s
_PLAIN_ESCAPE = re.compile(r"\\[^A-Za-z0-9]")  # an escaped punctuation mark means itself in both languages


class Unsupported(ValueError):
    """The browser would index these entries in a way `lunr_index` does not reproduce."""


def separator_pattern(separator: str) -> re.Pattern:
    """Material's separator (a JavaScript regular expression) as Python's, where both match the same."""
    match = _CLASS.fullmatch(separator)
    if not match:
        raise Unsupported(f"separator {separator!r}: only one character class is reproduced")
    inner = match.group(1).replace("\\s", _JS_SPACE)
    if re.search(r"\\[A-Za-z0-9]", _PLAIN_ESCAPE.sub("", inner)) or inner.startswith("^"):
        raise Unsupported(f"separator {separator!r}: an escape or negation that may differ from JavaScript's")
    return re.compile(f"[{inner}]+")


def tokens(text: str, separator: re.Pattern) -> Iterator[tuple[str, int]]:
    """Material's tokenizer (its `tokenize` and `extract`): markup is skipped, each text section is split on
    the separator, and each word lower-cased with its position: its block (one per top-level element)
    shifted left 20 bits, or'ed with its place among the block's tags and words."""
    if "<" not in text and ">" not in text:  # one text section, block 0: most fields
        yield from ((word.lower(), place) for place, word in enumerate(w for w in separator.split(text) if w))
        return
    counts: dict[int, int] = {}
    for block, kind, start, end in _sections(text):
        counts[block] = counts.get(block, 0)
        if kind != "text":
            counts[block] += 1
            continue
        for word in separator.split(text[start:end]):
            if word:
                counts[block] += 1
                yield word.lower(), _int32(block << 20 | counts[block] - 1)


def _sections(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Material's `extract`: (block, "open" | "text" | "close", start, end) for each tag and text section."""
    block = start = stack = 0
    end = 0
    while end < len(text):
        char = text[end]
        if char == "<" and end > start:
            yield block, "text", start, end
            start = end
        elif char == ">":
            if text[start + 1:start + 2] == "/":
                stack -= 1
                if stack == 0:
                    yield block, "close", start, end + 1
                    block += 1
            elif text[end - 1:end] != "/":
                stack += 1
                if stack == 1:
                    yield block, "open", start, end + 1
            start = end + 1
        end += 1
    if end > start:
        yield block, "text", start, end


def _int32(value: int) -> int:
    """JavaScript's `<<` and `|` work on 32-bit signed integers."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


@dataclass
class Postings:
    """Where each term is, as lunr's Builder files it: terms numbered in the order it first meets them (its
    `_index`), and for each term and field the entries holding it, in order, each as [its place minus the
    previous one's, how many positions, the positions]: flat lists of numbers, the least memory."""

    fields: list[str]
    refs: list[str]  # the entries' addresses, in order
    boosts: list[float]  # each entry's boost as lunr takes it (`boost || 1`)
    terms: list[str]  # by term number
    flats: list[list[list[int]]]  # [term number][field] → [place delta, count, positions…, …]
    held: list[list[int]]  # [term number][field] → how many entries hold it


def postings(config: dict, docs: list[dict], lunr: MaterialLunr) -> Postings:
    """Material's tokenizer and lunr.vi's pipeline over every field of every entry, in lunr's order."""
    separator, stop = _setup(config, lunr)
    fields, refs = list(config["fields"]), _refs(docs)
    numbers: dict[str, int] = {}
    out = Postings(fields, refs, [_boost(doc.get("boost")) for doc in docs], [], [], [])
    last: list[list[int]] = []
    for place, doc in enumerate(docs):
        for f, field in enumerate(fields):
            value = doc.get(field)
            if value is not None and not isinstance(value, str):
                raise Unsupported(f"{refs[place]}: field {field} is not text")
            here: dict[int, list[int]] = {}
            for term, position in tokens(value or "", separator):
                if term in stop:
                    continue
                number = numbers.get(term)
                if number is None:
                    number = numbers[term] = len(out.terms)
                    out.terms.append(term)
                    out.flats.append([[] for _ in fields])
                    out.held.append([0] * len(fields))
                    last.append([0] * len(fields))
                here.setdefault(number, []).append(position)
            for number, positions in here.items():
                out.flats[number][f] += [place - last[number][f], len(positions), *positions]
                out.held[number][f] += 1
                last[number][f] = place
    return out


def lunr_index(config: dict, docs: list[dict], lunr: MaterialLunr) -> dict:
    """What `JSON.parse(JSON.stringify(index))` gives for the index Material's worker builds of `docs`: the
    postings with lunr's scores (its field vectors), as tests/test_search_lunr.py compares with Material's."""
    core = postings(config, docs, lunr)
    inverted = {}
    for number, term in enumerate(core.terms):
        posting = inverted[term] = {"_index": number}
        for f, field in enumerate(core.fields):
            posting[field] = {core.refs[place]: {"position": positions} for place, positions in _entries(core.flats[number][f])}
    return {"version": lunr.version, "fields": core.fields, "fieldVectors": _vectors(config, core),
            "invertedIndex": [[t, inverted[t]] for t in sorted(inverted, key=_utf16)], "pipeline": SEARCH_PIPELINE}


def _entries(flat: list[int]) -> Iterator[tuple[int, list[int]]]:
    """(place, positions) of each entry of a term's field, from its flat list."""
    at = place = 0
    while at < len(flat):
        place += flat[at]
        yield place, flat[at + 2:at + 2 + flat[at + 1]]
        at += 2 + flat[at + 1]


def _setup(config: dict, lunr: MaterialLunr) -> tuple[re.Pattern, frozenset[str]]:
    """The separator and the stop words of Material's setup for `config`: lunr.vi's pipeline (its stop word
    filter, then its trimmer) less what `pipeline` leaves out. The search pipeline is lunr's (its stemmer):
    lunr.vi and Material leave it alone."""
    if config.get("lang") != ["vi"]:
        raise Unsupported(f"languages {config.get('lang')}: only lunr.vi is reproduced")
    if "trimmer" in config.get("pipeline", []):
        raise Unsupported("lunr.vi's trimmer is not reproduced")
    for name, spec in config["fields"].items():
        boost = spec.get("boost")
        if boost is not None and (isinstance(boost, bool) or not isinstance(boost, (int, float))):
            raise Unsupported(f"field {name}: boost {boost!r} is not a number")
    stop = lunr.vi_stop_words if "stopWordFilter" in config.get("pipeline", []) else frozenset()
    return separator_pattern(config["separator"]), stop


def _refs(docs: list[dict]) -> list[str]:
    """The entries' addresses (lunr's refs): text, each once, none a number (JavaScript lists those first)
    nor `__proto__` (a key JavaScript objects do not keep as such)."""
    refs = [doc.get("location") for doc in docs]
    for ref in refs:
        if not isinstance(ref, str) or ref.isdigit() and str(int(ref)) == ref or ref == "__proto__":
            raise Unsupported(f"location {ref!r}: not a text, a number or __proto__")
    if len(set(refs)) != len(refs):
        raise Unsupported("two entries at one address")
    return refs


def _boost(value) -> float:
    """lunr's `boost || 1` of the entry's boost (Material adds each entry with `{boost: doc.boost}`)."""
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unsupported(f"boost {value!r} is not a number")
    return value or 1


def _vectors(config: dict, core: Postings) -> list:
    """lunr's `calculateAverageFieldLengths`, `idf` and `createFieldVectors`, in its order of operations."""
    fields, count = core.fields, len(core.refs)
    tfs = [[[] for _ in fields] for _ in core.refs]  # [place][field] → [(term number, tf)], by term number
    lengths = [[0] * len(fields) for _ in core.refs]
    idf = []
    for number, by_field in enumerate(core.flats):
        holding = sum(core.held[number])  # lunr.idf: entries counted once per field that holds the term
        idf.append(math.log(1 + abs((count - holding + 0.5) / (holding + 0.5))))
        for f, flat in enumerate(by_field):
            for place, positions in _entries(flat):
                tfs[place][f].append((number, len(positions)))
                lengths[place][f] += len(positions)
    average = [sum(entry[f] for entry in lengths) / count if count else 0 for f in range(len(fields))]
    out = []
    for place, ref in enumerate(core.refs):
        for f, field in enumerate(fields):
            field_boost, elements = config["fields"][field].get("boost") or 1, []
            for number, tf in tfs[place][f]:
                norm = K1 * (1 - B + B * (lengths[place][f] / average[f])) + tf
                score = idf[number] * ((K1 + 1) * tf) / norm * field_boost * core.boosts[place]
                elements += [number, _round(score * 1000) / 1000]
            out.append([f"{field}/{ref}", elements])
    return out


def _round(value: float) -> int:
    """JavaScript's Math.round: halves go up."""
    floor = math.floor(value)
    return floor + 1 if value - floor >= 0.5 else floor


def _utf16(term: str) -> bytes:
    """JavaScript's default sort compares UTF-16 code units."""
    return term.encode("utf-16-be", "surrogatepass")


def packed(core: Postings, config: dict, lunr: MaterialLunr) -> dict:
    """The postings as search_lunr.json holds them, without what the worker has already (the entries'
    addresses) nor what it can compute as lunr does (the fields' vectors: each entry's terms and their
    scores, from the postings):

    - `terms`: the terms in lunr's (sorted) order;
    - `postings`: for each term, for each field in order, how many entries hold it, then for each entry
      [its place among the entries minus the previous one's, how many positions, the positions];
    - `numbers`: the terms' numbers (`_index`), only when they are not the order in which the terms are
      first seen (entry, field, position), which they are unless a position overflowed 32 bits.

    With it, the number of `entries` and how the builder must be set up for these scores (`b`, `k1`, the
    fields' `boosts`, the names of lunr.vi's functions in the `indexing` pipeline):
    docs/assets/javascripts/workers/lunr-ready.js checks Material's setup against them, then makes the
    index lunr would have built. Without scores and numbers: 0.29 instead of 0.41 MB gzipped at 5 000 plans."""
    order = sorted(range(len(core.terms)), key=lambda number: _utf16(core.terms[number]))
    flats = [[x for f, flat in enumerate(core.flats[n]) for x in (core.held[n][f], *flat)] for n in order]
    setup = {"b": B, "k1": K1, "boosts": [spec.get("boost") or 1 for spec in config["fields"].values()],
             "indexing": ["stopWordFilter"] if "stopWordFilter" in config.get("pipeline", []) else []}
    return {**setup, "entries": len(core.refs), "version": lunr.version, "fields": core.fields,
            "pipeline": SEARCH_PIPELINE, "terms": [core.terms[n] for n in order], "postings": flats,
            **({} if order == _sorted_by_first_seen(flats, len(core.fields)) else {"numbers": order})}


def _sorted_by_first_seen(postings: list[list[int]], count: int) -> list[int]:
    """Each term's number if terms are numbered in the order lunr first meets them: by entry, field, then
    position (its first in that field), as lunr-ready.js numbers them when the file gives no `numbers`."""
    keys = []
    for flat in postings:
        at, firsts = 0, []
        for field in range(count):
            held, at = flat[at], at + 1
            if held:
                firsts.append((flat[at], field, flat[at + 2]))
            for _ in range(held):
                at += 2 + flat[at + 1]
        keys.append(min(firsts))
    numbers = [0] * len(keys)
    for number, term in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
        numbers[term] = number
    return numbers
