/*
 * Vietnamese queries for Material's search (lunr), rewritten on their way to the search worker,
 * and its answers read before Material shows them.
 *
 * 1. NFC. Some keyboards (and text pasted from PDFs) produce decomposed Unicode (NFD): "dân"
 *    arrives as "da" + U+0302 + "n" and matches nothing in an index written in NFC.
 * 2. Typed without diacritics. Every entry holds its words folded and marked with "_" in a field
 *    of their own (`fold`, macros/site/search_words.py): "so noi vu" is looked up as "_so _noi _vu",
 *    so it finds "Sở Nội vụ" in page text. A query typed with diacritics never reaches that
 *    field: "Sở Y tế" does not match "sợ", "ý" or "yêu", and exact diacritics rank first.
 * 3. Exact words first. Material appends "*" to every query word, so "1" matches "14" and "tu"
 *    matches "tuyên" as well as "1" and "tu" themselves: each word is added once more as an
 *    exact, boosted clause ("1^10").
 * 4. Whole names first. A query of several words is added once more folded and joined
 *    ("_luatthuchiendanchuocoso^30"); the index holds each record's names in that form
 *    (macros/site/search.py), so the page named exactly so wins. The joined word is taken out of
 *    Material's "Không: ..." list of missing words, as the reader did not type it.
 * 5. Every word required. Each word is sent once more as required: "+_word" typed plain, exact
 *    but the last one, which the reader may still be typing ("+_word*"); "+word*" typed with
 *    diacritics. lunr's English stop words are not in the index ("can", "do"), so they are never
 *    required of an accented query (folded words are marked, so no stop word filter drops them).
 * 6. When no page has every word, the query is sent again without the required words; of those
 *    answers only pages missing a single word of three or more are listed, and a plain message
 *    says which words some page has and which none has ("Sở Y tế" no longer lists every page
 *    with "sở" and "tế").
 * 7. A phrase in quotes ("dân chủ ở cơ sở") keeps only the pages that hold the phrase; a query
 *    of several words that no result holds side by side says so.
 * 8. Typed without diacritics, the words are marked in the results as Material marks the words
 *    it matched ("dan van kheo" marks "Dân vận khéo"): Material marks only words found in the
 *    title and text, and the folded words are found in a field of their own.
 * 9. One wrong letter: when no page has every word of a query typed without diacritics, it is sent
 *    once more with each word of five letters or more allowed one edit ("+_kheos~1" finds "khéo"),
 *    before the any-word answer; kept only if a word was really corrected.
 * 10. A document number ("45/2018/NĐ-CP") that no result holds is said not to be on the site, with
 *    where to look it up, instead of a list of pages that share its parts.
 * 11. Order: the pages named exactly as typed first (their `keys` hold the joined query: "ubnd tinh
 *    gia lai" → the body's own page); then a query that opens with a kind of document ("luật", "kế
 *    hoạch") lists first the pages titled with that kind that hold every other word in their names
 *    ("luat dan chu co so" → the law before the theme); pages for maintainers (index field
 *    `audience`) always come last.
 * 12. When the answer to a query is on screen, the result list carries `data-answered` = that
 *    query, so a reader's script (and the browser tests) can tell which query it answers.
 * 13. Typing faster than answers come (each key is a query; on a slow phone an answer takes a
 *    few tenths of a second), the keys typed meanwhile are not each searched: while an answer is
 *    on its way, only the newest query is kept, and asked once that answer is in.
 *
 * This file is listed in `extra.polyfills` (mkdocs.yml), after the iframe-worker shim, so it runs
 * before Material's bundle creates the search worker and subscribes to its messages.
 *
 * The box keeps what the reader typed; only the messages to and from the worker change
 * (Material's documented worker protocol: {type: 2 (query) | 3 (result), data}). Text entered
 * without a keyup (IME composition, paste from a menu, autofill) gets a synthetic keyup, as
 * Material reads the box on keyup only.
 */
