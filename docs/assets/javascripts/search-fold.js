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
  var EXACT_BOOST = 10;
  var NAME_BOOST = 30;
  // The reader wrote lunr syntax (+must -mustnot fuzzy~ boost^ wild*): leave the query alone.
  // Quotes and colons are not in this list: Material handles them, and names contain them.
  var LUNR_SYNTAX = /(?:^|\s)[+-]\S|[~^*]/;
  var WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

  var joinedNames = new Set(); // every joined word sent, to hide it from the "missing" list

  // "Dân vận khéo" → "_danvankheo", as joined() in macros/search.py makes of names ("_" keeps
  // Material's prefix clauses such as "dan*" from matching it).
  function joined(text) {
    return "_" + text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
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

  function wrap(proto) {
    if (!proto || proto.postMessage.__rewrites) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string")
        args[0] = { type: QUERY, data: rewrite(message.data) };
      return post.apply(this, args);
    };
    proto.postMessage.__rewrites = true;
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
