/* Filters and keyword search for the catalog tables. Without JavaScript every table
   stays visible; with it, rows are hidden, never removed, so printing still works. */
(function () {
  "use strict";
  var form = document.querySelector("[data-filters]");
  if (!form) { return; }
  form.hidden = false;
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.catalog tbody tr"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.domain"));
  var count = form.querySelector("[data-count]");
  var empty = document.querySelector("[data-empty]");
  var texts = rows.map(function (row) { return row.textContent.replace(/\s+/g, "").toLowerCase(); });

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }

  function apply() {
    var q = value("q").replace(/\s+/g, "").toLowerCase();
    var domain = value("domain"), level = value("level"), method = value("method"), audience = value("audience");
    var shown = 0;
    rows.forEach(function (row, i) {
      var section = row.closest("section.domain");
      var ok = (!q || texts[i].indexOf(q) !== -1) &&
        (!domain || (section && section.getAttribute("data-domain") === domain)) &&
        (!level || row.getAttribute("data-levels").split(" ").indexOf(level) !== -1) &&
        (!method || row.getAttribute("data-method").split(" ").indexOf(method) !== -1) &&
        (!audience || row.getAttribute("data-audience").split(" ").indexOf(audience) !== -1);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("tbody tr:not([hidden])");
    });
    count.textContent = "共 " + shown + " 项" + (shown === rows.length ? "" : "（全部 " + rows.length + " 项）");
    if (empty) { empty.hidden = shown !== 0; }
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
}());
