"""The quick search index as lunr would build it in the reader's browser, built once here instead.

Material's search worker builds a lunr 2.3.9 index from `search/search_index.json` every time a page
opens: at 5 000 plans about 1.5 s of the first search's 2.2 s. The build writes that index ready-made
(`search/search_lunr.json`), and docs/assets/javascripts/workers/lunr-ready.js makes Material's index
from it instead, as `lunr.Index.load` would (but for the token set, a plain trie: see there).

`lunr_index` builds exactly what `lunr.Index.toJSON` gives for Material's builder on the same
entries: Material's tokenizer (its HTML-aware split on the separator, lower case, a position
`block << 20 | n` for each token, see `tokens`), the indexing pipeline lunr.vi sets up minus the
functions `plugins.search.pipeline` leaves out, the entries' and fields' boosts, BM25 with Material's
b = 0 and lunr's k1 = 1.2, scores rounded to thousandths. tests/test_search_lunr.py builds the same
entries with Material's own worker in node and compares. What this module cannot do as the browser
would (another language, a trimmer, a separator beyond one character class, a field that is not
text, two entries at one address) gives no index (None): the worker then builds it as before.

`packed` is what is written: the same index with every term, score and position, but without what
the worker has already (the entries' addresses, the fields of each posting) and with scores as
integer thousandths: 0.5 MB gzipped at 5 000 plans instead of 2.2 MB (the entries are 0.3 MB).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

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


def lunr_index(config: dict, docs: list[dict], lunr: MaterialLunr) -> dict:
    """What `JSON.parse(JSON.stringify(index))` gives for the index Material's worker builds of `docs`."""
    separator, stop = _setup(config, lunr)
    fields = list(config["fields"])
    inverted: dict[str, dict] = {}
    frequencies: dict[tuple[str, str], dict[str, int]] = {}
    lengths: dict[tuple[str, str], int] = {}
    for ref, doc in zip(_refs(docs), docs):
        for field in fields:
            value = doc.get(field)
            if value is not None and not isinstance(value, str):
                raise Unsupported(f"{ref}: field {field} is not text")
            terms = [(t, p) for t, p in tokens(value or "", separator) if t not in stop]
            counts = frequencies[ref, field] = {}
            lengths[ref, field] = len(terms)
            for term, position in terms:
                counts[term] = counts.get(term, 0) + 1
                posting = inverted.get(term)
                if posting is None:
                    posting = inverted[term] = {"_index": len(inverted), **{f: {} for f in fields}}
                posting[field].setdefault(ref, {"position": []})["position"].append(position)
    boosts = {doc["location"]: _boost(doc.get("boost")) for doc in docs}
    vectors = _vectors(config, docs, inverted, frequencies, lengths, boosts)
    return {"version": lunr.version, "fields": fields, "fieldVectors": vectors,
            "invertedIndex": [[t, inverted[t]] for t in sorted(inverted, key=_utf16)], "pipeline": SEARCH_PIPELINE}


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


def _vectors(config, docs, inverted, frequencies, lengths, boosts) -> list:
    """lunr's `calculateAverageFieldLengths` and `createFieldVectors`, in its order of operations."""
    fields = list(config["fields"])
    count = len(docs)
    average = {f: sum(lengths[d["location"], f] for d in docs) / count for f in fields} if count else {}
    idf: dict[str, float] = {}
    out = []
    for doc in docs:
        ref = doc["location"]
        for field in fields:
            field_boost = config["fields"][field].get("boost") or 1
            elements = []
            for term, tf in frequencies[ref, field].items():
                if term not in idf:
                    idf[term] = _idf(inverted[term], count)
                norm = K1 * (1 - B + B * (lengths[ref, field] / average[field])) + tf
                score = idf[term] * ((K1 + 1) * tf) / norm * field_boost * boosts[ref]
                elements.append((inverted[term]["_index"], _round(score * 1000) / 1000))
            out.append([f"{field}/{ref}", [x for pair in sorted(elements) for x in pair]])
    return out


def _idf(posting: dict, count: int) -> float:
    """lunr.idf: the entries holding the term are counted once per field that holds it."""
    holding = sum(len(refs) for name, refs in posting.items() if name != "_index")
    return math.log(1 + abs((count - holding + 0.5) / (holding + 0.5)))


def _round(value: float) -> int:
    """JavaScript's Math.round: halves go up."""
    floor = math.floor(value)
    return floor + 1 if value - floor >= 0.5 else floor


def _utf16(term: str) -> bytes:
    """JavaScript's default sort compares UTF-16 code units."""
    return term.encode("utf-16-be", "surrogatepass")


def packed(index: dict, config: dict, refs: list[str]) -> dict:
    """`index` (from lunr_index) without what the worker has already (the entries' addresses `refs`, in
    order) nor what it can compute as lunr does (the fields' vectors: each entry's terms and their scores,
    from the postings), places as differences from the previous one:

    - `terms`: the terms in lunr's (sorted) order;
    - `postings`: for each term, for each field in order, how many entries hold it, then for each entry
      [its place in `refs` minus the previous one's, how many positions, the positions];
    - `numbers`: the terms' numbers (`_index`), only when they are not the order in which the terms are
      first seen (entry, field, position), which they are unless a position overflowed 32 bits.

    With it, the number of `entries` and how the builder must be set up for these scores (`b`, `k1`, the
    fields' `boosts`, the names of lunr.vi's functions in the `indexing` pipeline):
    docs/assets/javascripts/workers/lunr-ready.js checks Material's setup against them, then unpacks the
    rest into `index` again. Without scores and numbers: 0.37 instead of 0.41 MB gzipped at 5 000 plans."""
    fields = index["fields"]
    where = {ref: i for i, ref in enumerate(refs)}
    postings = []
    for _, posting in index["invertedIndex"]:
        flat = []
        for field in fields:
            flat.append(len(posting[field]))
            previous = 0
            for ref, meta in posting[field].items():
                flat += [where[ref] - previous, len(meta["position"]), *meta["position"]]
                previous = where[ref]
        postings.append(flat)
    numbers = [p["_index"] for _, p in index["invertedIndex"]]
    setup = {"b": B, "k1": K1, "boosts": [spec.get("boost") or 1 for spec in config["fields"].values()],
             "indexing": ["stopWordFilter"] if "stopWordFilter" in config.get("pipeline", []) else []}
    return {**setup, "entries": len(refs), "version": index["version"], "fields": fields, "pipeline": index["pipeline"],
            "terms": [t for t, _ in index["invertedIndex"]], "postings": postings,
            **({} if numbers == first_seen(postings, len(fields)) else {"numbers": numbers})}


def first_seen(postings: list[list[int]], count: int) -> list[int]:
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
