/*
 * Search that answers at once: names first, full text a moment later.
 *
 * Material's search worker builds its lunr index from the whole search index when the page
 * opens; on the real site that took 1 to 3 seconds on an office PC before the first answer,
 * and it grows with the site. Most searches are for a name, a number or a title, which the
 * small fields of each entry hold (`title`, `keys`, `also`, see mkdocs.yml).
 *
 * So the index is set up twice, from the same data (one file, loaded as Material loads it,
 * so file:// keeps working):
 *
 * 1. Material's own worker gets the entries with only their small fields indexed, and the
 *    words of those without diacritics (the text is still there, shown in the results): ready
 *    in a fraction of the time, it answers questions for names, numbers and titles at once.
 *    A question it finds nothing for says the pages' content is still loading (search-fold.js).
 * 2. Once it is ready, a second worker of the same script builds the full index (text, tags and
 *    the words typed without diacritics) beside it. When it is ready and no query is waiting on the first,
 *    every query goes to it, and the query in the box, if any, is asked again, so the list
 *    fills in with pages that hold the words in their text.
 *
 * `<html data-search-index="quick">` while the quick index answers, "full" once the full one does
 * (tests wait for it).
 *
 * Only Material's documented worker protocol is used ({type: 0 setup | 1 ready | 2 query |
 * 3 result, data}). This file is listed in `extra.polyfills` before search-fold.js: the
 * queries search-fold.js rewrites pass through here on their way to the worker, and the full
 * worker's answers are handed to the first worker's listeners, so search-fold.js reads them as
 * it reads Material's own.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var QUICK_FIELDS = ["title", "keys", "also"]; // the fields indexed at once (names, numbers, titles)
  var DROPPED = ["fold", "alt"]; // indexed by the full worker only, never shown

  function workerUrl(worker) {
    if (worker.url) return worker.url; // the iframe-worker shim (file://)
    var config = document.getElementById("__config");
    return config ? JSON.parse(config.textContent).search : null;
  }

  // The names' words without diacritics, marked as search_words.py marks a page's (`fold`):
  // "dan van kheo" is asked as "+_dan +_van +_kheo*" (search-fold.js).
  function foldNames(doc, separator) {
    var seen = new Set();
    [doc.title, doc.keys, doc.also].forEach(function (text) {
      if (!text) return;
      text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase()
        .split(separator).forEach(function (w) { if (/[\p{L}\p{N}]/u.test(w)) seen.add("_" + w.replace(/^_+/, "")); });
    });
    return Array.from(seen).join(" ");
  }

  function quickSetup(data) {
    var fields = {};
    QUICK_FIELDS.forEach(function (name) { if (data.config.fields[name]) fields[name] = data.config.fields[name]; });
    if (data.config.fields.fold) fields.fold = data.config.fields.fold;
    var separator = new RegExp(data.config.separator);
    var docs = data.docs.map(function (doc) {
      var out = {};
      for (var key in doc) if (DROPPED.indexOf(key) < 0) out[key] = doc[key];
      out.fold = foldNames(doc, separator);
      return out;
    });
    return { config: Object.assign({}, data.config, { fields: fields }), docs: docs, options: data.options };
  }

  function wrap(proto) {
    if (!proto || proto.postMessage.__quick) return;
    var post = proto.postMessage;
    var add = proto.addEventListener;

    function start(worker, message) {
      var url = workerUrl(worker);
      if (!url) return post.call(worker, message); // no second worker: Material's setup as it is
      var state = worker.__quick = { full: null, active: null, quickBusy: 0, fullReady: false };
      add.call(worker, "message", function (ev) {
        if (!ev.data || ev.__full) return;
        if (ev.data.type === READY && !state.full) startFull(worker, state, url, message);
        if (ev.data.type === RESULT && state.quickBusy > 0) {
          state.quickBusy--;
          handOver(worker, state);
        }
      });
      document.documentElement.setAttribute("data-search-index", "quick");
      post.call(worker, { type: SETUP, data: quickSetup(message.data) });
    }

    // Started once the quick index is ready, so that on a one-core phone it does not slow the first.
    function startFull(worker, state, url, message) {
      var full = state.full = new worker.constructor(url);
      full.onmessage = function (ev) {
        if (ev.data && ev.data.type === READY) {
          state.fullReady = true;
          handOver(worker, state);
          return;
        }
        var out = new MessageEvent("message", { data: ev.data });
        out.__full = true;
        worker.dispatchEvent(out); // Material (and search-fold.js) listen on the first worker
      };
      post.call(full, message);
    }

    // The full index takes over once no query waits on the quick one (answers stay in order).
    function handOver(worker, state) {
      if (state.active || !state.fullReady || state.quickBusy > 0) return;
      state.active = state.full;
      document.documentElement.setAttribute("data-search-index", "full");
      var box = document.querySelector("input.md-search__input");
      if (box && box.value.trim()) worker.postMessage({ type: QUERY, data: box.value });
    }

    proto.postMessage = function (message) {
      var state = this.__quick;
      if (message && message.type === SETUP && !state) return start(this, message);
      if (message && message.type === QUERY && state) {
        if (state.active) return post.call(state.active, message);
        state.quickBusy++;
      }
      return post.apply(this, arguments);
    };
    proto.postMessage.__quick = true;
  }

  if (window.Worker) wrap(window.Worker.prototype);
  if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);
})();
