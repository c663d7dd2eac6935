"""The index workers answer as Material's would: docs/assets/javascripts/workers/lunr-query.js, lunr's
Index#query with less work, gives lunr's own results (entries, scores, order, match data) for the queries
search-fold.js sends, on the real site's full index in Chromium, with the lunr Material's worker bundles."""

from __future__ import annotations

import json

import pytest

from tests.browser import open_search

browser = pytest.mark.browser

# What readers type: words with and without diacritics, numbers, an abbreviation, a word still being typed.
TYPED = ["dan van kheo", "dân vận khéo", "33/CT-TTg", "so noi vu", "Sở Nội vụ", "mttq", "ubnd tinh gia lai",
         "luat dan chu co s", "ke hoach", "kế hoạch", "dan van kheos", "zzqx khong co", "ke hoach 2025"]
# lunr syntax the reader may type, and corners of lunr's own query: a prohibited word, only prohibited words,
# a required stop word (the pipeline drops it: lunr fails), a required word no entry has, fields, boosts.
SYNTAX = ["+_dan -_van", "-_dan", "+the +_dan", "+dân +zzqx*", "title:dân vận", "+_dan* +_van~1 kheo^10",
          "dan* van* kheo* +_dan +_van +_kheo*", "+_s* +_d*", "text:+dân text:-vận"]

COMPARE = """
async ([worker, lunrDir, ours, index, queries]) => {
  const load = src => new Promise((ok, fail) => {
    const s = document.createElement("script"); s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s);
  });
  for (const src of [worker, lunrDir + "min/lunr.stemmer.support.min.js", lunrDir + "min/lunr.vi.min.js", ours]) await load(src);
  const { config, docs } = await (await fetch(index)).json();
  const lunr = window.lunr;
  lunr.tokenizer.separator = new RegExp(config.separator);
  const idx = lunr(function () {
    this.use(lunr.vi);
    this.metadataWhitelist = ["position"];
    this.b(0);
    this.ref("location");
    for (const [name, spec] of Object.entries(config.fields)) this.field(name, spec);
    for (const doc of docs) this.add(doc, { boost: doc.boost });
  });
  const own = lunr.Index.prototype.query, fast = window.dvcqFasterQuery(lunr);
  const run = (query, q) => {
    try { return JSON.stringify(query.call(idx, b => new lunr.QueryParser(q, b).parse())); }
    catch (err) { return "fails: " + err; }
  };
  return queries.map(q => [q, run(own, q), run(fast, q)]);
}
"""


@browser
def test_faster_query_gives_lunrs_own_answers(context, site):
    from tests.browser import serve

    with serve(site) as base:
        page = context.new_page()
        page.goto(base + "index.html")
        open_search(page, full=False)
        sent = page.evaluate("""qs => qs.flatMap(q => {
            const loose = window.__searchQueryRewrite(q), must = window.__searchRequired(q);
            return [must ? loose + " " + must : loose, window.__searchFuzzy(q)].filter(Boolean); })""", TYPED)
        worker = page.evaluate("() => new URL(JSON.parse(document.getElementById('__config').textContent).search,"
                               " location.href).href")
        page.goto(base + "search/search_index.json")  # the site's origin, without its search scripts
        answers = page.evaluate(COMPARE, [worker, base + "assets/javascripts/lunr/", base +
                                          "assets/javascripts/workers/lunr-query.js", base + "search/search_full.json",
                                          sent + SYNTAX])
        page.close()
    assert len(answers) == len(sent) + len(SYNTAX) and len(sent) > len(TYPED)  # fuzzy forms too
    different = [q for q, own, fast in answers if own != fast]
    assert different == []
    found = {q: len(json.loads(own)) for q, own, _ in answers if not own.startswith("fails")}
    assert found[sent[0]] > 10 and min(found.values()) == 0  # many entries answered, and queries answering none
    assert any(own.startswith("fails") for _, own, _ in answers)  # lunr's own failure is kept
