import Testing

/// Invalid case studies, each with the whole diagnostic output a writer must see. Shared by `SchemaTests`.
struct SchemaCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let expected: String
    var testDescription: String { name }
}

enum SchemaCases {
    static let all: [SchemaCase] = [
        SchemaCase(
            name: "un nombre remplacé par un mot",
            text: Sample.replacing("valeur: 9000", with: "valeur: neuf mille"),
            expected: """
                erreur[type-invalide]: « heures_insertion » doit être un nombre, et « neuf mille » n'en est pas un
                  --> content/essai.md:12:13
                   |
                12 |     valeur: neuf mille
                   |             ^^^^^^^^^^
                   = aide: écrivez un nombre en chiffres, par exemple `valeur: 9000` ; si le chiffre est inconnu, supprimez la ligne

                """),
        SchemaCase(
            name: "un nombre écrit avec une espace",
            text: Sample.replacing("valeur: 9000", with: "valeur: 9 000"),
            expected: """
                erreur[type-invalide]: « heures_insertion » doit être un nombre, et « 9 000 » n'en est pas un
                  --> content/essai.md:12:13
                   |
                12 |     valeur: 9 000
                   |             ^^^^^
                   = aide: écrivez le nombre sans espace : `valeur: 9000`

                """),
        SchemaCase(
            name: "un nombre entre guillemets",
            text: Sample.replacing("valeur: 9000", with: "valeur: \"9000\""),
            expected: """
                erreur[type-invalide]: « heures_insertion » doit être un nombre, et « 9000 » n'en est pas un
                  --> content/essai.md:12:13
                   |
                12 |     valeur: "9000"
                   |             ^^^^^^
                   = aide: retirez les guillemets : `valeur: 9000`

                """),
        SchemaCase(
            name: "un nombre démesuré (trouvé par le fuzzer)",
            text: Sample.replacing("valeur: 24", with: "valeur: 2222222222222222222222"),
            expected: """
                erreur[valeur-hors-bornes]: « personnes_embauchees » vaut 2222222222222222222222, bien au-delà de tout chiffre plausible
                  --> content/essai.md:15:13
                   |
                15 |     valeur: 2222222222222222222222
                   |             ^^^^^^^^^^^^^^^^^^^^^^
                   = aide: vérifiez le nombre de chiffres : showcase n'accepte pas de valeur d'un million de milliards ou plus

                """),
        SchemaCase(
            name: "un effectif négatif",
            text: Sample.replacing("valeur: 24", with: "valeur: -24"),
            expected: """
                erreur[valeur-hors-bornes]: « personnes_embauchees » ne peut pas être négatif (-24)
                  --> content/essai.md:15:13
                   |
                15 |     valeur: -24
                   |             ^^^
                   = aide: la valeur doit être supérieure ou égale à 1 ; si le chiffre est inconnu, supprimez la ligne

                """),
        SchemaCase(
            name: "un nombre décimal de personnes",
            text: Sample.replacing("valeur: 24", with: "valeur: 24.5"),
            expected: """
                erreur[type-invalide]: « personnes_embauchees » doit être un nombre entier, pas 24.5
                  --> content/essai.md:15:13
                   |
                15 |     valeur: 24.5
                   |             ^^^^
                   = aide: arrondissez à l'unité : un nombre d'heures, de personnes ou d'unités est entier

                """),
        SchemaCase(
            name: "une clé inconnue proche d'une clé connue",
            text: Sample.replacing("  heures_insertion:", with: "  heures_insertio:"),
            expected: """
                erreur[champ-inconnu]: champ inconnu « heures_insertio » dans « chiffres »
                  --> content/essai.md:11:3
                   |
                11 |   heures_insertio:
                   |   ^^^^^^^^^^^^^^^
                   = aide: vouliez-vous dire « heures_insertion » ?

                """),
        SchemaCase(
            name: "une clé écrite avec un accent",
            text: Sample.replacing("resume:", with: "résumé:"),
            expected: """
                erreur[champ-inconnu]: champ inconnu « résumé »
                 --> content/essai.md:3:1
                  |
                3 | résumé: Un collège construit avec une clause sociale.
                  | ^^^^^^
                  = aide: vouliez-vous dire « resume » ?

                """),
        SchemaCase(
            name: "un champ obligatoire absent",
            text: Sample.replacing("titre: \"Un chantier d'insertion\"\n", with: ""),
            expected: """
                erreur[champ-manquant]: champ obligatoire « titre » absent
                 --> content/essai.md:1:1
                  |
                1 | ---
                  | ^^^
                  = aide: ajoutez une ligne `titre: "Des casiers fabriqués en détention"`

                """),
        SchemaCase(
            name: "un en-tête jamais fermé",
            text: "---\ntitre: Essai\nresume: Sans fin\n\nDu texte.\n",
            expected: """
                erreur[entete-non-ferme]: l'en-tête ouvert ligne 1 n'est jamais fermé
                 --> content/essai.md:1:1
                  |
                1 | ---
                  | ^^^
                  = aide: ajoutez une ligne `---` après le dernier champ de l'en-tête, avant le texte

                """),
        SchemaCase(
            name: "un fichier sans en-tête",
            text: "# Titre\n\nDu texte.\n",
            expected: """
                erreur[entete-absent]: le fichier ne commence pas par un en-tête `---`
                 --> content/essai.md:1:1
                  |
                1 | # Titre
                  | ^^^^^^^
                  = aide: commencez le fichier par une ligne `---`, puis les champs (`titre: …`), puis une ligne `---`

                """),
        SchemaCase(
            name: "des deux-points oubliés",
            text: Sample.replacing("resume: Un collège", with: "resume Un collège"),
            expected: """
                erreur[yaml-syntaxe]: il manque les deux-points après « resume »
                 --> content/essai.md:3:7
                  |
                3 | resume Un collège construit avec une clause sociale.
                  |       ^
                  = aide: ajoutez les deux-points : `resume: Un collège construit avec une clause sociale.`

                """),
        SchemaCase(
            name: "deux erreurs dans un même fichier",
            text: Sample.replacing("valeur: 9000", with: "valeur: beaucoup")
                .replacingOccurrences(of: "departement: 40", with: "departement: 20"),
            expected: """
                erreur[valeur-inconnue]: « 20 » n'est pas un code de département connu
                 --> content/essai.md:7:16
                  |
                7 |   departement: 20
                  |                ^^
                  = aide: la Corse a deux codes : `2A` (Corse-du-Sud) ou `2B` (Haute-Corse)

                erreur[type-invalide]: « heures_insertion » doit être un nombre, et « beaucoup » n'en est pas un
                  --> content/essai.md:12:13
                   |
                12 |     valeur: beaucoup
                   |             ^^^^^^^^
                   = aide: écrivez un nombre en chiffres, par exemple `valeur: 9000` ; si le chiffre est inconnu, supprimez la ligne

                """),
        SchemaCase(
            name: "plus de bénéficiaires du RSA que de personnes mises en emploi",
            text: Sample.replacing("valeur: 16", with: "valeur: 30"),
            expected: """
                erreur[chiffre-superieur-a]: « beneficiaires_rsa » (30 personnes) dépasse « personnes_embauchees » (24 personnes)
                  --> content/essai.md:18:13
                   |
                18 |     valeur: 30
                   |             ^^
                   = aide: « Bénéficiaires du RSA mis en emploi » sont comptés parmi « Personnes mises en emploi » et ne peuvent pas être plus nombreux : vérifiez les deux chiffres dans la source

                """),
        SchemaCase(
            name: "un marché réservé sans partenaire éligible",
            text: Sample.replacing("  - clause-sociale", with: "  - reserve-insertion\npartenaires:\n  - nom: Atelier\n    type: ESAT"),
            expected: """
                erreur[titulaire-non-eligible]: marché réservé (art. L. 2113-13) mais aucun partenaire n'est d'un type que l'article permet
                 --> content/essai.md:9:5
                  |
                9 |   - reserve-insertion
                  |     ^^^^^^^^^^^^^^^^^
                  = aide: l'article L. 2113-13 réserve le marché aux types `EI`, `AI`, `ACI`, `ETTI`, `EITI`, `SIAE` : corrigez le `type` du titulaire dans `partenaires`, ou le mécanisme

                """),
        SchemaCase(
            name: "deux réservations incompatibles",
            text: Sample.replacing("  - clause-sociale", with: "  - reserve-penitentiaire\n  - reserve-handicap\npartenaires:\n  - nom: Atelier\n    type: SEP\n  - nom: ESAT du Marsan\n    type: ESAT"),
            expected: """
                erreur[reservations-incompatibles]: « reserve-handicap » (art. L. 2113-12) ne se combine pas avec « reserve-penitentiaire » (art. L. 2113-13-1)
                  --> content/essai.md:10:5
                   |
                10 |   - reserve-handicap
                   |     ^^^^^^^^^^^^^^^^
                   = aide: une réservation à la production en détention (L. 2113-13-1) ne se cumule pas avec les réservations des articles L. 2113-12 à L. 2113-14 : gardez-en une, ou décrivez deux lots dans deux fiches

                """),
        SchemaCase(
            name: "une source inconnue",
            text: Sample.replacing("valeur: 24\n    source: depliant", with: "valeur: 24\n    source: depliants"),
            expected: """
                erreur[source-inconnue]: la source « depliants » n'est pas déclarée dans `sources`
                  --> content/essai.md:16:13
                   |
                16 |     source: depliants
                   |             ^^^^^^^^^
                   = aide: vouliez-vous dire « depliant » ?

                """),
        SchemaCase(
            name: "une date au format français",
            text: Sample.replacing("chiffres:", with: "dates:\n  attribution: 17/03/2025\nchiffres:"),
            expected: """
                erreur[date-invalide]: « 17/03/2025 » n'est pas une date au format AAAA-MM-JJ
                  --> content/essai.md:11:16
                   |
                11 |   attribution: 17/03/2025
                   |                ^^^^^^^^^^
                   = aide: écrivez la date à l'envers, avec des tirets : `attribution: 2025-03-17`

                """),
        SchemaCase(
            name: "des dates dans le désordre",
            text: Sample.replacing("chiffres:", with: "dates:\n  lancement_consultation: 2025-06\n  attribution: 2025-03-10\nchiffres:"),
            expected: """
                erreur[dates-dans-le-desordre]: « attribution » (10 mars 2025) précède « lancement_consultation » (juin 2025)
                  --> content/essai.md:12:16
                   |
                12 |   attribution: 2025-03-10
                   |                ^^^^^^^^^^
                   = aide: l'ordre attendu est : debut_projet ≤ lancement_consultation ≤ attribution ≤ premiere_livraison ; vérifiez les deux dates dans la source

                """),
        SchemaCase(
            name: "un indicateur calculé écrit à la main",
            text: Sample.replacing("  beneficiaires_rsa:", with: "  etp_insertion:\n    valeur: 5\n    source: depliant\n  beneficiaires_rsa:"),
            expected: """
                erreur[chiffre-calcule]: « etp_insertion » est calculé par showcase, il ne s'écrit pas
                  --> content/essai.md:17:3
                   |
                17 |   etp_insertion:
                   |   ^^^^^^^^^^^^^
                   = aide: supprimez ce chiffre : il est calculé à partir de « heures_insertion », « base_etp »

                """),
        SchemaCase(
            name: "un chiffre sans source",
            text: Sample.replacing("valeur: 24\n    source: depliant\n", with: "valeur: 24\n"),
            expected: """
                erreur[champ-manquant]: champ obligatoire « source » absent
                  --> content/essai.md:15:5
                   |
                15 |     valeur: 24
                   |     ^^^^^^
                   = aide: ajoutez une ligne `source: depliant`

                """),
        SchemaCase(
            name: "un SIRET dont la clé est fausse",
            text: Sample.replacing("  departement: 40", with: "  departement: 40\n  siret: \"22400001800013\""),
            expected: """
                erreur[type-invalide]: « 22400001800013 » n'est pas un numéro SIRET valide
                 --> content/essai.md:8:10
                  |
                8 |   siret: "22400001800013"
                  |          ^^^^^^^^^^^^^^^^
                  = aide: un SIRET a 14 chiffres dont le dernier est une clé de contrôle ; recopiez-le depuis l'annuaire des entreprises

                """),
        SchemaCase(
            name: "des heures par personne peu plausibles",
            text: Sample.replacing("valeur: 24", with: "valeur: 4").replacingOccurrences(of: "valeur: 16", with: "valeur: 3"),
            expected: """
                avertissement[chiffre-peu-plausible]: « heures_par_personne » vaut 2 250 h par personne, au-delà de 1 800 h par personne : chiffre peu plausible
                  --> content/essai.md:12:13
                   |
                12 |     valeur: 9000
                   |             ^^^^
                   = aide: vérifiez « heures_insertion » et « personnes_embauchees » dans la source ; s'ils sont justes, dites dans `note` ce qu'ils couvrent (par exemple plusieurs années)

                """),
        SchemaCase(
            name: "un code CPV mal formé",
            text: Sample.replacing("chiffres:", with: "contrat:\n  nature: travaux\n  cpv: 4521420\nchiffres:"),
            expected: """
                erreur[type-invalide]: « 4521420 » n'est pas un code CPV
                  --> content/essai.md:12:8
                   |
                12 |   cpv: 4521420
                   |        ^^^^^^^
                   = aide: un code CPV a 8 chiffres, suivis ou non d'un tiret et d'un chiffre de contrôle : `45214200-2`

                """),
        SchemaCase(
            name: "une considération environnementale inconnue",
            text: Sample.replacing("chiffres:", with: "considerations_environnementales: [clause-verte]\nchiffres:"),
            expected: """
                erreur[valeur-inconnue]: « clause-verte » n'est pas une considération environnementale connue
                  --> content/essai.md:10:36
                   |
                10 | considerations_environnementales: [clause-verte]
                   |                                    ^^^^^^^^^^^^
                   = aide: valeurs permises : `clause-environnementale`, `critere-environnemental`, `achat-reemploi`

                """),
    ]
}
