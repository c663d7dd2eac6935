/*
 * A search index's worker, started by ../search-quick.js: Material's own search worker, set up from an
 * index file which this worker fetches itself, so that neither the download nor the parsing runs on
 * the page's thread. Two run on a page: the quick index's (search/search_index.json), made from the
 * page's head over http, and the full index's (search/search_full.json), started once the quick index
 * answers and the reader opens search.
 *
 * The first message says where things are: {type: "load-index", worker: Material's worker script,
 * index: the JSON file, script: its file:// copy (`var __searchFull = …`), file: opened from disk,
 * options: the options Material's page gave the quick index, lunr: for the quick index,
 * search/search_lunr.json}. Material's script is then loaded and handed the index as Material's page
 * would hand it ({type: 0 (setup), data: {config, docs, options}}); from there on it answers as
 * Material's worker does. With `lunr`, that file is fetched alongside the index and, if it was made for
 * the index's entries, Material's lunr index is loaded from it instead of built (lunr-ready.js).
 *
 * Under file:// this runs in the iframe of the iframe-worker shim, whose importScripts adds script
 * tags and returns a promise (fetch cannot read files there). This file sits in a folder named
 * "workers", as Material's worker does: Material's script finds its language files (../lunr/) from
 * the path of the first script of the iframe, this one.
 */
(function () {
  "use strict";

  var SETUP = 0;

  // Answers carry only what the page reads (location, title, text, keys, also, terms, score, tags, audience;
  // `fold` for an answer that allowed one wrong letter, "~1", which search-fold.js reads): Material's copy of
  // each entry also holds the folded words, the tag and abbreviation words and, for a section, its whole
  // page, which made half of an answer's bytes (3 256 results of "dan van kheo" at 5 000 plans: 7.4 MB
  // structured-cloned, 3.4 MB without them) for the page's thread to receive.
  // Nor does Material mark the query's words in the fields the page does not show (Material shows title, text
  // and tags; search-fold.js reads `keys`, `also` and `fold` as text, without marks): each answer's copy of
  // such a field was rebuilt with <mark>s, which the page then parsed as HTML to take them out again ("dan van
  // kheo" at 5 000 plans: `also` of 3 242 answers and `keys` of 2 583, ~0.9 MB). Their positions are taken
  // out of lunr's match data, which keeps every word matched (Material's `terms`) and the scores.
  var QUERY = 2, RESULT = 3; // Material's worker protocol, as in ../search-quick.js
  var UNMARKED = ["keys", "also", "alt", "tagwords", "fold"];
  var typo = []; // for each query in order: whether its answer keeps `fold`
  function trimAnswers() {
    addEventListener("message", function (ev) {
      if (ev.data && ev.data.type === QUERY) typo.push(/~\d/.test(String(ev.data.data)));
    });
    var post = self.postMessage;
    self.postMessage = function (message) {
      if (message && message.type === RESULT) {
        var keepFold = typo.shift();
        ((message.data && message.data.items) || []).forEach(function (group) {
          group.forEach(function (item) {
            delete item.parent;
            delete item.alt;
            delete item.tagwords;
            if (!keepFold) delete item.fold;
          });
        });
      }
      return post.apply(self, arguments);
    };
  }

  // lunr's query with less work, same answers (lunr-query.js), without the positions of the words in the
  // fields left unmarked.
  function fasterQuery(lunr) {
    var query = self.dvcqFasterQuery(lunr);
    lunr.Index.prototype.query = function () {
      var results = query.apply(this, arguments);
      results.forEach(function (result) {
        var metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (term) {
          UNMARKED.forEach(function (field) { delete metadata[term][field]; });
        });
      });
      return results;
    };
  }

  function load(message) {
    if (message.file) {
      return Promise.resolve(importScripts(message.script)).then(function () { return self.__searchFull; });
    }
    return fetch(message.index).then(function (response) {
      if (!response.ok) throw new Error(message.index + ": " + response.status);
      return response.json();
    });
  }

  // search/search_lunr.json, or null (no such file: DVCQ_SEARCH_PLAIN=1, or entries the build could not index)
  function readyMade(message) {
    if (!message.lunr) return Promise.resolve(null);
    return fetch(message.lunr)
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  function boot(ev) {
    var message = ev.data;
    if (!message || message.type !== "load-index") return;
    removeEventListener("message", boot);
    trimAnswers(); // before Material's listener: it sees each query first
    var ready = readyMade(message);
    // lunr-query.js and lunr-ready.js sit next to Material's worker and this file: one request after another
    var scripts = [message.worker, new URL("lunr-query.js", message.worker).href];
    if (message.lunr) scripts.push(new URL("lunr-ready.js", message.worker).href);
    Promise.resolve(importScripts.apply(self, scripts))
      .then(function () { fasterQuery(self.lunr); })
      .then(function () { return Promise.all([load(message), ready]); })
      .then(function (both) {
        var index = both[0], pack = both[1];
        if (pack && index.config.lunr && pack.for === index.config.lunr) { // made for these entries
          var made = self.dvcqReadyMade(self.lunr);
          self.lunr = made.lunr; // before the setup: the language files Material loads then add to it
          made.arm(pack, index.docs);
        }
        var data = { config: index.config, docs: index.docs, options: message.options };
        dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data: data } }));
      });
  }
  addEventListener("message", boot);
})();