(function () {
  "use strict";

  var QUERY = 2; // SearchMessageType.QUERY
  var RESULT = 3; // SearchMessageType.RESULT
  var EXACT_BOOST = 10;
  var NAME_BOOST = 30;
  // The reader wrote lunr syntax (+must -mustnot fuzzy~ boost^ wild*): leave the query alone.
  var LUNR_SYNTAX = /(?:^|\s)[+-]\S|[~^*]/;
  var WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;
  var INDEX_SEPARATOR = /[\s\-–—/,.;:()“”"]+/; // plugins.search.separator in mkdocs.yml (– and — too: lunr fails on "20–25")
  var QUOTED = /["“”]([^"“”]+)["“”]/g;
  // lunr.stopWordFilter's list (lunr 2.3.9): these words are not in the index.
  var STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got had has have he her " +
    "hers him his how however i if in into is it its just least let like likely may me might most must my " +
    "neither no nor not of off often on only or other our own rather said say says she should since so some " +
    "than that the their them then there these they this tis to too twas us wants was we were what when where " +
    "which while who whom why will with would yet you your").split(" "));

  // search-quick.js: until the full index answers, only names, numbers and titles are searched.
  var WAITING = "Đang nạp nội dung các trang để tìm tiếp…";
  function quickOnly() {
    return document.documentElement.getAttribute("data-search-index") === "quick";
  }

  var joinedNames = new Set(); // every joined word sent, to hide it from the "missing" list

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  // "Dân vận khéo" → "_danvankheo", as joined() in macros/site/search.py makes of names.
  function joined(text) {
    return "_" + fold(text).replace(/[^\p{L}\p{N}]+/gu, "");
  }

  function plain(text) {
    return fold(text) === text.toLowerCase();
  }

  function words(text) {
    return text.split(INDEX_SEPARATOR).filter(function (w, i, all) { return w && all.indexOf(w) === i; });
  }

  // What the reader asked: the words, the phrases in quotes, whether diacritics were typed.
  function parse(query) {
    var text = query.normalize("NFC");
    var phrases = [];
    text.replace(QUOTED, function (_, p) { phrases.push(p.trim()); return " "; });
    var bare = text.replace(/["“”]/g, " ");
    return { text: bare, phrases: phrases.filter(Boolean), plain: plain(bare), words: words(bare) };
  }

  // The query Material would send, plus exact and joined clauses (and, typed without
  // diacritics, the folded words): what is sent when no page has every word.
  function rewrite(query) {
    var text = query.normalize("NFC");
    if (!text.trim() || LUNR_SYNTAX.test(text)) return text;
    var q = parse(text);
    var unique = q.text.split(WORD_SEPARATOR).filter(function (w, i, all) { return w && all.indexOf(w) === i; });
    var clauses = unique.map(function (w) { return w + "^" + EXACT_BOOST; });
    // Typed plain, the required words match only the folded field, which weighs little: the words
    // once more as prefixes keep names and titles (keys, folded) ahead, as required prefixes did.
    if (q.plain) clauses = unique.concat(clauses);
    var name = joined(q.text);
    if (unique.length > 1) {
      joinedNames.add(name);
      clauses.push(name + "^" + NAME_BOOST);
    }
    return q.text + " " + clauses.join(" ");
  }
  window.__searchQueryRewrite = rewrite; // for tests and the console

  // Every word a page must have: "+_so +_noi +_vu*" typed plain (exact but the last word, which
  // may still be being typed), "+sở* +y* +tế*" with diacritics (lunr misses some accented words
  // asked for exactly, "+xây", so they stay prefixes).
  function required(query) {
    var q = parse(query);
    if (LUNR_SYNTAX.test(q.text)) return "";
    if (q.plain) {
      return q.words.map(function (w, i) {
        return "+_" + w.toLowerCase() + (i === q.words.length - 1 ? "*" : "");
      }).join(" ");
    }
    return q.words.filter(function (w) { return !STOP_WORDS.has(w.toLowerCase()); })
      .map(function (w) { return "+" + w + "*"; }).join(" ");
  }
  window.__searchRequired = required;

  var TYPO_LETTERS = 5;
  // Every word required as in required(), but each word of five letters or more may be one edit
  // away ("+_kheos~1"); "" when the query has no such word.
  function fuzzy(query) {
    var q = parse(query);
    // Typed with diacritics, a word was typed with care: "Quảng Ninh" is not "Quản … Ninh".
    if (LUNR_SYNTAX.test(q.text) || !q.plain) return "";
    var longWords = q.words.filter(function (w) { return fold(w).replace(/[^\p{L}]/gu, "").length >= TYPO_LETTERS; });
    if (!longWords.length) return "";
    // Looked up folded, as typed plain: a wrong tone is not what this step is for (the answer is
    // kept only if a word was really corrected, see corrected()).
    var must = q.words.map(function (w, i, all) {
      var long = longWords.indexOf(w) >= 0;
      return "+_" + fold(w) + (long ? "~1" : (i === all.length - 1 ? "*" : ""));
    });
    return rewrite(query) + " " + must.join(" ");
  }
  window.__searchFuzzy = fuzzy;

  // A document number in the query: a word that starts with digits and holds "/" ("33/CT-TTg",
  // "10/2022/QH15", "114-KL/TW", "59/2023").
  var NUMBER = /(?:^|\s)(0*\d+[\-\/][\p{L}\p{N}\-\/.]*)/u;
  function numberIn(text) {
    var m = NUMBER.exec(text);
    return m && m[1].indexOf("/") >= 0 ? m[1].replace(/[.\/-]+$/, "") : null;
  }
  function numberWords(text) {  // folded words, leading zeros dropped: "02/2020/NĐ-CP" → " 2 2020 nd cp "
    return " " + fold(text.normalize("NFC")).split(INDEX_SEPARATOR).filter(Boolean)
      .map(function (w) { return w.replace(/^0+(?=\d)/, ""); }).join(" ") + " ";
  }
  function holdsNumber(group, number) {
    var needle = numberWords(number);
    return group.some(function (item) {
      return [item.title, item.text, item.keys, item.also].map(flat).some(function (field) {
        return numberWords(field).indexOf(needle) >= 0;
      });
    });
  }
  var NOT_HERE = "Trang này chưa có văn bản số “%s”. Có thể tra văn bản tại Cơ sở dữ liệu quốc gia về văn bản " +
    "pháp luật (vbpl.vn) hoặc Công báo (congbao.chinhphu.vn).";

  // Kinds of document as officials type them, folded.
  var KINDS = ["luat", "bo luat", "nghi dinh", "chi thi", "quyet dinh", "ke hoach", "thong tu", "phap lenh",
    "nghi quyet", "ket luan", "quy dinh", "quy che", "de an", "chuong trinh", "cong van", "huong dan", "thong bao"];
  function pageItem(group) {
    return group.filter(function (item) { return item.location.indexOf("#") < 0; })[0] || null;
  }
  // Where `w` ends in `text` from `at` on, -1 if absent; a number only as a whole number, leading
  // zeros aside: "chỉ thị 1" is Chỉ thị 01/CT-UBND, not the 16-CT/TU whose joined name starts "_16".
  function numberAt(text, w, at) {
    var digits = /\d$/.test(w);
    var from = at;
    for (;;) {
      var i = text.indexOf(w, from);
      if (i < 0) return -1;
      var end = i + w.length;
      if (!digits || !/\d/.test(text.charAt(end))) return end;
      from = i + 1;
    }
  }
  function wholeNumberIn(key, w, at) {
    if (!/^\d+$/.test(w)) return numberAt(key, w, at);
    var re = new RegExp("\\D0*" + w.replace(/^0+(?=\d)/, "") + "(?!\\d)", "g");
    re.lastIndex = Math.max(at - 1, 0);
    var m = re.exec(key);
    return m ? m.index + m[0].length : -1;
  }
  function kindFirst(groups, q) {
    var typed = fold(q.text).split(INDEX_SEPARATOR).filter(Boolean);
    var kind = KINDS.filter(function (k) { return typed.slice(0, k.split(" ").length).join(" ") === k; })
      .sort(function (a, b) { return b.length - a.length; })[0];
    if (!kind) return groups;
    var rest = typed.slice(kind.split(" ").length);
    if (!rest.length) return groups;
    var named = groups.filter(function (g) {
      var page = pageItem(g);
      if (!page) return false;
      var title = numberWords(flat(page.title)).trim();
      if (title.indexOf(kind + " ") !== 0 && title !== kind) return false;
      var names = numberWords([page.title, page.keys, page.also].map(flat).join(" "));
      return rest.every(function (w) { return names.indexOf(" " + w.replace(/^0+(?=\d)/, "") + " ") >= 0 ||
        numberAt(names, " _" + w, 0) >= 0; });
    });
    // Of those, the page with the shortest whole name holding the words in order first: the law
    // itself before the law that amends it ("_luatthuchiendanchuocoso" before "_luatsuadoi…cuaLuat…").
    var shortest = function (g) {
      var best = Infinity;
      flat(pageItem(g).keys).split(/\s+/).forEach(function (k) {
        if (k.indexOf("_" + kind.replace(/ /g, "")) !== 0) return;
        var at = 0;
        var inOrder = rest.every(function (w) { at = wholeNumberIn(k, w, at); return at >= 0; });
        if (inOrder && k.length < best) best = k.length;
      });
      return best;
    };
    named = named.map(function (g, i) { return [shortest(g), i, g]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (x) { return x[2]; });
    return named.length ? named.concat(groups.filter(function (g) { return named.indexOf(g) < 0; })) : groups;
  }
  // The pages whose own name is the query (their `keys` hold its joined form, 4.), first: lunr's
  // sum over words can put a page that repeats the words ahead of the page named so.
  function namedExactly(groups, q) {
    if (q.words.length < 2) return groups;
    var name = " " + joined(q.text) + " ";
    var exact = groups.filter(function (g) {
      var page = pageItem(g);
      return page && (" " + flat(page.keys).replace(/\s+/g, " ") + " ").indexOf(name) >= 0;
    });
    return exact.length ? exact.concat(groups.filter(function (g) { return exact.indexOf(g) < 0; })) : groups;
  }
  // One edit apart (a letter changed, added or dropped)?
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (a.length < b.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }
  // The query as the pages write it, for an answer that allowed one wrong letter: each long word
  // replaced by the word one edit away that most results hold ("dan van kheos" → "dan van kheo").
  function corrected(q, groups) {
    var counts = {};
    groups.forEach(function (g) {
      var seen = {};
      g.forEach(function (item) {
        flat(item.fold).split(/\s+/).forEach(function (t) { if (t) seen[t.replace(/^_/, "")] = true; });
      });
      Object.keys(seen).forEach(function (t) { counts[t] = (counts[t] || 0) + 1; });
    });
    var text = q.words.map(function (w) {
      var f = fold(w);
      if (f.length < TYPO_LETTERS || counts[f]) return f;
      var best = Object.keys(counts).filter(function (t) { return oneEdit(f, t); })
        .sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })[0];
      return best || f;
    }).join(" ");
    return parse(text);
  }
  function forMaintainers(group) {
    return group.some(function (item) { return item.audience === "maintainers"; });
  }
  function maintainersLast(groups) {
    var theirs = groups.filter(forMaintainers);
    return theirs.length ? groups.filter(function (g) { return !forMaintainers(g); }).concat(theirs) : groups;
  }

  // --- answers ---------------------------------------------------------------------------------

  // One entry per query sent, in order (the worker answers in order).
  var pending = [];
  var explain = { text: "" }; // the message shown under Material's count for the newest answer
  var shown = null; // parse() of the query whose answer is on screen
  var answered = null; // the query as typed whose answer is on screen (12.)
  var held = null; // the newest query typed while an answer was on its way: {worker, query} (13.)

  // Text of a result's field (Material marks matches with <mark>): parsed once per distinct string,
  // as every answer reads the same titles and keys many times over. Text holding nothing but Material's
  // marks (the index's own text holds no markup) is what is left once they are taken out: no parsing.
  var flatText = new Map();
  var parser = document.createElement("template");
  var MARKS = /<\/?mark>/g, MARKUP = /[<&\r\0]/;  // the parser also reads entities, CR and NUL
  function flat(html) {
    if (!html) return "";
    if (html.indexOf("<") < 0 && html.indexOf("&") < 0) return html;
    var known = flatText.get(html);
    if (known !== undefined) return known;
    if (flatText.size > 20000) flatText.clear();
    var text = html.replace(MARKS, "");
    if (MARKUP.test(text)) {
      parser.innerHTML = html;
      text = parser.content.textContent;
    }
    flatText.set(html, text);
    return text;
  }

  // A text's words, lower-cased (and folded), between spaces: kept per text, as the answers to the keys of
  // one query ("dan van k", "dan van kh", …) read the same titles and texts again; flat() strips the marks
  // that differ between them. Up to about 8 million characters are kept.
  var squeezed = [new Map(), new Map()], squeezedChars = 0;
  function squeeze(text, folded) {
    var cache = squeezed[folded ? 1 : 0];
    var known = cache.get(text);
    if (known !== undefined) return known;
    if (squeezedChars > 8e6) {
      squeezed[0].clear();
      squeezed[1].clear();
      squeezedChars = 0;
    }
    var t = text.normalize("NFC").toLowerCase();
    var out = " " + (folded ? fold(t) : t).split(INDEX_SEPARATOR).filter(Boolean).join(" ") + " ";
    cache.set(text, out);
    squeezedChars += text.length + out.length;
    return out;
  }

  function holds(group, phrase, titleOnly) {
    var folded = plain(phrase);
    var needle = squeeze(phrase, folded);
    return group.some(function (item) {  // title and text apart: a phrase does not run from one into the other
      return squeeze(flat(item.title), folded).indexOf(needle) >= 0 ||
        !titleOnly && squeeze(flat(item.text), folded).indexOf(needle) >= 0;
    });
  }

  // Which of the reader's words a group of results (one page) has, from Material's `terms`.
  function found(group, q) {
    var terms = {};
    group.forEach(function (item) {
      Object.keys(item.terms || {}).forEach(function (t) { if (item.terms[t]) terms[t] = true; });
    });
    return q.words.filter(function (w) {
      var lw = w.toLowerCase();
      return Object.keys(terms).some(function (t) {
        return t === lw || t === "_" + fold(lw) || (t.charAt(0) !== "_" && lw.indexOf(t) === 0) || ("_" + fold(lw)).indexOf(t) === 0 && t.length > 1;
      });
    });
  }

  function quote(list) {
    return list.map(function (w) { return "“" + w + "”"; }).join(", ");
  }

  // A word typed plain matched through its folded twin ("_so"): Material should not list "so"
  // as missing from the page.
  function twins(data, q) {
    if (!q.plain) return;
    (data.items || []).forEach(function (group) {
      group.forEach(function (item) {
        if (!item.terms) return;
        q.words.forEach(function (w) {
          var lw = w.toLowerCase();
          if (item.terms["_" + fold(lw)] && item.terms[lw] === false) item.terms[lw] = true;
        });
      });
    });
  }

  function strictAnswer(entry, data, post, worker) {
    twins(data, entry.q);
    var groups = data.items || [];
    var q = entry.q;
    if (q.phrases.length) {
      groups = groups.filter(function (g) { return q.phrases.every(function (p) { return holds(g, p); }); });
    }
    if (!groups.length && quickOnly()) { // names only so far: the full index asks again when ready
      explain.text = WAITING;
      return Object.assign({}, data, { items: [] });
    }
    var number = numberIn(q.text);
    if (number) {
      var holding = groups.filter(function (g) { return holdsNumber(g, number); });
      if (!holding.length && groups.length && !quickOnly()) {
        explain.text = NOT_HERE.replace("%s", number);
        return Object.assign({}, data, { items: [] });
      }
      if (!holding.length && quickOnly()) {  // the number may be in a page's text: wait for the full index
        explain.text = WAITING;
        return Object.assign({}, data, { items: [] });
      }
      groups = holding;
    }
    var asWritten = entry.kind === "typo" && groups.length ? corrected(q, groups) : q;
    if (entry.kind === "typo" && asWritten.words.join(" ") === fold(q.words.join(" "))) groups = [];  // no letter fixed
    if (!groups.length && entry.kind === "strict" && !pending.length && !number && fuzzy(entry.query)) {
      pending.push({ kind: "typo", q: q, loose: entry.loose, query: entry.query });
      post.call(worker, { type: QUERY, data: fuzzy(entry.query) });
      return null; // swallowed: the answer allowing one wrong letter follows
    }
    if (!groups.length && entry.loose && !pending.length) {
      pending.push({ kind: "loose", q: q, query: entry.query });
      post.call(worker, { type: QUERY, data: entry.loose });
      return null; // swallowed: the loose answer follows
    }
    explain.text = entry.kind === "typo" && groups.length ?
      "Không trang nào có đúng các chữ đã gõ; dưới đây là các trang có chữ gần giống (sai một chữ cái)." : "";
    if (!groups.length && q.phrases.length) {
      explain.text = "Không trang nào có cụm từ " + quote(q.phrases) + ".";
    } else if (groups.length > 1 && !q.phrases.length && q.words.length > 1 && !/\d/.test(q.text) && entry.kind !== "typo") {
      // Typed plain, the folded words carry no positions: pages that hold them side by side
      // first (stable: lunr's order otherwise). Numbers are left to lunr ("CT-TTg 27").
      var phrase = q.words.join(" ");
      var side = q.plain ? groups.filter(function (g) { return holds(g, phrase); }) : [];
      if (side.length && side.length < groups.length || side.length > 1) {
        // Named so first (the phrase in the page's title), then the phrase in its text.
        var named = side.filter(function (g) { return holds(g.slice(0, 1), phrase, true); });
        var rest = side.filter(function (g) { return named.indexOf(g) < 0; });
        groups = named.concat(rest, groups.filter(function (g) { return side.indexOf(g) < 0; }));
      } else if (!side.length && !quickOnly() && q.words.length <= 3 && !groups.some(function (g) { return holds(g, phrase); })) {
        explain.text = "Không trang nào có cụm “" + phrase + "”; " + groups.length +
          " trang dưới đây có đủ các chữ nhưng ở những chỗ khác nhau.";
      }
    }
    if (asWritten !== q && groups.length > 1) {  // pages holding the corrected words side by side first
      var fixed = asWritten.words.join(" ");
      var side2 = groups.filter(function (g) { return holds(g, fixed); });
      groups = side2.concat(groups.filter(function (g) { return side2.indexOf(g) < 0; }));
    }
    groups = maintainersLast(namedExactly(kindFirst(groups, asWritten), asWritten));
    return groups === data.items ? data : Object.assign({}, data, { items: groups });
  }

  function looseAnswer(entry, data) {
    var q = entry.q;
    var box = document.querySelector("input.md-search__input");
    if (box && box.value.normalize("NFC").trim() !== entry.query.trim()) return null; // the reader moved on
    twins(data, q);
    var groups = data.items || [];
    var number = numberIn(q.text);
    if (number) {
      groups = groups.filter(function (g) { return holdsNumber(g, number); });
      if (!groups.length) {
        explain.text = NOT_HERE.replace("%s", number);
        return Object.assign({}, data, { items: [] });
      }
    }
    var anywhere = {};
    groups.forEach(function (g) { found(g, q).forEach(function (w) { anywhere[w] = true; }); });
    var some = q.words.filter(function (w) { return anywhere[w]; });
    var none = q.words.filter(function (w) { return !anywhere[w]; });
    var near = groups.filter(function (g) {
      var has = found(g, q).length;
      return has >= 3 && q.words.length - has <= 1 && q.phrases.every(function (p) { return holds(g, p); });
    });
    explain.text = (q.phrases.length ? "Không trang nào có cụm từ " + quote(q.phrases) + ". " : "") +
      "Không trang nào có đủ mọi chữ đã gõ." +
      (some.length ? " Có trang chứa " + quote(some) + (none.length ? "; không trang nào có " + quote(none) : "") + "."
        : "") +
      (near.length ? " Dưới đây là các trang chỉ thiếu một chữ." : "");
    return Object.assign({}, data, { items: maintainersLast(near) });
  }

  function answer(ev, post, worker) {
    var data = ev.data;
    if (!data || data.type !== RESULT || !pending.length) return data;
    var entry = pending.shift();
    if (!entry) return data;
    var out = entry.kind === "loose" ? looseAnswer(entry, data.data) : strictAnswer(entry, data.data, post, worker);
    if (out === null) return null;
    shown = entry.q;
    answered = entry.query;
    return out === data.data ? data : { type: RESULT, data: out };
  }

  function wrap(proto) {
    if (!proto || proto.postMessage.__rewrites) return;
    var post = proto.postMessage;
    function ask(worker, query) {
      var loose = rewrite(query), must = required(query);
      pending.push({ kind: "strict", q: parse(query), loose: must ? loose : null, query: query.normalize("NFC") });
      return post.call(worker, { type: QUERY, data: must ? loose + " " + must : loose });
    }
    // Once every answer asked for is in, the query held meanwhile (the newest typed) goes out.
    function next() {
      if (pending.length || !held) return;
      var h = held;
      held = null;
      ask(h.worker, h.query);
    }
    var add = proto.addEventListener;
    var remove = proto.removeEventListener;
    var wrapped = new WeakMap();
    proto.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        if (pending.length) {  // an answer is on its way: only the newest query typed meanwhile is asked next (13.)
          held = { worker: this, query: message.data };
          return undefined;
        }
        held = null;
        return ask(this, message.data);
      }
      return post.apply(this, arguments);
    };
    proto.postMessage.__rewrites = true;
    // Material listens with addEventListener("message", …) (RxJS fromEvent): hand it our answer.
    if (add) {
      proto.addEventListener = function (type, listener, options) {
        if (type !== "message" || typeof listener !== "function") return add.apply(this, arguments);
        var worker = this;
        var inner = function (ev) {
          var data = answer(ev, post, worker), out;
          if (data !== null) {  // null: swallowed (a follow-up query was sent, or the reader moved on)
            out = listener.call(this, data === ev.data ? ev : { type: "message", data: data, target: ev.target });
            if (data && data.type === RESULT) stamp();  // Material renders the first results synchronously
          }
          next();
          return out;
        };
        wrapped.set(listener, inner);
        return add.call(this, type, inner, options);
      };
      proto.removeEventListener = function (type, listener, options) {
        return remove.call(this, type, wrapped.get(listener) || listener, options);
      };
    }
  }
  // Native worker over http(s); the iframe-worker shim stands in for it under file://.
  if (window.Worker) wrap(window.Worker.prototype);
  if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);

  function stamp() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || answered === null || quickOnly()) return;  // names only: the full index answers again
    tidy(list);
    markPlain(list);
    say();
    list.setAttribute("data-answered", answered);
  }

  function isSearchBox(el) {
    return el instanceof HTMLInputElement && el.classList.contains("md-search__input");
  }
  function poke(ev) {
    if (isSearchBox(ev.target) && !ev.isComposing) ev.target.dispatchEvent(new KeyboardEvent("keyup"));
  }
  document.addEventListener("input", poke, true);
  document.addEventListener("compositionend", poke, true);

  // As results render: joined names out of "Không: <del>word</del>", and the plain message in.
  function tidy(root) {
    root.querySelectorAll(".md-search-result__terms del").forEach(function (del) {
      if (!joinedNames.has(del.textContent) && del.textContent.charAt(0) !== "_") return;
      var terms = del.parentNode;
      if (del.nextSibling && del.nextSibling.nodeType === 3) del.nextSibling.remove();
      del.remove();
      if (!terms.querySelector("del")) terms.remove();
    });
  }
  // Typed plain: in each result rendered, the words whose folded form is a word typed (or starts
  // with the last one, which may still be being typed) are wrapped in <mark> as Material wraps
  // its matches. Text nodes only, so data stays text; the missing-words line and tags are left.
  var SKIP = "mark, del, .md-search-result__terms, .md-tags, summary";
  function markPlain(root) {
    var q = shown;
    if (!q || !q.plain || !q.words.length) return;
    var typed = q.words.map(function (w) { return fold(w); });
    var last = /[\s"“”]$/.test(q.text) ? null : typed[typed.length - 1];
    var whole = new Set(last === null ? typed : typed.slice(0, -1));
    var matches = function (word) {
      var f = fold(word);
      return whole.has(f) || last !== null && f.indexOf(last) === 0;
    };
    root.querySelectorAll("article.md-search-result__article").forEach(function (article) {
      if (article.getAttribute("data-fold-marked") === q.text) return;
      article.setAttribute("data-fold-marked", q.text);
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) { return n.parentNode.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
      });
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var parts = node.data.split(/([\p{L}\p{M}\p{N}]+)/u);
        if (!parts.some(function (p, i) { return i % 2 && matches(p); })) return;
        var frag = document.createDocumentFragment();
        parts.forEach(function (p, i) {
          if (!p) return;
          if (i % 2 && matches(p)) {
            var mark = document.createElement("mark");
            mark.textContent = p;
            frag.appendChild(mark);
          } else {
            frag.appendChild(document.createTextNode(p));
          }
        });
        node.parentNode.replaceChild(frag, node);
      });
    });
  }
  function say() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var box = document.querySelector(".search-explain");
    if (!explain.text || !document.querySelector("input.md-search__input").value.trim()) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.className = "search-explain";
      box.setAttribute("role", "status");
    }
    if (meta.nextSibling !== box) meta.parentNode.insertBefore(box, meta.nextSibling);
    if (box.textContent !== explain.text) box.textContent = explain.text;
  }
  function watch() {
    var results = document.querySelector(".md-search-result__list");
    if (results) new MutationObserver(function () { tidy(results); markPlain(results); say(); }).observe(results, { childList: true, subtree: true });
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) new MutationObserver(say).observe(meta, { childList: true, characterData: true, subtree: true });
  }
  // Loaded in the head (extra.polyfills), before Material makes its worker and listens to it.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
