/// Every name a template may use for a value of the page models (`{{titre}}`, `{{#chiffres}}`), resolved once
/// when the template is read: a model answers `value(for:)` by switching on the key, where a switch on the
/// name compared strings one case after another at every lookup of every page. A name outside this list is
/// never a value (the tag renders nothing). The models that answer are in `ShowcasePages` (the template
/// vocabulary, `RenderContext+Template.swift`); keep the three in step with the README's « Contexte des gabarits ».
package enum TemplateKey: String, Sendable {
    case absents, adresses, alt, ancre, article, barres, base_url, calcul, categorie, cellules, chemin
    case chemin_criteres, chemin_edition, chiffres, citation, cle, cles, colonnes, comparaison, connu
    case considerations_environnementales, considerations_sociales, contrat, corps_html, courante, couverture, cpv
    case credit, critere, criteres, date, dates, decp, definition, departement, departement_code, description
    case dossiers, ecart, editeur, edition, elements, ensemble, est_accueil, est_brouillon, est_comparer, est_fiche
    case est_recherche, est_themes, execution, explication, fiche, fiches, filtres, generateur, graphiques, hauteur
    case id, images, indicateurs, indicateurs_non_calcules, iso, json_ld, jury, largeur, laureat, legende, libelle
    case lien, lieu, lignes, lot, lots, manquante, mecanisme, mecanismes, mise_a_jour, montant, nature, nom, nombre
    case nombre_fiches, nombre_laureats, nomme, note, numero, objet, options, organisateur, page, pages, pagination
    case partage, partenaires, phrase, porteur, precedente, precision, prefixe, preuves, prix, procedure, programme
    case programme_url, programmes, question, racine, raison, renseignes, resume, role, siret, site, slug, source
    case source_criteres, sources, statut, statut_libelle, suivante, sur, taxonomie, technique, terme, termes
    case territoire, texte, themes, titre, titre_court, titulaire, total, totaux, type, type_libelle, unite, url
    case url_absolue, url_canonique, valeur, valeur_brute, variantes_jpeg, variantes_webp, x_valeur, y, y_texte
    case y_valeur
}
