import ShowcaseFoundation

/// A legal basis a purchase may rest on, from the Code de la commande publique.
package struct LegalMechanism: Sendable, Hashable {
    package let id: String
    /// `L. 2113-13-1`
    package let article: String
    package let title: String
    /// One sentence a juror who is not a lawyer understands.
    package let explanation: String
    /// The article on Légifrance; the code's table of contents where the article's identifier is not verified.
    package let link: String
    /// Partner kinds that may hold a contract reserved under this article; `nil` when anyone may.
    package let eligiblePartnerKinds: [String]?
    /// The DECP v2 `considerationsSociales` value this mechanism amounts to.
    package let decpSocialConsideration: String

    /// True for the reservations of L. 2113-12 to L. 2113-15.
    package var isReservation: Bool { eligiblePartnerKinds != nil }
}

/// The registry of legal mechanisms (see ../shared/domain.md).
package enum LegalMechanisms {
    private static let codeTableOfContents = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000037701019/"
    private static let siae = ["EI", "AI", "ACI", "ETTI", "EITI", "SIAE"]
    private static let disability = ["EA", "EATT", "ESAT"]

    package static let all: [LegalMechanism] = [
        LegalMechanism(
            id: "reserve-handicap", article: "L. 2113-12", title: "Marché réservé aux structures du handicap",
            explanation: "Le marché ou le lot est réservé aux entreprises adaptées et aux ESAT, qui emploient au moins 50 % de travailleurs handicapés.",
            link: codeTableOfContents, eligiblePartnerKinds: disability, decpSocialConsideration: "Marché réservé"),
        LegalMechanism(
            id: "reserve-insertion", article: "L. 2113-13", title: "Marché réservé aux structures d'insertion",
            explanation: "Le marché ou le lot est réservé aux structures d'insertion par l'activité économique (EI, ETTI, AI, ACI), qui emploient au moins 50 % de personnes éloignées de l'emploi.",
            link: codeTableOfContents, eligiblePartnerKinds: siae, decpSocialConsideration: "Marché réservé"),
        LegalMechanism(
            id: "reserve-penitentiaire", article: "L. 2113-13-1", title: "Marché réservé à la production en détention",
            explanation: "Le marché est réservé à un opérateur implanté en établissement pénitentiaire : les biens ou services sont produits en détention par des personnes détenues.",
            link: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000046449697",
            eligiblePartnerKinds: ["SEP"], decpSocialConsideration: "Marché réservé"),
        LegalMechanism(
            id: "reserve-mixte", article: "L. 2113-14", title: "Marché réservé aux structures du handicap et de l'insertion",
            explanation: "Un même marché est réservé ensemble aux entreprises adaptées, aux ESAT et aux structures d'insertion par l'activité économique.",
            link: codeTableOfContents, eligiblePartnerKinds: disability + siae, decpSocialConsideration: "Marché réservé"),
        LegalMechanism(
            id: "reserve-ess", article: "L. 2113-15", title: "Marché réservé aux entreprises de l'ESS",
            explanation: "Certains services sociaux et spécifiques sont réservés aux entreprises de l'économie sociale et solidaire.",
            link: codeTableOfContents, eligiblePartnerKinds: ["ESS"] + siae + disability,
            decpSocialConsideration: "Marché réservé"),
        LegalMechanism(
            id: "clause-sociale", article: "L. 2112-2", title: "Clause sociale d'exécution",
            explanation: "Le titulaire, quel qu'il soit, s'engage à réserver une part des heures de travail du marché à des personnes éloignées de l'emploi.",
            link: codeTableOfContents, eligiblePartnerKinds: nil, decpSocialConsideration: "Clause sociale"),
        LegalMechanism(
            id: "critere-social", article: "L. 2152-7", title: "Critère social d'attribution",
            explanation: "Les offres sont notées aussi sur leur dimension sociale, par exemple l'insertion proposée par chaque candidat.",
            link: codeTableOfContents, eligiblePartnerKinds: nil, decpSocialConsideration: "Critère social"),
        LegalMechanism(
            id: "marche-insertion", article: "R. 2123-1, 3°", title: "Marché d'insertion et de qualification professionnelle",
            explanation: "L'objet même du marché est l'insertion et la qualification de personnes éloignées de l'emploi ; l'activité (espaces verts, nettoyage, tri) n'en est que le support. C'est un service social et spécifique, passé en procédure adaptée.",
            link: codeTableOfContents, eligiblePartnerKinds: nil, decpSocialConsideration: "Clause sociale"),
    ]

    package static func mechanism(_ id: String) -> LegalMechanism? { all.first { $0.id == id } }

    package static let vocabulary = Vocabulary(
        name: "un mécanisme juridique", terms: all.map { Term($0.id, "\($0.title) (art. \($0.article))") })

    /// Reservations that may not be combined in one purchase: production in prison stands apart (L. 2113-13-1).
    package static func areIncompatible(_ a: String, _ b: String) -> Bool {
        let prison = "reserve-penitentiaire"
        let others: Set = ["reserve-handicap", "reserve-insertion", "reserve-mixte"]
        return (a == prison && others.contains(b)) || (b == prison && others.contains(a))
    }
}
