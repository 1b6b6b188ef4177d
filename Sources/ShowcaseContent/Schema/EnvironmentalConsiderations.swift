import ShowcaseFoundation

/// An environmental consideration a purchase may carry, with the text it rests on.
package struct EnvironmentalConsideration: Sendable, Hashable {
    package let id: String
    package let title: String
    /// `L. 2112-2`, `loi AGEC, art. 58`
    package let article: String
    /// One sentence a juror who is not a lawyer understands.
    package let explanation: String
    /// The DECP v2 `considerationsEnvironnementales` value, when the open-data vocabulary has one.
    package let decpValue: String?
}

/// The registry of environmental considerations (see ../shared/domain.md): so that circular-economy purchases
/// land under a theme of their own.
package enum EnvironmentalConsiderations {
    package static let all: [EnvironmentalConsideration] = [
        EnvironmentalConsideration(
            id: "clause-environnementale", title: "Clause environnementale", article: "L. 2112-2",
            explanation: "Les conditions d'exécution du marché imposent au titulaire des exigences environnementales.",
            decpValue: "Clause environnementale"),
        EnvironmentalConsideration(
            id: "critere-environnemental", title: "Critère environnemental", article: "L. 2152-7",
            explanation: "Les offres sont notées aussi sur leurs performances environnementales.",
            decpValue: "Critère environnemental"),
        EnvironmentalConsideration(
            id: "achat-reemploi", title: "Achat issu du réemploi, de la réutilisation ou du recyclage", article: "loi AGEC, art. 58",
            explanation: "Une part des biens achetés est issue du réemploi ou de la réutilisation, ou intègre des matières recyclées, comme la loi AGEC le demande aux acheteurs publics.",
            decpValue: nil),
    ]

    package static func consideration(_ id: String) -> EnvironmentalConsideration? { all.first { $0.id == id } }
}
