/*
 * lunr's Index#query (lunr 2.3.9, which Material's search worker bundles and sets as `self.lunr`), giving
 * the same answers with less work; workers/search-index.js puts it in place in both index workers.
 *
 * Why: search-fold.js asks every word of a query typed without diacritics as a required folded word
 * ("+_dan +_van +_kheo*"), and at 5 000 plans "_dan" or "_van" is in some 15 000 entries. lunr's own
 * query, for each required word, copies the set of the entries found so far once per field and per word
 * the clause expands to (a prefix "+_so*" expands to hundreds of words: "luat dan chu co so" took
 * seconds), and makes the match data (positions) of every entry holding any word of the query, though
 * only the entries holding every required word are answered (3 256 of them for "dan van kheo").
 *
 * Here the entries every required clause holds, and those a prohibited clause holds, are found first,
 * with sets filled in place; match data are made only for the entries answered, visited in lunr's order
 * (clause, word, field, entry), so results, scores, their order and match data are lunr's own.
 * A query of prohibited words only, and a required clause the pipeline empties (which lunr itself fails
 * on), go to lunr's own query. lunr's documented index properties are read: fields, pipeline,
 * tokenSet, invertedIndex, fieldVectors.
 */
(function () {
  "use strict";

  var COMPLETE = { complete: true }; // every entry, as lunr.Set.complete

  function intersect(a, b) {
    if (a === COMPLETE) return b;
    if (b === COMPLETE) return a;
    if (a.size > b.size) { var t = a; a = b; b = t; }
    var out = new Set();
    a.forEach(function (ref) { if (b.has(ref)) out.add(ref); });
    return out;
  }

  // The query as lunr's, given the lunr that Index#query belongs to.
  function fasterQuery(lunr) {
    var own = lunr.Index.prototype.query;
    var REQUIRED = lunr.Query.presence.REQUIRED, PROHIBITED = lunr.Query.presence.PROHIBITED;

    // The words a clause stands for (lunr's pipeline, then the index's words the clause matches).
    function expand(index, clause) {
      var terms = clause.usePipeline ? index.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      return terms.map(function (term) {
        clause.term = term;
        return index.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
      });
    }

    // Which entries may be answered: {required: Set | COMPLETE, prohibited: Set}; null when lunr itself is
    // to answer. Also fills the query vectors and the postings to read, as lunr's loop does.
    function filter(index, query, vectors, reads) {
      var required = Object.create(null), prohibited = new Set(), seen = Object.create(null);
      for (var i = 0; i < query.clauses.length; i++) {
        var clause = query.clauses[i], matches = new Set(), empty = false;
        var expanded = expand(index, clause);
        if (!expanded.length && clause.presence === REQUIRED) return null;
        for (var m = 0; m < expanded.length && !empty; m++) {
          if (!expanded[m].length && clause.presence === REQUIRED) { empty = true; break; }
          expanded[m].forEach(function (term) {
            var posting = index.invertedIndex[term];
            clause.fields.forEach(function (field) {
              var fieldPosting = posting[field], refs = Object.keys(fieldPosting), key = term + "/" + field;
              if (clause.presence === REQUIRED) {
                refs.forEach(function (ref) { matches.add(ref); });
                if (required[field] === undefined) required[field] = COMPLETE;
              }
              if (clause.presence === PROHIBITED) {
                refs.forEach(function (ref) { prohibited.add(ref); });
                return;
              }
              vectors[field].upsert(posting._index, clause.boost, function (a, b) { return a + b; });
              if (seen[key]) return;
              seen[key] = true;
              reads.push({ term: term, field: field, posting: fieldPosting, refs: refs });
            });
          });
        }
        if (clause.presence !== REQUIRED) continue;
        var done = new Map(); // fields sharing one set share its intersection
        clause.fields.forEach(function (field) {
          var before = empty ? new Set() : required[field];
          if (before === undefined) { required[field] = undefined; return; }
          if (!done.has(before)) done.set(before, empty ? before : intersect(before, matches));
          required[field] = done.get(before);
        });
        if (clause.fields.some(function (field) { return required[field] === undefined; })) return null;
      }
      var all = COMPLETE;
      index.fields.forEach(function (field) { if (required[field]) all = all === required[field] ? all : intersect(all, required[field]); });
      return { required: all, prohibited: prohibited };
    }

    return function query(fn) {
      var q = new lunr.Query(this.fields);
      fn.call(q, q);
      if (q.isNegated()) return own.call(this, fn);
      var vectors = Object.create(null), reads = [];
      this.fields.forEach(function (field) { vectors[field] = new lunr.Vector(); });
      var allowed = filter(this, q, vectors, reads);
      if (!allowed) return own.call(this, fn);
      var fields = Object.create(null);  // "field/ref" → lunr.MatchData, in lunr's order
      reads.forEach(function (read) {
        read.refs.forEach(function (ref) {
          if (allowed.required !== COMPLETE && !allowed.required.has(ref) || allowed.prohibited.has(ref)) return;
          var key = read.field + lunr.FieldRef.joiner + ref, match = fields[key];
          if (match === undefined) fields[key] = new lunr.MatchData(read.term, read.field, read.posting[ref]);
          else match.add(read.term, read.field, read.posting[ref]);
        });
      });
      var results = [], matches = Object.create(null), index = this;
      Object.keys(fields).forEach(function (key) {
        var fieldRef = lunr.FieldRef.fromString(key), ref = fieldRef.docRef;
        var score = vectors[fieldRef.fieldName].similarity(index.fieldVectors[fieldRef]), match = matches[ref];
        if (match !== undefined) {
          match.score += score;
          match.matchData.combine(fields[key]);
        } else {
          matches[ref] = { ref: ref, score: score, matchData: fields[key] };
          results.push(matches[ref]);
        }
      });
      return results.sort(function (a, b) { return b.score - a.score; });
    };
  }

  self.dvcqFasterQuery = fasterQuery;
})();
