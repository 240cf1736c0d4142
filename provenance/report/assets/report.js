/* provenance report: offline filters, sortable paginated tables, link viewer.
 * Data comes from the embedded JSON blocks; every data string is written with
 * textContent (never innerHTML); full link views are cloned from inert <template> elements
 * whose HTML provenance.report built and escaped. */
(function () {
  "use strict";
  var t0 = performance.now();
  var PAGE = 50;
  function byId(id) { return document.getElementById(id); }
  var D = JSON.parse(byId("report-data").textContent);
  var VIEWS = {};  /* link_id -> <template> holding the full view, escaped on the Python side */
  Array.prototype.forEach.call(byId("link-views").children, function (t) {
    VIEWS[t.getAttribute("data-link")] = t;
  });
  var O = D.outlets;      // [id, name, country, ownership, cls, kind]
  var A = D.articles;     // [id, title, url, outlet, published, lead]
  var L = D.links;        // see LINK below
  var C = D.chains;       // see CHAIN below
  var LINK = {id: 0, child: 1, parent: 2, co: 3, po: 4, rel: 5, ev: 6, cont: 7, cov: 8, cred: 9,
              usm: 10, lag: 11, conf: 12, rank: 13};
  var CHAIN = {id: 0, art: 1, path: 2, depth: 3, root: 4, state: 5, cred: 6, outlets: 7, ev: 8};
  var linkIndex = {};
  L.forEach(function (r) { linkIndex[r[LINK.id]] = r; });
  var outletIndex = {};
  O.forEach(function (o, i) { outletIndex[o[0]] = i; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function isState(i) { return i !== null && i >= 0 && O[i][4] === "state"; }
  function country(i) { return i !== null && i >= 0 ? O[i][2] : ""; }
  function oname(i) { return i !== null && i >= 0 ? O[i][1] : ""; }
  function badge(i) {
    var cls = i !== null && i >= 0 ? O[i][4] : "unknown";
    var b = el("span", "ob o-" + cls, oname(i) || "unknown outlet");
    if (cls === "state") {
      var s = el("abbr", "st", "STATE");
      s.title = "state-affiliated";
      b.appendChild(document.createTextNode(" "));
      b.appendChild(s);
    }
    return b;
  }
  function fmt(v, d) { return v === null || v === undefined ? "–" : Number(v).toFixed(d); }
  function safeHref(u) { return typeof u === "string" && /^https?:\/\/\S+$/i.test(u) ? u : null; }
  function title(ai) { return ai !== null && ai >= 0 ? (A[ai][1] || "(untitled)") : ""; }
  function articleLink(ai) {
    if (ai === null || ai < 0) { return el("span", "note", "not in corpus"); }
    var href = safeHref(A[ai][2]);
    var a = el(href ? "a" : "span", null, title(ai));
    if (href) { a.href = href; a.rel = "noopener noreferrer nofollow"; a.target = "_blank"; }
    return a;
  }
  function evChips(ev) {
    var span = el("span");
    (ev || "").split("+").forEach(function (e) { if (e) { span.appendChild(el("span", "ev ev-" + e, e)); } });
    return span;
  }
  function viewButton(id) {
    var b = el("button", "view", "view");
    b.setAttribute("data-link-open", id);
    return b;
  }

  /* ---- filters ---- */
  var F = {outlet: "", country: "", state: "", evidence: "", q: ""};
  function lower(s) { return (s || "").toLowerCase(); }
  function hasOutlet(list, o) { return list.indexOf(o) >= 0; }
  var MATCH = {
    links: function (r) {
      var co = r[LINK.co], po = r[LINK.po];
      if (F.outlet !== "" && co !== F.outlet && po !== F.outlet) { return false; }
      if (F.country && country(co) !== F.country && country(po) !== F.country) { return false; }
      if (F.state === "state" && !isState(po)) { return false; }
      if (F.state === "nonstate" && isState(po)) { return false; }
      if (F.state === "usm" && r[LINK.usm] !== 1) { return false; }
      if (F.evidence && (r[LINK.ev] || "").split("+").indexOf(F.evidence) < 0) { return false; }
      if (F.q) {
        var hay = lower(title(r[LINK.child]) + " " + title(r[LINK.parent]) + " " + oname(co) + " " +
                        oname(po) + " " + r[LINK.rel]);
        if (hay.indexOf(F.q) < 0) { return false; }
      }
      return true;
    },
    chains: function (r) {
      var outs = r[CHAIN.outlets];
      if (F.outlet !== "" && !hasOutlet(outs, F.outlet)) { return false; }
      if (F.country && !outs.some(function (o) { return country(o) === F.country; })) { return false; }
      if (F.state === "state" && r[CHAIN.state] !== 1) { return false; }
      if (F.state === "nonstate" && r[CHAIN.state] === 1) { return false; }
      if (F.state === "usm" && !(r[CHAIN.state] === 1 && r[CHAIN.cred] !== 1)) { return false; }
      if (F.evidence && (r[CHAIN.ev] || "").indexOf(F.evidence) < 0) { return false; }
      if (F.q && lower(r[CHAIN.path] + " " + title(r[CHAIN.art])).indexOf(F.q) < 0) { return false; }
      return true;
    },
    outlets: function (r) {
      var o = r[0];
      if (F.outlet !== "" && o !== F.outlet) { return false; }
      if (F.country && country(o) !== F.country) { return false; }
      if ((F.state === "state" || F.state === "usm") && !isState(o)) { return false; }
      if (F.state === "nonstate" && isState(o)) { return false; }
      if (F.q && lower(oname(o) + " " + O[o][0]).indexOf(F.q) < 0) { return false; }
      return true;
    }
  };

  /* ---- tables ---- */
  function Table(root, rows, cols, match, sortCol, sortDir) {
    this.root = root; this.rows = rows; this.cols = cols; this.match = match;
    this.sortCol = sortCol; this.sortDir = sortDir; this.page = 0; this.view = rows;
    var table = el("table", "t"), thead = el("thead"), tr = el("tr"), self = this;
    cols.forEach(function (c, i) {
      var th = el("th", null, c.label);
      th.title = "sort by " + c.label;
      th.addEventListener("click", function () {
        if (self.sortCol === i) { self.sortDir = -self.sortDir; } else { self.sortCol = i; self.sortDir = c.num ? -1 : 1; }
        self.page = 0; self.refresh();
      });
      tr.appendChild(th);
    });
    thead.appendChild(tr); table.appendChild(thead);
    this.tbody = el("tbody"); table.appendChild(this.tbody);
    this.info = el("span");
    var pager = el("div", "pager"), prev = el("button", null, "‹ previous"), next = el("button", null, "next ›");
    prev.addEventListener("click", function () { if (self.page > 0) { self.page--; self.render(); } });
    next.addEventListener("click", function () {
      if ((self.page + 1) * PAGE < self.view.length) { self.page++; self.render(); }
    });
    pager.appendChild(prev); pager.appendChild(next); pager.appendChild(this.info);
    root.appendChild(pager); root.appendChild(table);
    this.ths = tr.children;
  }
  Table.prototype.refresh = function () {
    var c = this.cols[this.sortCol], dir = this.sortDir;
    var filtered = this.rows.filter(this.match);
    var keyed = filtered.map(function (r, i) { return [c.key(r), i, r]; });
    keyed.sort(function (a, b) {
      var x = a[0], y = b[0];
      if (x === y) { return a[1] - b[1]; }
      if (x === null || x === undefined) { return 1; }
      if (y === null || y === undefined) { return -1; }
      return (x < y ? -1 : 1) * dir;
    });
    this.view = keyed.map(function (k) { return k[2]; });
    for (var i = 0; i < this.ths.length; i++) {
      this.ths[i].className = i === this.sortCol ? (dir > 0 ? "sorted-asc" : "sorted-desc") : "";
    }
    this.page = Math.min(this.page, Math.max(0, Math.ceil(this.view.length / PAGE) - 1));
    this.render();
  };
  Table.prototype.render = function () {
    var frag = document.createDocumentFragment(), cols = this.cols;
    var start = this.page * PAGE, rows = this.view.slice(start, start + PAGE);
    rows.forEach(function (r) {
      var tr = el("tr");
      cols.forEach(function (c) {
        var td = el("td", c.num ? "num" : null), v = c.cell ? c.cell(r) : c.key(r);
        if (v instanceof Node) { td.appendChild(v); } else { td.textContent = v === null || v === undefined ? "–" : String(v); }
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    this.tbody.textContent = "";
    this.tbody.appendChild(frag);
    var n = this.view.length;
    this.info.textContent = n === 0 ? "no rows match the filters" :
      "rows " + (start + 1) + "–" + Math.min(start + PAGE, n) + " of " + n +
      (n < this.rows.length ? " (filtered from " + this.rows.length + ")" : "");
  };

  var num = function (i, d) { return {key: function (r) { return r[i]; }, cell: function (r) { return fmt(r[i], d); }}; };
  function col(label, spec, isNum) { spec.label = label; spec.num = !!isNum; return spec; }
  var tables = [];
  if (byId("links-table")) {
    tables.push(new Table(byId("links-table"), L, [
      col("#", {key: function (r) { return r[LINK.rank]; }, cell: function (r) { return String(r[LINK.rank] + 1); }}, true),
      col("child outlet", {key: function (r) { return oname(r[LINK.co]); }, cell: function (r) { return badge(r[LINK.co]); }}),
      col("child article", {key: function (r) { return title(r[LINK.child]); }, cell: function (r) { return articleLink(r[LINK.child]); }}),
      col("takes from", {key: function (r) { return oname(r[LINK.po]); }, cell: function (r) { return badge(r[LINK.po]); }}),
      col("relation", {key: function (r) { return r[LINK.rel]; }}),
      col("evidence", {key: function (r) { return r[LINK.ev]; }, cell: function (r) { return evChips(r[LINK.ev]); }}),
      col("credited", {key: function (r) { return r[LINK.cred]; }, cell: function (r) {
        if (r[LINK.usm] === 1) { return el("span", "flag", "no · state media"); }
        return r[LINK.cred] === 1 ? "yes" : (r[LINK.cred] === 0 ? "no" : "–"); }}),
      col("containment", num(LINK.cont, 2), true),
      col("lag h", num(LINK.lag, 1), true),
      col("confidence", num(LINK.conf, 2), true),
      col("", {key: function (r) { return r[LINK.rank]; }, cell: function (r) { return viewButton(r[LINK.id]); }})
    ], MATCH.links, 0, 1));
  }
  if (byId("chains-table")) {
    tables.push(new Table(byId("chains-table"), C, [
      col("path (leaf > root)", {key: function (r) { return r[CHAIN.path]; }}),
      col("depth", {key: function (r) { return r[CHAIN.depth]; }}, true),
      col("root", {key: function (r) { return oname(r[CHAIN.root]); }, cell: function (r) { return badge(r[CHAIN.root]); }}),
      col("credited all the way", {key: function (r) { return r[CHAIN.cred]; }, cell: function (r) {
        if (r[CHAIN.cred] === 1) { return "yes"; }
        return r[CHAIN.state] === 1 ? el("span", "flag", "no · state-media root") : (r[CHAIN.cred] === 0 ? "no" : "–"); }}),
      col("evidence", {key: function (r) { return r[CHAIN.ev]; }}),
      col("leaf article", {key: function (r) { return title(r[CHAIN.art]); }, cell: function (r) { return articleLink(r[CHAIN.art]); }})
    ], MATCH.chains, 1, -1));
  }
  if (byId("outlets-table")) {
    var CC = D.comparison.cols, compCols = [
      col("outlet", {key: function (r) { return oname(r[0]); }, cell: function (r) { return badge(r[0]); }}),
      col("country", {key: function (r) { return country(r[0]); }}),
      col("ownership", {key: function (r) { return O[r[0]][3]; }})
    ];
    CC.forEach(function (c, j) {
      if (j === 0) { return; }
      if (c.num) { compCols.push(col(c.label, num(j, c.digits), true)); }
      else { compCols.push(col(c.label, {key: function (r) { return r[j]; }})); }
    });
    tables.push(new Table(byId("outlets-table"), D.comparison.rows, compCols, MATCH.outlets, 3, -1));
  }

  /* ---- filter controls ---- */
  function fill(select, items) {
    items.forEach(function (it) { var o = el("option", null, it[1]); o.value = it[0]; select.appendChild(o); });
  }
  var used = {};
  L.forEach(function (r) { used[r[LINK.co]] = 1; used[r[LINK.po]] = 1; });
  C.forEach(function (r) { r[CHAIN.outlets].forEach(function (o) { used[o] = 1; }); });
  D.comparison.rows.forEach(function (r) { used[r[0]] = 1; });
  var outletItems = [], countries = {};
  O.forEach(function (o, i) {
    if (used[i]) { outletItems.push([String(i), o[1] + (o[4] === "state" ? " (state)" : "")]); if (o[2]) { countries[o[2]] = 1; } }
  });
  outletItems.sort(function (a, b) { return a[1].toLowerCase() < b[1].toLowerCase() ? -1 : 1; });
  fill(byId("f-outlet"), outletItems);
  fill(byId("f-country"), Object.keys(countries).sort().map(function (c) { return [c, c]; }));
  var filterMs = null;
  function apply() {
    var t = performance.now();
    var o = byId("f-outlet").value;
    F.outlet = o === "" ? "" : Number(o);
    F.country = byId("f-country").value;
    F.state = byId("f-state").value;
    F.evidence = byId("f-evidence").value;
    F.q = lower(byId("f-q").value.trim());
    tables.forEach(function (tb) { tb.page = 0; tb.refresh(); });
    filterMs = performance.now() - t;
    return filterMs;
  }
  ["f-outlet", "f-country", "f-state", "f-evidence"].forEach(function (id) { byId(id).addEventListener("change", apply); });
  byId("f-q").addEventListener("input", apply);
  byId("f-reset").addEventListener("click", function () {
    ["f-outlet", "f-country", "f-state", "f-evidence", "f-q"].forEach(function (id) { byId(id).value = ""; });
    apply();
  });
  /* A shareable view: #outlet=sputnik&state=usm&evidence=text_reuse&country=RU&q=word&link=ID */
  var hashLink = null;
  function fromHash() {
    var h = location.hash.replace(/^#/, ""), set = false;
    h.split("&").forEach(function (kv) {
      var p = kv.split("="), k = p[0], v = decodeURIComponent(p.slice(1).join("=") || "");
      if (k === "link") { hashLink = v; }
      if (k === "outlet" && outletIndex[v] !== undefined) { byId("f-outlet").value = String(outletIndex[v]); set = true; }
      if (k === "country" || k === "state" || k === "evidence") { byId("f-" + k).value = v; set = true; }
      if (k === "q") { byId("f-q").value = v; set = true; }
    });
    return set;
  }

  /* ---- link viewer ---- */
  var viewer = byId("viewer"), viewerBody = byId("viewer-body");
  function card(r) {
    var box = el("article", "lv"), h = el("h3");
    h.appendChild(badge(r[LINK.co])); h.appendChild(el("span", "arrow", " takes from "));
    h.appendChild(badge(r[LINK.po])); h.appendChild(el("span", "rel", r[LINK.rel]));
    box.appendChild(h);
    var meta = el("p", "meta");
    meta.appendChild(evChips(r[LINK.ev]));
    meta.appendChild(document.createTextNode(" containment " + fmt(r[LINK.cont], 2) + " · lag " +
      fmt(r[LINK.lag], 1) + " h · confidence " + fmt(r[LINK.conf], 2) + " · credited " +
      (r[LINK.cred] === 1 ? "yes" : "no")));
    box.appendChild(meta);
    if (r[LINK.usm] === 1) { box.appendChild(el("p", "flag", "Uncredited reuse of state-affiliated media")); }
    box.appendChild(el("p", "note", "Full side-by-side texts are embedded for the most important links only; " +
      "this one shows the opening of each text."));
    var grid = el("div", "sbs");
    [["Parent", r[LINK.parent], r[LINK.po]], ["Child", r[LINK.child], r[LINK.co]]].forEach(function (p) {
      var c = el("section", "col"), h4 = el("h4", null, p[0] + ": ");
      h4.appendChild(badge(p[2])); h4.appendChild(el("br")); h4.appendChild(articleLink(p[1]));
      c.appendChild(h4);
      c.appendChild(el("p", "lead", p[1] !== null && p[1] >= 0 ? A[p[1]][5] + "…" : "Only the outlet is known."));
      grid.appendChild(c);
    });
    box.appendChild(grid);
    return box;
  }
  function openLink(id) {
    viewerBody.textContent = "";
    if (Object.prototype.hasOwnProperty.call(VIEWS, id)) {
      viewerBody.appendChild(VIEWS[id].content.cloneNode(true));
    } else if (linkIndex[id]) {
      viewerBody.appendChild(card(linkIndex[id]));
    } else { return; }
    viewer.hidden = false;
    viewer.scrollTop = 0;
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-link-open]") : null;
    if (b) { openLink(b.getAttribute("data-link-open")); }
  });
  byId("viewer-close").addEventListener("click", function () { viewer.hidden = true; });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { viewer.hidden = true; } });
  /* hovering an aligned passage highlights its counterpart on the other side */
  function hover(e, on) {
    var s = e.target.closest ? e.target.closest(".al[data-p]") : null;
    if (!s) { return; }
    var art = s.closest("article.lv"), p = s.getAttribute("data-p");
    art.querySelectorAll('.al[data-p="' + p + '"]').forEach(function (x) { x.classList.toggle("hl", on); });
  }
  document.addEventListener("mouseover", function (e) { hover(e, true); });
  document.addEventListener("mouseout", function (e) { hover(e, false); });

  var hashed = fromHash();
  if (hashed) { apply(); } else { tables.forEach(function (tb) { tb.refresh(); }); }
  if (hashLink) { openLink(hashLink); }
  var ok = el("div");
  ok.id = "js-ok";
  ok.hidden = true;
  ok.setAttribute("data-init-ms", (performance.now() - t0).toFixed(1));
  ok.setAttribute("data-filter-ms", filterMs === null ? "" : filterMs.toFixed(1));
  ok.setAttribute("data-rows", String(tables.map(function (tb) { return tb.view.length; }).join(",")));
  document.body.appendChild(ok);
})();
