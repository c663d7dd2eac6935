/*
 * The quick index's lunr index, loaded ready-made instead of built (workers/search-index.js puts it in place
 * for the quick index when the page names search/search_lunr.json). The build writes the index lunr would
 * make of search/search_index.json (macros/site/search_lunr.py); at 5 000 plans lunr took about 1.5 s to
 * build it in the browser, the first search's longest wait.
 *
 * `self.dvcqReadyMade(lunr)` gives {lunr, arm}: `lunr` stands in for the global lunr (Material's worker
 * calls the global `lunr(fn)` to build its index); after `arm(pack, docs)` its next call runs Material's
 * `fn` on a builder that only records what `fn` sets up, checks that against what the file was made for,
 * and returns the index made from the file. Anything that does not fit (a setup other than the one the
 * file was made for, other entries) and lunr builds the index as before. Material's answer to the setup
 * ({type: 1}) says which (`lunr`: "loaded" or "built"; ../search-quick.js shows it as <html
 * data-search-lunr>, which tests wait for).
 *
 * What of Material's worker (9.8) this relies on, all checked by tests/test_search_lunr.py against the
 * installed Material: it calls the global `lunr` (set by its script as `self.lunr`) once per setup, with a
 * function that sets up a builder (`b(0)`, metadata `position`, lunr.vi less the pipeline functions the
 * config leaves out, its own tokenizer, `ref("location")`, one field per config field with its boost and an
 * `extractor`) and `add`s every entry; the extractor of a field files, under "location:field" in a Map that
 * Material highlights results from, the markup and word positions its tokenizer gives, and Material only
 * `get`s from that Map afterwards. Of lunr 2.3.9: Builder, Index, Vector, TokenSet and Pipeline as
 * documented, and the builder's fields `_fields`, `_b`, `_k1`, `_ref`, `pipeline._stack`.
 */
