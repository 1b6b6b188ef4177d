// Recherche dans l'index écrit à la construction (recherche.json), sans service extérieur : chaque mot cherché
// doit se trouver dans la fiche, sans tenir compte des majuscules ni des accents.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("recherche");
  var input = document.getElementById("q");
  var list = document.getElementById("resultats");
  var state = document.getElementById("etat-recherche");
  if (!script || !form || !input || !list || !state) { return; }
  var root = script.getAttribute("data-racine");
  var records = null;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function load() {
    if (records) { return Promise.resolve(records); }
    return fetch(script.getAttribute("data-index"))
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (entries) {
        records = entries.map(function (entry) {
          var fields = [entry.titre, entry.resume, entry.porteur, entry.lieu, entry.departement, entry.prix, entry.texte]
            .concat(entry.mecanismes, entry.partenaires);
          return { entry: entry, text: fold(fields.join(" ")) };
        });
        return records;
      });
  }

  function show(query, found) {
    list.textContent = "";
    found.forEach(function (record) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + record.entry.chemin;
      link.textContent = record.entry.titre;
      var who = document.createElement("p");
      who.className = "discret";
      who.textContent = record.entry.porteur + (record.entry.departement ? " · " + record.entry.departement : "");
      var summary = document.createElement("p");
      summary.textContent = record.entry.resume;
      item.appendChild(link);
      item.appendChild(who);
      item.appendChild(summary);
      list.appendChild(item);
    });
    var count = found.length;
    state.textContent = (count === 0 ? "Aucune fiche" : count + (count > 1 ? " fiches trouvées" : " fiche trouvée"))
      + " pour « " + query + " ».";
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) { list.textContent = ""; state.textContent = "Écrivez un ou plusieurs mots."; return; }
    load().then(function (all) {
      show(query, all.filter(function (record) {
        return words.every(function (word) { return record.text.indexOf(word) !== -1; });
      }));
    }).catch(function () {
      state.textContent = "L'index de recherche n'a pas pu être chargé : ouvrez la vitrine depuis son adresse web.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    }
    search(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
}());
