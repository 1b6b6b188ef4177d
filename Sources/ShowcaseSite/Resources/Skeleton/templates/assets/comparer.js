// Filtres et tri du tableau de comparaison. Sans ce script, le tableau reste complet, lisible et imprimable ;
// les filtres sans JavaScript sont les pages « Thèmes ».
(function () {
  "use strict";
  var table = document.getElementById("comparaison");
  var form = document.getElementById("filtres");
  if (!table || !form) { return; }
  form.hidden = false;

  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filtre]"));
  var count = document.getElementById("compte");

  function applyFilters() {
    var wanted = selects.map(function (select) { return select.value; }).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var keys = (row.getAttribute("data-cles") || "").split(" ");
      var visible = wanted.every(function (key) { return keys.indexOf(key) !== -1; });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + (shown > 1 ? " fiches affichées" : " fiche affichée") + " sur " + rows.length + ".";
  }

  // A cell's sort key: its number (unknown figures have none), or its text.
  function sortKey(cell, numeric) {
    if (!numeric) { return cell.textContent.trim(); }
    var raw = cell.getAttribute("data-valeur");
    return raw ? parseFloat(raw) : null;
  }

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortBy(index) {
    var header = headers[index];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = header.classList.contains("nombre");
    rows.slice().sort(function (a, b) {
      var x = sortKey(a.cells[index], numeric);
      var y = sortKey(b.cells[index], numeric);
      if (x === null || y === null) { return (x === null) - (y === null); }  // unknown figures always last
      var order = numeric ? x - y : x.localeCompare(y, "fr");
      return ascending ? order : -order;
    }).forEach(function (row) { tbody.appendChild(row); });
  }

  headers.forEach(function (header, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "trier";
    while (header.firstChild) { button.appendChild(header.firstChild); }
    var hint = document.createElement("span");
    hint.className = "hors-ecran";
    hint.textContent = " (trier)";
    button.appendChild(hint);
    header.appendChild(button);
    button.addEventListener("click", function () { sortBy(index); });
  });

  selects.forEach(function (select) { select.addEventListener("change", applyFilters); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  applyFilters();
}());
