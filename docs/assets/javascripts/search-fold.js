/*
 * Vietnamese queries for Material's search (lunr), rewritten on their way to the search worker.
 *
 * 1. NFC. Some keyboards (and text pasted from PDFs) produce decomposed Unicode (NFD): "dân"
 *    arrives as "da" + U+0302 + "n" and matches nothing in an index written in NFC.
 * 2. Exact words first. Material appends "*" to every query word, so "1" matches "14" and "tu"
 *    matches "tuyên" exactly as well as "1" and "tu" themselves: "Chỉ thị 1" found Chỉ thị 14
 *    first. Each word is added once more as an exact, boosted clause ("1^10"), which lifts pages
 *    holding the word itself over pages holding longer words that start with it.
 * 3. Whole names first. lunr scores words one by one, so the theme "Thực hiện dân chủ ở cơ sở"
 *    and the law "Luật Thực hiện dân chủ ở cơ sở" both match either name. A query of several
 *    words is added once more folded and joined ("_luatthuchiendanchuocoso^30"); the index holds
 *    each record's names in that form (macros/search.py), so the page named exactly so wins.
 *    Material lists query words a result lacks ("Không: ..."); the joined word is taken out of
 *    that list, as the reader did not type it.
 *
 * 4. Every word required. Material's lunr query is an OR of its words, so "dan van kheo" matched
 *    every plan ("dân vận" is in all of them) and the worker highlighted and sent thousands of
 *    results: 0.2-0.9 s per query over 5 000 plans. Each word is sent once more as "+word*"
 *    (required, as a prefix for the word being typed), split as the index is split (the
 *    `separator` of the search plugin in mkdocs.yml). lunr's English stop words are dropped from
 *    the index ("can", folded "cán"; "do"), so they are never required. When no page has every
 *    word, the query is sent again without the required words (Material's own OR query), so a
 *    long phrase with one word no page has still lists the nearest pages, with "Không: word".
 *
 * The query is not folded: folded titles, numbers and aliases are in the index (macros/search.py),
 * so "dan van kheo" finds "Dân vận khéo" and accented queries keep their highlighting. The box
 * keeps what the reader typed; only the message to the worker changes (Material's documented
 * worker protocol: {type: 2 (query), data: string}). Text entered without a keyup (IME
 * composition, paste from a menu, autofill) gets a synthetic keyup, as Material reads the box
 * on keyup only.
 */
(function () {
  "use strict";

  var QUERY = 2; // SearchMessageType.QUERY
  var RESULT = 3; // SearchMessageType.RESULT
  var EXACT_BOOST = 10;
  var NAME_BOOST = 30;
  // The reader wrote lunr syntax (+must -mustnot fuzzy~ boost^ wild*): leave the query alone.
  // Quotes and colons are not in this list: Material handles them, and names contain them.
  var LUNR_SYNTAX = /(?:^|\s)[+-]\S|[~^*]/;
  var WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;
  var INDEX_SEPARATOR = /[\s\-/,.;:()“”"]+/; // plugins.search.separator in mkdocs.yml
  // lunr.stopWordFilter's list (lunr 2.3.9): these words are not in the index.
  var STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got had has have he her " +
    "hers him his how however i if in into is it its just least let like likely may me might most must my " +
    "neither no nor not of off often on only or other our own rather said say says she should since so some " +
    "than that the their them then there these they this tis to too twas us wants was we were what when where " +
    "which while who whom why will with would yet you your").split(" "));

  var joinedNames = new Set(); // every joined word sent, to hide it from the "missing" list

  // "Dân vận khéo" → "_danvankheo", as joined() in macros/search.py makes of names ("_" keeps
  // Material's prefix clauses such as "dan*" from matching it).
  function joined(text) {
    return "_" + text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  }

  // The words a page must all have, as required prefixes ("+dan* +van* +kheo*"); "" for lunr syntax.
  function required(query) {
    var text = query.normalize("NFC");
    if (LUNR_SYNTAX.test(text)) return "";
    return text.split(INDEX_SEPARATOR).filter(function (w, i, all) {
      return w && all.indexOf(w) === i && !STOP_WORDS.has(w.toLowerCase());
    }).map(function (w) { return "+" + w + "*"; }).join(" ");
  }

  function rewrite(query) {
    var text = query.normalize("NFC");
    if (!text.trim() || LUNR_SYNTAX.test(text)) return text;
    var words = text.split(WORD_SEPARATOR).filter(Boolean);
    var clauses = words.filter(function (w, i) { return words.indexOf(w) === i; })
      .map(function (w) { return w + "^" + EXACT_BOOST; });
    var name = joined(text);
    if (words.length > 1) {
      joinedNames.add(name);
      clauses.push(name + "^" + NAME_BOOST);
    }
    return text + " " + clauses.join(" ");
  }
  window.__searchQueryRewrite = rewrite; // for tests and the console

  // The worker answers queries in order: one entry per query sent, the fallback to send if the
  // strict query finds nothing (or null).
  var fallbacks = [];

  function wrap(proto) {
    if (!proto || proto.postMessage.__rewrites) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string") {
        var loose = rewrite(message.data), must = required(message.data);
        args[0] = { type: QUERY, data: must ? loose + " " + must : loose };
        fallbacks.push(must ? loose : null);
        listen(this, post);
      }
      return post.apply(this, args);
    };
    proto.postMessage.__rewrites = true;
  }

  function listen(worker, post) {
    if (worker.__fallbackListener) return;
    worker.__fallbackListener = true;
    worker.addEventListener("message", function (ev) {
      if (!ev.data || ev.data.type !== RESULT || !fallbacks.length) return;
      var loose = fallbacks.shift();
      // Only for the newest query: while the reader types, a later query is already on its way.
      if (loose && !fallbacks.length && ev.data.data && ev.data.data.items && !ev.data.data.items.length) {
        fallbacks.push(null);
        post.call(worker, { type: QUERY, data: loose });
      }
    });
  }
  // Native worker over http(s); the iframe-worker shim stands in for it under file://.
  if (window.Worker) wrap(window.Worker.prototype);
  if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);

  function isSearchBox(el) {
    return el instanceof HTMLInputElement && el.classList.contains("md-search__input");
  }
  function poke(ev) {
    if (isSearchBox(ev.target) && !ev.isComposing) ev.target.dispatchEvent(new KeyboardEvent("keyup"));
  }
  document.addEventListener("input", poke, true);
  document.addEventListener("compositionend", poke, true);

  // Take joined names out of Material's "Không: <del>word</del>" lines as results render.
  function tidy(root) {
    root.querySelectorAll(".md-search-result__terms del").forEach(function (del) {
      if (!joinedNames.has(del.textContent)) return;
      var terms = del.parentNode;
      if (del.nextSibling && del.nextSibling.nodeType === 3) del.nextSibling.remove();
      del.remove();
      if (!terms.querySelector("del")) terms.remove();
    });
  }
  var results = document.querySelector(".md-search-result__list");
  if (results) new MutationObserver(function () { tidy(results); }).observe(results, { childList: true, subtree: true });
})();
