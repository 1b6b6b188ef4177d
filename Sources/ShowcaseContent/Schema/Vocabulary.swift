import ShowcaseFoundation

/// One value of a closed list: the identifier written in front matter and the label shown to readers.
package struct Term: Sendable, Hashable {
    package let id: String
    package let label: String

    package init(_ id: String, _ label: String) {
        self.id = id
        self.label = label
    }
}

/// A closed list of values a field may take (kinds of buyer, of partner, statuses…).
package struct Vocabulary: Sendable {
    /// How a diagnostic names one of its values: « un type de partenaire connu ».
    package let name: String
    package let terms: [Term]
    /// A fix more precise than "did you mean", for values people commonly get wrong (`20` for Corsica).
    let unknownHelp: @Sendable (String) -> String?

    package init(name: String, unknownHelp: @escaping @Sendable (String) -> String? = { _ in nil }, terms: [Term]) {
        self.name = name
        self.terms = terms
        self.unknownHelp = unknownHelp
    }

    /// The term whose identifier is `text`, ignoring case (`aci` is `ACI`).
    package func term(matching text: String) -> Term? {
        terms.first { $0.id == text } ?? terms.first { $0.id.lowercased() == text.lowercased() }
    }

    package func label(of id: String) -> String? { terms.first { $0.id == id }?.label }
}

/// The closed lists of the case-study schema. Kept as data so that the README reference and the checker agree.
package enum Vocabularies {
    package static let buyerKinds = Vocabulary(name: "un type d'acheteur connu", terms: [
        Term("departement", "Département"),
        Term("region", "Région"),
        Term("commune", "Commune"),
        Term("intercommunalite", "Intercommunalité"),
        Term("etat", "Service de l'État"),
        Term("etablissement-public", "Établissement public"),
        Term("autre", "Autre acheteur public"),
    ])

    /// Inclusive structures as the Marché de l'inclusion names them, plus the other partners a fiche may cite.
    package static let partnerKinds = Vocabulary(name: "un type de partenaire connu", terms: [
        Term("EI", "Entreprise d'insertion (EI)"),
        Term("AI", "Association intermédiaire (AI)"),
        Term("ACI", "Atelier et chantier d'insertion (ACI)"),
        Term("ETTI", "Entreprise de travail temporaire d'insertion (ETTI)"),
        Term("EITI", "Entreprise d'insertion par le travail indépendant (EITI)"),
        Term("SIAE", "Structure d'insertion par l'activité économique (SIAE)"),
        Term("GEIQ", "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)"),
        Term("EA", "Entreprise adaptée (EA)"),
        Term("EATT", "Entreprise adaptée de travail temporaire (EATT)"),
        Term("ESAT", "Établissement ou service d'aide par le travail (ESAT)"),
        Term("SEP", "Opérateur implanté en établissement pénitentiaire"),
        Term("ESS", "Structure de l'économie sociale et solidaire"),
        Term("entreprise", "Entreprise"),
        Term("public", "Acteur public"),
        Term("autre", "Autre structure (précisée par `libelle_type`)"),
    ])

    package static let partnerRoles = Vocabulary(name: "un rôle de partenaire connu", terms: [
        Term("titulaire", "Titulaire du marché"),
        Term("sous-traitant", "Sous-traitant"),
        Term("partenaire", "Partenaire"),
    ])

    package static let contractNatures = Vocabulary(name: "une nature de marché connue", terms: [
        Term("travaux", "Travaux"),
        Term("fournitures", "Fournitures"),
        Term("services", "Services"),
    ])

    /// DECP v2 `procedure`: how the contract was awarded.
    package static let procedures = Vocabulary(name: "une procédure de passation connue", terms: [
        Term("procedure-adaptee", "Procédure adaptée"),
        Term("appel-offres-ouvert", "Appel d'offres ouvert"),
        Term("appel-offres-restreint", "Appel d'offres restreint"),
        Term("procedure-avec-negociation", "Procédure avec négociation"),
        Term("dialogue-competitif", "Dialogue compétitif"),
        Term("sans-publicite", "Marché passé sans publicité ni mise en concurrence préalable"),
    ])

    /// DECP v2 `techniques`.
    package static let techniques = Vocabulary(name: "une technique d'achat connue", terms: [
        Term("accord-cadre", "Accord-cadre"),
        Term("concours", "Concours"),
        Term("systeme-acquisition-dynamique", "Système d'acquisition dynamique"),
        Term("catalogue-electronique", "Catalogue électronique"),
        Term("enchere-electronique", "Enchère électronique"),
    ])

    /// DECP v2 `modalitesExecution`.
    package static let executionModes = Vocabulary(name: "un mode d'exécution connu", terms: [
        Term("bons-de-commande", "Bons de commande"),
        Term("marches-subsequents", "Marchés subséquents"),
        Term("tranches", "Tranches"),
    ])

    /// DECP v2 `considerationsEnvironnementales` (the "none" value is never assumed: absence means unknown).
    package static let environmentalConsiderations = Vocabulary(
        name: "une considération environnementale connue",
        terms: EnvironmentalConsiderations.all.map { Term($0.id, "\($0.title) (\($0.article))") })

    package static let awardStatuses = Vocabulary(name: "un statut de candidature connu", terms: [
        Term("candidat", "Dossier présenté"),
        Term("finaliste", "Finaliste"),
        Term("laureat", "Lauréat"),
    ])

    /// Key dates, in the order a purchase lives them; the timeline follows this order for equal dates.
    package static let dateKinds = Vocabulary(name: "un type de date connu", terms: [
        Term("debut_projet", "Début de la démarche"),
        Term("lancement_consultation", "Lancement de la consultation"),
        Term("attribution", "Attribution du marché"),
        Term("ouverture", "Ouverture"),
        Term("premiere_livraison", "Première livraison"),
        Term("mise_en_service", "Mise en service"),
    ])

    /// Dates that must come in this order when several are given.
    package static let orderedDateKinds = ["debut_projet", "lancement_consultation", "attribution", "premiere_livraison"]
}