(function () {
  "use strict";

  var READY = 1;

  self.dvcqReadyMade = function (real) {
    var armed = null; // {pack, docs} for Material's next lunr(fn)
    var loaded = false; // the index Material's last setup made was loaded ready-made

    var post = self.postMessage;
    self.postMessage = function (message) {
      if (message && message.type === READY) message.lunr = loaded ? "loaded" : "built";
      return post.apply(self, arguments);
    };

    // The builder Material's function sets up, without building: lunr() as lunr 2.3.9 has it, less `build`.
    function setUp(fn) {
      var builder = new real.Builder();
      builder.pipeline.add(real.trimmer, real.stopWordFilter, real.stemmer);
      builder.searchPipeline.add(real.stemmer);
      var added = [];
      builder.add = function (doc, attributes) { added.push(doc); };
      fn.call(builder, builder);
      builder.added = added;
      return builder;
    }

    // The builder is set up as the ready-made index was made for (search_lunr.py).
    function fits(builder, pack, docs) {
      var same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
      var fields = Object.keys(builder._fields);
      var boosts = fields.map(function (name) { return builder._fields[name].boost || 1; });
      var indexing = (pack.indexing || []).map(function (name) { return self.lunr.vi && self.lunr.vi[name]; });
      return builder._b === pack.b && builder._k1 === pack.k1 && builder._ref === "location" &&
        same(builder.metadataWhitelist, ["position"]) && same(fields, pack.fields) && same(boosts, pack.boosts) &&
        same(builder.searchPipeline.toJSON(), pack.pipeline) && builder.pipeline._stack.length === indexing.length &&
        indexing.every(function (fn, i) { return fn && builder.pipeline._stack[i] === fn; }) &&
        builder.tokenizer !== real.tokenizer && builder.added.length === docs.length &&
        builder.added.every(function (doc, i) { return doc === docs[i]; }) &&
        pack.entries === docs.length && pack.version === real.version;
    }

    // Material's highlight table (a Map: "location:field" → the field's markup and word positions), filled
    // for an entry's field when a result first asks for it: its extractor, then Material's tokenizer on what
    // it gives, as building would have (at 5 000 plans filling it for every entry took ~250 ms). The table is
    // found by the one call that files something in it, an extractor's. If it cannot be found, it is filled
    // for every entry now.
    function fillTable(builder, docs) {
      var names = Object.keys(builder._fields), table = null, set = Map.prototype.set;
      var probe = { location: "" };
      probe[names[0]] = "";
      Map.prototype.set = function (key, value) {
        table = this;
        return set.call(this, key, value);
      };
      try {
        builder._fields[names[0]].extractor(probe);
      } finally {
        Map.prototype.set = set;
      }
      if (!table || table.size !== 1) {
        docs.forEach(function (doc) {
          names.forEach(function (name) { builder.tokenizer(builder._fields[name].extractor(doc)); });
        });
        return;
      }
      table.clear();
      var byLocation = new Map(docs.map(function (doc) { return [doc.location, doc]; }));
      var get = Map.prototype.get;
      table.get = function (key) {
        var found = get.call(this, key);
        if (found !== undefined || typeof key !== "string") return found;
        var cut = key.lastIndexOf(":"), doc = byLocation.get(key.slice(0, cut)), name = key.slice(cut + 1);
        if (!doc || !Object.prototype.hasOwnProperty.call(builder._fields, name)) return found;
        builder.tokenizer(builder._fields[name].extractor(doc));
        return get.call(this, key);
      };
    }

    // A posting of the inverted index ({_index, field: {ref: {position: […]}}, …}) whose fields are read
    // from the packed postings when a query first looks at them: a query looks at a few.
    function postingClass(pack, docs) {
      var AT = typeof Symbol === "function" ? Symbol("at") : "__at";
      function Posting(number, flat, starts) {
        this._index = number;
        this[AT] = [flat, starts];
      }
      pack.fields.forEach(function (field, f) {
        Object.defineProperty(Posting.prototype, field, { configurable: true, get: function () {
          var flat = this[AT][0], k = this[AT][1][f], value = {}, doc = 0;
          for (var left = flat[k++]; left > 0; left--) {
            doc += flat[k];
            value[docs[doc].location] = { position: flat.slice(k + 2, k + 2 + flat[k + 1]) };
            k += 2 + flat[k + 1];
          }
          Object.defineProperty(this, field, { value: value, enumerable: true, writable: true });
          return value;
        } });
      });
      Posting.prototype.toJSON = function () { // as lunr serialises a posting (tests compare)
        var out = { _index: this._index };
        pack.fields.forEach(function (field) { out[field] = this[field]; }, this);
        return out;
      };
      return Posting;
    }

    // The index from the packed one (search_lunr.py's `packed`): what lunr.Index.load does with a serialised
    // index, with the fields' vectors computed from the postings as lunr's Builder computes them (its
    // createFieldVectors and idf, in its order of operations: the same numbers), and the token set made as a
    // plain trie of the sorted terms. Index.load makes it with lunr's TokenSet.Builder, which merges equal
    // suffixes, four times slower (35 000 terms at 5 000 plans: ~500 vs ~130 ms in node); a query's
    // intersect walks the words both accept, with the edges in the same order.
    function load(pack, docs, builder) {
      var fields = pack.fields, count = fields.length, terms = pack.terms, Posting = postingClass(pack, docs);
      var numbers = pack.numbers || firstSeen(pack.postings, count);
      var tfs = docs.map(function () { return fields.map(function () { return []; }); });
      var lengths = docs.map(function () { return fields.map(function () { return 0; }); });
      var inverted = Object.create(null), byNumber = [], idf = [];
      numbers.forEach(function (number, i) { byNumber[number] = i; });
      byNumber.forEach(function (i, number) { // by term number: each vector's terms come in order
        var flat = pack.postings[i], starts = new Array(count), k = 0, holding = 0;
        for (var f = 0; f < count; f++) {
          starts[f] = k;
          holding += flat[k];
          for (var left = flat[k++], doc = 0; left > 0; left--) {
            doc += flat[k];
            tfs[doc][f].push(number, flat[k + 1]);
            lengths[doc][f] += flat[k + 1];
            k += 2 + flat[k + 1];
          }
        }
        idf[number] = Math.log(1 + Math.abs((docs.length - holding + 0.5) / (holding + 0.5))); // lunr.idf
        inverted[terms[i]] = new Posting(number, flat, starts);
      });
      var average = fields.map(function (field, f) {
        return lengths.reduce(function (sum, entry) { return sum + entry[f]; }, 0) / docs.length;
      });
      var b = builder._b, k1 = builder._k1, vectors = {};
      docs.forEach(function (doc, d) {
        var docBoost = doc.boost || 1;
        fields.forEach(function (field, f) {
          var elements = tfs[d][f], fieldBoost = builder._fields[field].boost || 1;
          for (var j = 0; j < elements.length; j += 2) {
            var tf = elements[j + 1];
            var score = idf[elements[j]] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[d][f] / average[f])) + tf);
            score *= fieldBoost;
            score *= docBoost;
            elements[j + 1] = Math.round(score * 1000) / 1000;
          }
          vectors[field + "/" + doc.location] = new real.Vector(elements);
        });
      });
      return new real.Index({ invertedIndex: inverted, fieldVectors: vectors, tokenSet: trie(terms), fields: fields,
                              pipeline: real.Pipeline.load(pack.pipeline) });
    }

    // The terms' numbers when the file gives none: the order lunr first met them in (entry, field, position).
    function firstSeen(postings, count) {
      var keys = postings.map(function (flat) {
        var best = null, k = 0;
        for (var f = 0; f < count; f++) {
          var held = flat[k++];
          if (held > 0) {
            var key = [flat[k], f, flat[k + 2]];
            if (!best || compare(key, best) < 0) best = key;
          }
          for (; held > 0; held--) k += 2 + flat[k + 1];
        }
        return best;
      });
      var numbers = new Array(keys.length);
      keys.map(function (key, i) { return i; })
        .sort(function (a, b) { return compare(keys[a], keys[b]); })
        .forEach(function (term, number) { numbers[term] = number; });
      return numbers;
    }
    function compare(a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; }

    // The sorted terms as a trie of lunr.TokenSet nodes, one edge per UTF-16 code unit, as lunr's are.
    function trie(terms) {
      var root = new real.TokenSet(), path = [root], previous = "";
      terms.forEach(function (word) {
        var common = 0;
        while (common < word.length && common < previous.length && word[common] === previous[common]) common++;
        path.length = common + 1;
        var node = path[common];
        for (var i = common; i < word.length; i++) {
          var next = new real.TokenSet();
          node.edges[word[i]] = next;
          path.push(next);
          node = next;
        }
        node.final = true;
        previous = word;
      });
      return root;
    }

    function lunr(fn) {
      var given = armed;
      armed = null;
      loaded = false;
      if (!given) return real(fn);
      var builder = setUp(fn);
      if (!fits(builder, given.pack, given.docs)) {
        console.warn("search: the ready-made index does not fit Material's setup; lunr builds it");
        return real(fn);
      }
      try {
        var index = load(given.pack, given.docs, builder);
        fillTable(builder, given.docs);
        loaded = true;
        return index;
      } catch (err) {
        console.warn("search: the ready-made index could not be loaded; lunr builds it", err);
        return real(fn);
      }
    }

    // lunr's namespace (lunr.Index, lunr.tokenizer, …) through this function; what the language files add
    // (lunr.vi, lunr.stemmerSupport) lands on it, where Material's function reads it.
    return {
      lunr: Object.setPrototypeOf(lunr, real),
      arm: function (pack, docs) { armed = { pack: pack, docs: docs }; }
    };
  };
})();
