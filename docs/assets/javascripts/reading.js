/*
 * Reading on any screen, offline, with no outside host:
 *
 * 1. Tables that do not fit the page become stacked cards (one card a row, each cell under its
 *    column's name), instead of a box scrolling sideways on a phone. The column names are copied
 *    from the header into `data-label` (site.css shows them); a table gets `data-cards` only while
 *    it is wider than the text column or its columns are too narrow to read, so the same table
 *    stays a table on a laptop.
 * 3. Search words typed without diacritics are marked on the page a search result opened (Material
 *    marks the words as typed, so "dan van kheo" marked nothing on a page that says "Dân vận khéo").
 * 2. Lists with a filter form (`form.list-filter[data-list]`, e.g. the documents index, or
 *    `[data-lists]`, a selector for several lists, e.g. the hierarchy's tiers): each
 *    select keeps the items whose `data-<name>` matches. The form is hidden until this script runs,
 *    so without scripts the whole list shows. The choice is kept in the address (?loai=chi-thi),
 *    so a link can open the list filtered and the back button restores it.
 */
(function () {
  "use strict";

  var MIN_COLUMN = 110; // px: narrower columns wrap every word onto its own line

  function article() {
    return document.querySelector(".md-content__inner");
  }

  // --- tables as cards -------------------------------------------------------------------------

  function label(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      // innerText keeps a <br> as a line break ("UBND tỉnh Lào Cai<br>13/KH-UBND"): join with " · ".
      return (th.innerText || th.textContent).trim().replace(/\s*\n\s*/g, " · ");
    });
    if (!heads.length) return false;
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (!cell.hasAttribute("data-label") && heads[i]) cell.setAttribute("data-label", heads[i]);
      });
    });
    return true;
  }

  function fit() {
    var box = article();
    if (!box) return;
    var width = box.clientWidth;
    box.querySelectorAll("table").forEach(function (table) {
      if (!table.__labelled) table.__labelled = label(table) ? 1 : -1;
      if (table.__labelled < 0) return;
      table.removeAttribute("data-cards");
      var columns = table.querySelectorAll("thead th").length;
      // Wider than the text column, or squeezed below about eight characters a column.
      if (table.scrollWidth > width + 1 || width / columns < MIN_COLUMN) table.setAttribute("data-cards", "");
    });
  }

  // --- list filters ----------------------------------------------------------------------------

  function params() {
    var out = {};
    var text = location.search.replace(/^\?/, "") + "&" + location.hash.replace(/^#/, "");
    text.split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length === 2) out[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1].replace(/\+/g, " "));
    });
    return out;
  }

  function filter(form) {
    // `data-list`: the id of one list; `data-lists`: a selector for several (the hierarchy's tiers)
    var lists = form.hasAttribute("data-lists")
      ? Array.prototype.slice.call(document.querySelectorAll(form.getAttribute("data-lists")))
      : [document.getElementById(form.getAttribute("data-list"))].filter(Boolean);
    if (!lists.length) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var wanted = params();
    selects.forEach(function (s) {
      if (wanted[s.name] && s.querySelector('option[value="' + CSS.escape(wanted[s.name]) + '"]')) s.value = wanted[s.name];
    });
    var count = form.querySelector(".list-filter__count");
    var items = [];
    lists.forEach(function (list) { items = items.concat(Array.prototype.slice.call(list.children)); });

    function apply(remember) {
      var shown = 0;
      items.forEach(function (li) {
        var keep = selects.every(function (s) { return !s.value || li.getAttribute("data-" + s.name) === s.value; });
        li.hidden = !keep;
        if (keep) shown += 1;
      });
      var filtering = selects.some(function (s) { return s.value; });
      lists.forEach(function (list) { // a list left empty hides, and so does its heading when the list
        var empty = !Array.prototype.some.call(list.children, function (li) { return !li.hidden; });
        list.hidden = empty; //           is all that stands under it
        // On a phone the list may stand folded in its group (foldGroups): the group's heading is then
        // the one to hide, and a group that keeps a match opens, so a filter never hides its answer.
        var body = list.parentNode.classList.contains("fold-body") ? list.parentNode : null;
        var at = body || list;
        var head = at.previousElementSibling, next = at.nextElementSibling;
        var alone = head && /^H[2-6]$/.test(head.tagName) &&
          (body ? body.children.length === 1 : !next || /^H[2-6]$/.test(next.tagName));
        if (lists.length > 1 && alone) head.hidden = empty;
        if (body && filtering && !empty && body.__open) body.__open();
      });
      if (count) {
        count.textContent = shown === items.length
          ? "Đang hiện cả " + items.length + " mục."
          : shown ? "Đang hiện " + shown + " trong " + items.length + " mục."
          : "Không có mục nào khớp mọi lựa chọn trên; bỏ bớt một lựa chọn để xem thêm.";
      }
      if (remember && window.history && history.replaceState) {
        var query = selects.filter(function (s) { return s.value; })
          .map(function (s) { return encodeURIComponent(s.name) + "=" + encodeURIComponent(s.value); }).join("&");
        try {
          history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
        } catch (e) { /* file:// in some browsers refuses; the filter still works */ }
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  // --- search words without diacritics -----------------------------------------------------------

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function markFolded() {
    var h = new URLSearchParams(location.search).get("h");
    var box = article();
    if (!h || !box) return;
    var wanted = h.split(/\s+/).map(function (w) { return w.replace(/^_/, ""); })
      .filter(function (w) { return w && fold(w) === w.toLowerCase() && !/^_/.test(w); });
    wanted = wanted.filter(function (w, i) { return wanted.indexOf(w) === i && w.length > 1; });
    if (!wanted.length) return;
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest("mark, script, style, .md-search") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var word = /[\p{L}\p{M}\p{N}]+/gu;
    nodes.forEach(function (node) {
      var text = node.nodeValue, parts = [], last = 0, m;
      word.lastIndex = 0;
      while ((m = word.exec(text))) {
        var f = fold(m[0]);
        if (f !== m[0].toLowerCase() && wanted.some(function (w) { return f.indexOf(w) === 0; })) {
          parts.push(text.slice(last, m.index), m[0]);
          last = m.index + m[0].length;
        }
      }
      if (!parts.length) return;
      var frag = document.createDocumentFragment();
      parts.forEach(function (p, i) {
        if (i % 2 === 0) { if (p) frag.appendChild(document.createTextNode(p)); return; }
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = p;
        frag.appendChild(mark);
      });
      frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }

  // Print buttons (plan and draft pages): shown only where the script runs, as they need it.
  function printButtons() {
    document.querySelectorAll("button.print-button").forEach(function (b) {
      b.classList.add("is-ready");
      b.addEventListener("click", function () { window.print(); });
    });
  }

  // Long pages on a phone (the comparison of plans, the indexes): each h2 group folds under its
  // heading, a tap opens it; a link to a place inside a group opens that group. Only where the page
  // is more than FOLD_SCREENS screens tall at phone width; printing shows every group.
  var FOLD_SCREENS = 6;
  function foldGroups() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || window.innerWidth > 600 || article.querySelector(".doc-head, .draft-paper")) return;
    if (article.scrollHeight < FOLD_SCREENS * window.innerHeight) return;
    // The groups: the h2 sections, or where there are fewer than three, the h3 ones.
    var level = ["H2", "H3"].filter(function (t) {
      return article.querySelectorAll(":scope > " + t + "[id]").length >= 3;
    })[0];
    if (!level) return;
    var stops = level === "H2" ? ["H2"] : ["H2", "H3"];
    var heads = [].slice.call(article.querySelectorAll(":scope > " + level + "[id]"));
    heads.forEach(function (h2) {
      var body = document.createElement("div");
      body.className = "fold-body";
      body.hidden = true;
      while (h2.nextSibling && stops.indexOf(h2.nextSibling.tagName) < 0) body.appendChild(h2.nextSibling);
      h2.parentNode.insertBefore(body, h2.nextSibling);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fold-toggle";
      button.setAttribute("aria-expanded", "false");
      button.textContent = "Mở";
      h2.appendChild(button);
      h2.classList.add("fold-head");
      var toggle = function (open) {
        body.hidden = !open;
        button.setAttribute("aria-expanded", String(open));
        button.textContent = open ? "Thu gọn" : "Mở";
      };
      h2.addEventListener("click", function (ev) {
        if (ev.target.closest("a.headerlink")) return;
        toggle(body.hidden);
      });
      body.__open = function () { toggle(true); };
    });
    document.documentElement.setAttribute("data-folded", "");
    var reveal = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      var body = target && (target.closest(".fold-body") || (target.classList.contains("fold-head") && target.nextSibling));
      if (body && body.__open) body.__open();
      if (target) target.scrollIntoView();
    };
    window.addEventListener("hashchange", reveal);
    if (location.hash) reveal();
  }

  function start() {
    printButtons();
    foldGroups();
    markFolded();
    document.querySelectorAll("form.list-filter[data-list], form.list-filter[data-lists]").forEach(filter);
    fit();
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(fit, 100);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
