/*
 * The quick index's worker, started by ../search-quick.js from the page's head (not under file://), before
 * Material's bundle has run: it fetches search/search_index.json itself, loads Material's worker script (the
 * index names it: `config.worker`, macros/site/search_files.py) and sets it up, while the page is still
 * loading. Material's bundle, which would start its own worker once it runs at the end of the page and
 * set it up once its request for the index is in, is handed this one instead (../search-quick.js).
 *
 * From then on it is Material's worker, with one difference: it says it is ready (type 1) only in answer to
 * Material's setup message (type 0), as Material's worker does, so the page's listeners, attached after
 * this worker started, never miss it. The setup the page sends is not indexed again unless its options
 * differ from those used (or this worker could not load the index itself).
 *
 * The first message: {type: "quick-index", index: the index URL, root: the site root URL}; then, once
 * Material's bundle takes this worker, {type: "material", url: Material's worker script as the page names it}
 * (used only if the index could not be loaded here).
 * This file sits in a folder named "workers", as Material's worker does: Material's script finds its lunr
 * language files at ../lunr/ from the worker's own address.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1;

  // Answers carry only what the page reads (location, title, text, keys, also, terms, score, tags, audience;
  // `fold` for an answer that allowed one wrong letter, "~1", which search-fold.js reads): Material's copy of
  // each entry also holds the folded words, the tag and abbreviation words and, for a section, its whole
  // page, which made half of an answer's bytes (3 256 results of "dan van kheo" at 5 000 plans: 7.4 MB
  // structured-cloned, 3.4 MB without them) for the page's thread to receive.
  var QUERY = 2, RESULT = 3; // the same in workers/search-full.js
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
  var OPTIONS = { suggest: false }; // what Material's page sends without the search.suggest feature (mkdocs.yml)
  var material = null; // Material's message listener, kept as its script registers it
  var index = null; // {config, docs}, once fetched
  var used = null; // the options the index was set up with (JSON)
  var queue = null; // page messages are handled in order, after the index is set up
  var root = null; // the site root URL
  var pageUrl = null; // Material's worker script as the page names it ({type: "material", url}), for a fallback

  // Material's listener answers every message with postMessage; its answer to our own setup is not for the page.
  function setUp(data) {
    var post = self.postMessage;
    self.postMessage = function (message) {
      if (!message || message.type !== READY) return post.apply(self, arguments);
    };
    return Promise.resolve(material({ data: { type: SETUP, data: data } })).then(function () {
      self.postMessage = post;
      used = JSON.stringify(data.options);
    }, function (err) {
      self.postMessage = post;
      throw err;
    });
  }

  function loadMaterial(url) {
    var add = self.addEventListener;
    self.addEventListener = function (type, listener) {
      if (type === "message" && !material) { material = listener; return; }
      return add.apply(self, arguments);
    };
    try {
      importScripts(url);
    } finally {
      self.addEventListener = add;
    }
    if (!material) throw new Error("no message listener in " + url);
  }

  function boot(message) {
    root = message.root;
    return fetch(message.index)
      .then(function (response) {
        if (!response.ok) throw new Error(message.index + ": " + response.status);
        return response.json();
      })
      .then(function (json) {
        loadMaterial(new URL(json.config.worker, root).href);
        index = { config: json.config, docs: json.docs };
        return setUp({ config: index.config, docs: index.docs, options: OPTIONS });
      })
      .catch(function (err) {
        console.warn("search: the quick index is set up from the page's copy", err);
        index = null;
      });
  }

  function handle(ev) {
    var message = ev.data;
    if (message && message.type === SETUP) {
      var data = message.data;
      if (!index || JSON.stringify(data.options) !== used) {
        if (!material) loadMaterial(pageUrl);
        return setUp(index ? { config: index.config, docs: index.docs, options: data.options } : data)
          .then(function () { postMessage({ type: READY }); });
      }
      postMessage({ type: READY });
      return null;
    }
    return material(ev);
  }

  trimAnswers();
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message && message.type === "quick-index") {
      if (!queue) queue = boot(message);
      return;
    }
    if (message && message.type === "material") {
      pageUrl = message.url;
      return;
    }
    queue = (queue || Promise.resolve()).then(function () { return handle(ev); })
      .catch(function (err) { console.warn("search:", err); });
  });
})();
