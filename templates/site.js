/* The site's only script. Filters and keyword search for the catalog tables, and the
   county-wide search of the front page (its data in a <template> of that page; the
   synonym table is written at the top of this file by the build). Without JavaScript
   every table stays visible; rows are hidden, never removed, and print as shown. */
(function () {
  "use strict";
  var groups = window.JXS_SYNONYMS || [];

  function norm(text) { return String(text || "").replace(/\s+/g, "").toLowerCase(); }

  /* A query is words separated by blanks; each word (or one of its synonyms) must occur. */
  function terms(query) {
    return String(query || "").split(/\s+/).filter(Boolean).map(function (word) {
      var w = norm(word), alts = [w];
      groups.forEach(function (group) {
        var normed = group.map(norm);
        if (normed.some(function (g) { return g === w || (w.length > 1 && g.indexOf(w) === 0 && g.length <= w.length + 2); })) {
          normed.forEach(function (g) { if (alts.indexOf(g) === -1) { alts.push(g); } });
        }
      });
      return alts;
    });
  }

  function matches(text, query) {
    return query.every(function (alts) { return alts.some(function (a) { return text.indexOf(a) !== -1; }); });
  }

  function readQuery() {
    try { return new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { return ""; }
  }

  function keepQuery(q) {
    try {
      var url = new URL(window.location.href);
      if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    } catch (e) { /* file:// pages may refuse; the search still works */ }
  }

  /* Run fn on input, but not while an input method is composing (pinyin, wubi). */
  function onText(input, fn) {
    var composing = false;
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; fn(); });
    input.addEventListener("input", function (e) { if (!composing && !e.isComposing) { fn(); } });
  }

  function catalogFilters(form) {
    form.hidden = false;
    var root = document.documentElement;
    function measure() { root.style.setProperty("--fh", (window.innerWidth > 640 ? form.offsetHeight : 0) + "px"); }
    measure();
    window.addEventListener("resize", measure);
    var sections = Array.prototype.slice.call(document.querySelectorAll("table.catalog tbody[data-domain]"));
    var rows = [], total = 0;
    sections.forEach(function (section) {
      var domain = section.getAttribute("data-domain") || "", group = null,
        village = section.parentNode.classList.contains("v");
      Array.prototype.forEach.call(section.rows, function (tr) {
        if (tr.classList.contains("d")) { return; }
        if (tr.classList.contains("g")) { group = { tr: tr, category: tr.textContent, shown: 0 }; return; }
        /* Cells by position: 对象 and 方式 come after the channels, then 层级 except on village lists
           (which leave out 公开依据 and 公开主体 too). */
        var first = village ? 5 : 7;
        function cell(i) { var c = tr.cells[i]; return c ? c.textContent : ""; }
        rows.push({ tr: tr, section: section, group: group, domain: domain,
          text: norm(domain + " " + (group ? group.category : "") + " " + tr.textContent),
          audience: cell(first), method: cell(first + 1), levels: village ? "村级" : cell(first + 2) });
        total += 1;
      });
    });
    var count = form.querySelector("[data-count]");
    var empty = document.querySelector("[data-empty]");
    var q = form.elements.q;
    function value(name) { var f = form.elements[name]; return f ? f.value : ""; }

    function apply() {
      var query = terms(q.value), domain = value("domain"), level = value("level"), method = value("method"),
        audience = value("audience"), shown = 0, perSection = new Map(), perGroup = new Map();
      rows.forEach(function (r) {
        var ok = matches(r.text, query) && (!domain || r.domain === domain) &&
          (!level || r.levels.indexOf(level) !== -1) && (!method || r.method.indexOf(method) !== -1) &&
          (!audience || r.audience.indexOf(audience) !== -1);
        r.tr.hidden = !ok;
        if (ok) {
          shown += 1;
          perSection.set(r.section, (perSection.get(r.section) || 0) + 1);
          if (r.group) { perGroup.set(r.group, 1); }
        }
        if (r.group) { r.group.tr.hidden = !perGroup.get(r.group); }
      });
      sections.forEach(function (section) {
        var n = perSection.get(section) || 0, caption = section.querySelector("[data-total]");
        section.hidden = n === 0;
        if (caption) {
          var all = caption.getAttribute("data-total");
          caption.textContent = String(n) === all ? "（" + all + " 项）" : "（" + n + " 项，共 " + all + " 项）";
        }
      });
      count.textContent = "共 " + shown + " 项" + (shown === total ? "" : "（全部 " + total + " 项）");
      if (empty) { empty.hidden = shown !== 0; }
      keepQuery(q.value.trim());
    }

    q.value = readQuery();
    onText(q, apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  function countySearch(form, index) {
    form.hidden = false;
    var input = form.elements.q, list = form.querySelector("[data-results]"),
      count = form.querySelector("[data-results-count]"), LIMIT = 50;
    var items = index.i.map(function (it) { return { it: it, text: norm(it.slice(0, 5).join(" ")) }; });

    function link(page) {
      var a = document.createElement("a");
      a.href = page[1];
      a.textContent = page[0];
      return a;
    }

    function where(refs) {
      var towns = [], villages = [], county = false;
      refs.forEach(function (ref) {
        if (ref === 0) { county = true; return; }
        if (ref < 0) {
          index.g[-ref - 1][1].forEach(function (p) { villages.push(index.p[p]); });
          return;
        }
        var page = index.p[ref];
        (page[1].indexOf("townships/") === 0 ? towns : villages).push(page);
      });
      var box = document.createElement("div");
      box.className = "r-where";
      function part(label, pages) {
        if (!pages.length) { return; }
        var p = document.createElement("p");
        p.appendChild(document.createTextNode(label));
        pages.forEach(function (page, i) {
          if (i) { p.appendChild(document.createTextNode("、")); }
          p.appendChild(link(page));
        });
        return p;
      }
      if (county) { box.appendChild(part("县级：", [index.p[0]])); }
      var t = part("乡镇（" + towns.length + " 个）：", towns);
      if (t) { box.appendChild(t); }
      if (villages.length) {
        var details = document.createElement("details"), summary = document.createElement("summary");
        summary.textContent = "村（社区）：" + villages.length + " 个";
        details.appendChild(summary);
        details.appendChild(part("", villages));
        box.appendChild(details);
      }
      return box;
    }

    function apply() {
      var raw = input.value.trim(), query = terms(raw);
      list.textContent = "";
      keepQuery(raw);
      if (!query.length) { count.textContent = ""; return; }
      var found = items.filter(function (x) { return matches(x.text, query); });
      count.textContent = "找到 " + found.length + " 个事项" + (found.length > LIMIT ? "，显示前 " + LIMIT + " 个" : "");
      found.slice(0, LIMIT).forEach(function (x) {
        var it = x.it, li = document.createElement("li"), name = document.createElement("a"),
          meta = document.createElement("span");
        name.className = "r-name";
        name.href = it[5];
        name.textContent = it[2];
        meta.className = "r-meta";
        meta.textContent = "　" + it[0] + " · " + it[1];
        li.appendChild(name);
        li.appendChild(meta);
        li.appendChild(where(it[6]));
        list.appendChild(li);
      });
    }

    input.value = readQuery();
    onText(input, apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  var filters = document.querySelector("[data-filters]");
  if (filters) { catalogFilters(filters); }
  var county = document.querySelector("[data-county-search]"), data = document.getElementById("jxs-index");
  if (county && data) { countySearch(county, JSON.parse(data.content.textContent)); }
}());
