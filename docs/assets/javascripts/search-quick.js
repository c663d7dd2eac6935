/*
 * Search that answers at once: names first, full text a moment later.
 *
 * Material's search worker builds its lunr index from the whole file it loads when a page opens;
 * with every page's text that took 1 to 3 seconds on an office PC for the real site and about
 * 20 seconds at 5 000 plans. Most searches are for a name, a number or a title. So the build
 * writes two files (macros/site/search_files.py):
 *
 * 1. `search/search_index.json` (`search_index.js` under file://), which Material loads and hands
 *    to its worker: the quick index, one entry per page and glossary row with only the fields that
 *    name it and their words without diacritics. It is ready in a fraction of the time and answers
 *    names, numbers and titles. A question it finds nothing for says the pages' content is still
 *    loading (search-fold.js). Over http the worker is made from the page's head, before Material's
 *    bundle runs, and loads the file itself (see preload).
 * 2. `search/search_full.json` (`search_full.js` under file://): every entry with its text. Once the
 *    quick index is ready and the reader opens search (focus in the box), a second worker is
 *    started (workers/search-index.js): it loads Material's worker script and the full file itself,
 *    off the page's thread, and builds the full index; if the reader asks something within a moment,
 *    only once that first answer is on screen (unlessAsked). From disk (file://) the shim's workers run
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
  var BOOT = "load-index"; // the first message to workers/search-index.js
  // macros/site/search_files.py: FULL_INDEX, FULL_SCRIPT, QUICK_MARK
  var FULL_INDEX = "search/search_full.json", FULL_SCRIPT = "search/search_full.js", QUICK_MARK = "quick";
  var INDEX_WORKER = "assets/javascripts/workers/search-index.js";
  var QUICK_LUNR = "search/search_lunr.json"; // macros/site/search_files.py: the quick index's lunr index, built ahead
  var QUICK_INDEX = "search/search_index.json", SELF = "assets/javascripts/search-quick.js";

  // From disk the shim runs each worker in an iframe, on the page's own thread: the full index is
  // loaded only once the first answer is on screen, as building it holds the page for a while.
  var FROM_DISK = location.protocol === "file:";
  // How long after search is open and ready the full index waits for a first question (see unlessAsked).
  var FIRST_QUESTION_MS = 250;
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
    if (worker.__made) return worker.__made; // made from the head (preload)
    if (worker.url) return new URL(worker.url, location.href).href; // the iframe-worker shim (file://)
    var c = config();
    return c && c.search ? new URL(c.search, location.href).href : null;
  }

  function wrap(proto) {
    if (!proto || proto.postMessage.__quick) return;
    var post = proto.postMessage;
    var add = proto.addEventListener;

    // Material's setup of its worker: the quick index's, unless the index has no quick mark (built with
    // DVCQ_SEARCH_PLAIN=1), which is set up as Material does it.
    function start(worker, message) {
      var url = materialUrl(worker);
      if (!url || !message.data || !message.data.config || !message.data.config[QUICK_MARK]) {
        return post.call(worker, message);
      }
      watch(worker, url, message.data.options, false);
      post.call(worker, message);
    }

    // The worker made from the head (preload) loads Material's script and the quick index itself.
    if (proto === Native.prototype) boot = function (made) {
      var options = { suggest: made.suggest };
      watch(made.worker, made.url, options, true);
      post.call(made.worker, { type: BOOT, worker: made.url, index: made.index, file: false, options: options,
                               lunr: made.lunr });
    };

    function watch(worker, url, options, early) {
      var state = worker.__quick = { url: url, options: options, full: null, active: null, quickBusy: 0, fullReady: false,
                                     early: early, ready: false };
      add.call(worker, "message", function (ev) {
        if (!ev.data || ev.__full || ev.__replay) return;
        if (ev.data.type === READY) state.ready = true;
        if (ev.data.type === READY) document.documentElement.setAttribute("data-search-lunr", ev.data.lunr || "built");
        if (ev.data.type === READY && !state.full && !FROM_DISK) {
          if (wanted) unlessAsked(worker, state);
          else waiting.push(function () { unlessAsked(worker, state); });
        }
        if (ev.data.type === RESULT && state.quickBusy > 0) {
          state.quickBusy--;
          handOver(worker, state);
        }
        if (ev.data.type === RESULT && state.asked && !state.full) {
          afterPaint(function () { startFull(worker, state); });
        }
      });
      document.documentElement.setAttribute("data-search-index", "quick");
    }

    // Search open and the quick index ready: the full index is loaded from a moment later, unless the reader
    // has asked something by then, in which case it is loaded once that first answer is on screen (as from
    // disk), so that the answer the reader waits for does not share the processor with the full index's
    // download, parsing and indexing (traced on the real site, 2 cores, a number asked as search became
    // ready: its answer came ~40 ms later while the full index loaded).
    function unlessAsked(worker, state) {
      setTimeout(function () { if (!state.asked) startFull(worker, state); }, FIRST_QUESTION_MS);
    }

    // A worker of its own for the full index: it fetches the file and builds the index off this thread.
    function startFull(worker, state) {
      if (state.full) return;
      var full = state.full = new worker.constructor(absolute(INDEX_WORKER));
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

    // Material's own setup message after ours (see preload): not posted again (the worker would index
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

  // Material makes its search worker, and asks for the quick index, only once its bundle has run at the
  // end of the page, and then posts the parsed file to it. The theme's head names Material's worker
  // script (macros/site/theme/main.html, a <meta> before this script): over http the worker is made now,
  // from the head, running workers/search-index.js, which loads Material's script and fetches and parses
  // the index itself, off the page's thread; when Material's bundle makes its worker from that script it
  // gets this one, and its own setup is not posted again (replay). Traced on the real site, Material made
  // its worker ~100 ms after this script ran and posted the setup ~100 ms later (after the rest of its
  // bundle ran), and the worker then took ~120 ms to load lunr's language files and index the file: most
  // of that now runs while the page loads. Without the note (a build without the project's plugin, or
  // with DVCQ_SEARCH_PLAIN=1) and from disk (where Material loads the index with a script tag when search
  // opens, and the worker is the iframe-worker shim's), everything happens as Material does it.
  var Native = window.Worker;
  var made = null; // {url: Material's worker script, index, suggest, worker} until Material asks for its worker
  var boot = function () {};
  function preload() {
    var script = document.currentScript;
    var at = script ? script.src.indexOf(SELF) : -1;
    var note = document.querySelector('meta[name="dvcq-search-worker"]');
    if (FROM_DISK || at < 0 || !note || !note.content || !Native) return;
    var base = script.src.slice(0, at);
    made = { url: new URL(note.content, location.href).href, index: base + QUICK_INDEX, lunr: base + QUICK_LUNR,
             suggest: note.getAttribute("data-suggest") === "true" };
    made.worker = new Native(base + INDEX_WORKER);
    made.worker.__made = made.url;
    var Early = function Worker(url, options) {
      if (made && !options && new URL(url, location.href).href === made.url) {
        var mine = made.worker;
        made = null;
        return mine;
      }
      return new Native(url, options);
    };
    Early.prototype = Native.prototype;
    window.Worker = Early;
  }

  preload();
  if (Native) wrap(Native.prototype);
  if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);
  if (made) boot(made);
})();
