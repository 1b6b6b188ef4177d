// Private scoring for a juror, on the criteria matrix: a mark and a comment per cell, kept in this browser's
// local storage only. Nothing is sent anywhere; "Exporter mes notes" saves them as a CSV file. Without
// JavaScript the matrix reads the same, without the inputs.
(function () {
  "use strict";
  var table = document.getElementById("matrice");
  if (!table) { return; }
  var storage;
  try { storage = window.localStorage; storage.getItem("x"); } catch (error) { return; }
  var key = "showcase-notation:" + location.pathname;
  var saved = {};
  try { saved = JSON.parse(storage.getItem(key) || "{}") || {}; } catch (error) { saved = {}; }
  function save() {
    try { storage.setItem(key, JSON.stringify(saved)); } catch (error) { /* full or refused: kept for this visit */ }
  }

  var criteria = {};
  table.querySelectorAll("thead th[data-critere]").forEach(function (header) {
    var title = header.querySelector(".critere-titre");
    criteria[header.getAttribute("data-critere")] = title ? title.textContent : header.getAttribute("data-critere");
  });
  function entryTitle(row) {
    var link = row.querySelector("th a");
    return link ? link.textContent : row.getAttribute("data-fiche");
  }

  table.querySelectorAll("tbody td[data-critere]").forEach(function (cell, index) {
    var row = cell.parentElement;
    var entry = row.getAttribute("data-fiche");
    var criterion = cell.getAttribute("data-critere");
    var id = entry + "|" + criterion;
    var value = saved[id] || { note: "", commentaire: "" };
    var where = entryTitle(row) + ", " + (criteria[criterion] || criterion);

    var box = document.createElement("div");
    box.className = "notation";
    var mark = document.createElement("input");
    mark.type = "number";
    mark.min = "0";
    mark.max = "5";
    mark.step = "1";
    mark.id = "note-" + index;
    mark.value = value.note;
    mark.setAttribute("aria-label", "Note sur 5 : " + where);
    var markLabel = document.createElement("label");
    markLabel.htmlFor = mark.id;
    markLabel.textContent = "Note /5";
    markLabel.setAttribute("aria-hidden", "true");
    var comment = document.createElement("textarea");
    comment.id = "commentaire-" + index;
    comment.rows = 2;
    comment.value = value.commentaire;
    comment.setAttribute("aria-label", "Commentaire : " + where);
    comment.placeholder = "Commentaire";
    function update() {
      saved[id] = { note: mark.value, commentaire: comment.value };
      if (!mark.value && !comment.value) { delete saved[id]; }
      save();
    }
    mark.addEventListener("input", update);
    comment.addEventListener("input", update);
    box.appendChild(markLabel);
    box.appendChild(mark);
    box.appendChild(comment);
    cell.appendChild(box);
  });

  function field(text) {
    var value = String(text);
    if (/^[=+\-@\t\r]/.test(value)) { value = "'" + value; }  // never a formula in a spreadsheet
    return /[";\n\r]/.test(value) ? "\"" + value.replace(/"/g, "\"\"") + "\"" : value;
  }
  function csv() {
    var lines = ["fiche;critere;note;commentaire"];
    table.querySelectorAll("tbody tr[data-fiche]").forEach(function (row) {
      row.querySelectorAll("td[data-critere]").forEach(function (cell) {
        var value = saved[row.getAttribute("data-fiche") + "|" + cell.getAttribute("data-critere")];
        if (!value) { return; }
        lines.push([entryTitle(row), criteria[cell.getAttribute("data-critere")] || "", value.note, value.commentaire]
          .map(field).join(";"));
      });
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  var actions = document.createElement("p");
  actions.className = "notation-actions";
  var exportButton = document.createElement("button");
  exportButton.type = "button";
  exportButton.textContent = "Exporter mes notes (CSV)";
  exportButton.addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    link.download = "notes-criteres.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  var clearButton = document.createElement("button");
  clearButton.type = "button";
  clearButton.textContent = "Effacer mes notes";
  clearButton.addEventListener("click", function () {
    if (!window.confirm("Effacer toutes vos notes de cette grille ?")) { return; }
    saved = {};
    save();
    table.querySelectorAll(".notation input, .notation textarea").forEach(function (input) { input.value = ""; });
  });
  actions.appendChild(exportButton);
  actions.appendChild(document.createTextNode(" "));
  actions.appendChild(clearButton);
  var help = document.getElementById("notation-aide");
  if (help) {
    help.hidden = false;
    help.insertAdjacentElement("afterend", actions);
  }
  window.showcaseNotation = { csv: csv };
})();
