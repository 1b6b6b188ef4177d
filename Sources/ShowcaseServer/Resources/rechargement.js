// Aperçu showcase : recharge la page dès que le site a été reconstruit (ou que ses erreurs ont changé).
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var source = new EventSource("/__showcase/evenements");
  source.addEventListener("reconstruit", function () { window.location.reload(); });
}());
