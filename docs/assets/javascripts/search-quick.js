/*
 * Search that answers at once: names first, full text a moment later.
 *
 * Material's search worker builds its lunr index from the whole file it loads when a page opens;
 * with every page's text that took 1 to 3 seconds on an office PC for the real site and about
 * 20 seconds at 5 000 plans. Most searches are for a name, a number or a title. So the build
 * writes two files (macros/site/search_files.py):
 *
 * 1. `search/search_index.json` (`search_index.js` under file://), which Material loads and hands
 *    to its worker (over http this file hands it over first, from its own request: earlySetup):
 *    the quick index, one entry per page and glossary row with only the fields that name it and
 *    their words without diacritics. It is ready in a fraction of
 *    the time and answers names, numbers and titles. A question it finds nothing for says the
 *    pages' content is still loading (search-fold.js).
 * 2. `search/search_full.json` (`search_full.js` under file://): every entry with its text. Once the
 *    quick index is ready and the reader opens search (focus in the box), a second worker is
 *    started (workers/search-full.js): it loads Material's worker script and the full file itself,
 *    off the page's thread, and builds the full index. From disk (file://) the shim's workers run
 *    on the page's thread, so the full index is loaded after the first answer is on screen. When it is ready and no query is waiting on
 *    the first, every query goes to it, and the query in the box, if any, is asked again, so the
 *    list fills in with pages that hold the words in their text.
 *
 * A page that never opens search never downloads the full file.
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
  var BOOT = "full-index"; // the first message to workers/search-full.js
  // macros/site/search_files.py: FULL_INDEX, FULL_SCRIPT, QUICK_MARK
  var FULL_INDEX = "search/search_full.json", FULL_SCRIPT = "search/search_full.js", QUICK_MARK = "quick";
  var FULL_WORKER = "assets/javascripts/workers/search-full.js";
  var QUICK_INDEX = "search/search_index.json", SELF = "assets/javascripts/search-quick.js";

  // From disk the shim runs each worker in an iframe, on the page's own thread: the full index is
  // loaded only once the first answer is on screen, as building it holds the page for a while.
  var FROM_DISK = location.protocol === "file:";
  var wanted = false; // the reader opened search
  var waiting = []; // quick workers ready, waiting for the reader to open search

  function config() {
    var el = document.getElementById("__config");
    return el ? JSON.parse(el.textContent) : null;
  }

  function absolute(path) {
    var c = config();
    return new URL(path, new URL(c && c.base || ".", location.href)).href;
  }

  function materialUrl(worker) {
    if (worker.url) return new URL(worker.url, location.href).href; // the iframe-worker shim (file://)
    var c = config();
    return c && c.search ? new URL(c.search, location.href).href : null;
  }

  function wrap(proto) {
    if (!proto || proto.postMessage.__quick) return;
    var post = proto.postMessage;
    var add = proto.addEventListener;

    function start(worker, message, early) {
      var url = materialUrl(worker);
      // An index without the quick mark (built with DVCQ_SEARCH_PLAIN=1): Material's setup as it is.
      if (!url || !message.data || !message.data.config || !message.data.config[QUICK_MARK]) {
        return post.call(worker, message);
      }
      var state = worker.__quick = { url: url, options: message.data.options, full: null, active: null, quickBusy: 0, fullReady: false,
                                     early: !!early, ready: false };
      add.call(worker, "message", function (ev) {
        if (!ev.data || ev.__full || ev.__replay) return;
        if (ev.data.type === READY) state.ready = true;
        if (ev.data.type === READY && !state.full && !FROM_DISK) {
          if (wanted) startFull(worker, state);
          else waiting.push(function () { startFull(worker, state); });
        }
        if (ev.data.type === RESULT && state.quickBusy > 0) {
          state.quickBusy--;
          handOver(worker, state);
        }
        if (ev.data.type === RESULT && FROM_DISK && state.asked && !state.full) {
          afterPaint(function () { startFull(worker, state); });
        }
      });
      document.documentElement.setAttribute("data-search-index", "quick");
      post.call(worker, message);
    }

    // A worker of its own for the full index: it fetches the file and builds the index off this thread.
    function startFull(worker, state) {
      if (state.full) return;
      var full = state.full = new worker.constructor(absolute(FULL_WORKER));
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
      post.call(full, { type: BOOT, worker: state.url, index: absolute(FULL_INDEX), script: absolute(FULL_SCRIPT),
                        file: location.protocol === "file:", options: state.options });
    }

    // Material's own setup message after ours (see earlySetup): not posted again (the worker would index
    // the same file twice). Material listens to its worker only from its setup on: if the worker is
    // ready already, Material is told so again, once it listens (right after this call returns).
    function replay(worker, state) {
      state.setup = true;
      if (!state.ready) return;
      setTimeout(function () {
        var out = new MessageEvent("message", { data: { type: READY } });
        out.__replay = true;
        worker.dispatchEvent(out);
      }, 0);
    }

    // Material's worker, set up from the quick index as soon as it exists, from the copy this file asked
    // for in the page's head. Material asks for the file only once its bundle has run and reads it after
    // the page's DOMContentLoaded handlers, through a Blob: traced on the real site, its setup reached
    // the worker ~70 ms after the worker was made, ~30 ms after the worker's script had run. The options
    // are those Material's bundle sends (its feature "search.suggest").
    if (proto === window.Worker.prototype && !FROM_DISK) earlySetup = function (worker) {
      if (!early) return;
      var ask = early;
      early = null; // one worker; the parsed file is not kept once handed over
      ask.then(function (index) {
        var c = config();
        if (!index || worker.__quick || !index.config || !index.config[QUICK_MARK] || !c) return;
        var options = { suggest: (c.features || []).indexOf("search.suggest") >= 0 }; // as Material's bundle
        start(worker, { type: SETUP, data: { config: index.config, docs: index.docs, options: options } }, true);
      });
    };

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
      if (message && message.type === SETUP && state.early && !state.setup) return replay(this, state);
      if (message && message.type === QUERY && state) {
        opened();
        state.asked = state.asked || String(message.data).trim() !== ""; // Material asks "" as search opens
        if (state.active) return post.call(state.active, message);
        state.quickBusy++;
      }
      return post.apply(this, arguments);
    };
    proto.postMessage.__quick = true;
  }

  function afterPaint(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  function opened() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  // Opening search: focus in the box (a click, or "/", "s", "f", which focus it), or its toggle.
  document.addEventListener("focusin", function (ev) {
    if (ev.target instanceof HTMLInputElement && ev.target.classList.contains("md-search__input")) opened();
  }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) opened();
  }, true);

  // Material asks for the quick index only once its bundle has run, at the end of the page: ask for it
  // now, from the head, and set Material's worker up with it as soon as Material makes the worker
  // (earlySetup). From disk Material loads it with a script tag when search opens, and the worker is
  // the iframe-worker shim's: as Material does it.
  var early = null; // the quick index fetched from the head, or null if that failed
  var earlySetup = function () {};
  function preload() {
    var script = document.currentScript;
    var at = script && script.src.indexOf(SELF);
    if (FROM_DISK || !at || at < 0 || !window.fetch || !window.Worker) return;
    var url = script.src.slice(0, at) + QUICK_INDEX;
    early = fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
    var Native = window.Worker;
    var Early = function Worker(url, options) {
      var worker = new Native(url, options);
      var c = config();
      if (c && c.search && new URL(url, location.href).href === new URL(c.search, location.href).href) earlySetup(worker);
      return worker;
    };
    Early.prototype = Native.prototype;
    window.Worker = Early;
  }

  preload();
  if (window.Worker) wrap(window.Worker.prototype);
  if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);
})();
