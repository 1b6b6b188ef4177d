import ShowcaseFoundation

/// A unit an indicator is counted in, and how a value in it is written for readers. Declared in the
/// catalogue's `unites:` (`Units.defaults` for a catalogue that declares none).
package struct Unit: Sendable, Hashable {
    package let id: String
    package let singular: String
    package let plural: String
    /// The short form used inside formulas (`h`, `€`), when there is one.
    package let symbol: String?
    /// What the unit measures (`duree`, `montant`, `part`…): figures of one dimension may be added, except
    /// shares and ratios.
    package let dimension: String
    /// How a reader expects large amounts: « 17 M€ », « 1,8 Md€ » (`millions: M€`, `milliards: Md€`).
    package let millions: String?
    package let billions: String?

    package init(id: String, singular: String, plural: String, symbol: String?, dimension: String,
                 millions: String? = nil, billions: String? = nil) {
        self.id = id
        self.singular = singular
        self.plural = plural
        self.symbol = symbol
        self.dimension = dimension
        self.millions = millions
        self.billions = billions
    }

    /// Whether two figures in this unit may be added: counts, durations, amounts, masses… not shares or ratios.
    package var isAdditive: Bool { !Units.nonAdditiveDimensions.contains(dimension) }

    /// An amount of money: the only figures with a tax basis.
    package var isAmount: Bool { dimension == "montant" }

    /// « 9 000 heures », « 1 personne », « 5,6 ETP », « 17 M€ », « 1,8 Md€ ».
    package func format(_ value: Double, decimals: Int?) -> String {
        if decimals == nil {
            if let billions, let short = Self.exact(value, in: 1_000_000_000) { return short + FrenchNumber.unitSeparator + billions }
            if let millions, let short = Self.exact(value, in: 1_000_000) { return short + FrenchNumber.unitSeparator + millions }
        }
        let number = FrenchNumber.format(value, decimals: decimals)
        let word = abs(value) >= 2 ? plural : singular
        return word.isEmpty ? number : number + FrenchNumber.unitSeparator + word
    }

    /// The value inside a formula: « 9 000 h », « 24 personnes ».
    package func formatInFormula(_ value: Double, decimals: Int?) -> String {
        guard let symbol else { return format(value, decimals: decimals) }
        return FrenchNumber.format(value, decimals: decimals) + FrenchNumber.unitSeparator + symbol
    }

    /// `17 000 000` in millions → « 17 », `1 500 000` → « 1,5 »; `nil` below one `scale`, or when writing it in
    /// tenths of `scale` would round the amount.
    private static func exact(_ value: Double, in scale: Double) -> String? {
        guard abs(value) >= scale else { return nil }
        let tenths = value / (scale / 10)
        guard tenths == tenths.rounded() else { return nil }
        return FrenchNumber.format(value / scale, decimals: nil)
    }
}

/// The dimensions units may have, and the units of a catalogue that declares none.
package enum Units {
    /// What a unit measures; a catalogue's `dimension:` is one of these.
    package static let dimensions = Vocabulary(name: "une dimension connue", terms: [
        Term("duree", "Durée"), Term("effectif", "Effectif"), Term("montant", "Montant"), Term("quantite", "Quantité"),
        Term("masse", "Masse"), Term("surface", "Surface"), Term("distance", "Distance"), Term("energie", "Énergie"),
        Term("emissions", "Émissions"), Term("part", "Part (pourcentage)"), Term("ratio", "Rapport de deux chiffres"),
    ])

    /// Shares and ratios: adding two of them means nothing.
    static let nonAdditiveDimensions: Set = ["part", "ratio"]

    /// The units of catalogues written before units were declared in them.
    package static let defaults: [Unit] = [
        Unit(id: "heures", singular: "heure", plural: "heures", symbol: "h", dimension: "duree"),
        Unit(id: "personnes", singular: "personne", plural: "personnes", symbol: nil, dimension: "effectif"),
        Unit(id: "euros", singular: "€", plural: "€", symbol: "€", dimension: "montant", millions: "M€", billions: "Md€"),
        Unit(id: "unites", singular: "unité", plural: "unités", symbol: nil, dimension: "quantite"),
        Unit(id: "postes", singular: "poste", plural: "postes", symbol: nil, dimension: "effectif"),
        Unit(id: "tco2e", singular: "tCO2e", plural: "tCO2e", symbol: "tCO2e", dimension: "emissions"),
        Unit(id: "pourcent", singular: "%", plural: "%", symbol: "%", dimension: "part"),
        Unit(id: "etp", singular: "ETP", plural: "ETP", symbol: "ETP", dimension: "effectif"),
        Unit(id: "heures-par-million-euros", singular: "h/M€", plural: "h/M€", symbol: "h/M€", dimension: "ratio"),
        Unit(id: "heures-par-personne", singular: "h par personne", plural: "h par personne", symbol: "h/personne", dimension: "ratio"),
        Unit(id: "euros-par-unite", singular: "€ par unité", plural: "€ par unité", symbol: "€/unité", dimension: "ratio"),
        Unit(id: "nombre", singular: "", plural: "", symbol: nil, dimension: "quantite"),
    ]
}
