import ShowcaseFoundation

/// A unit an indicator is counted in, and how a value in it is written for readers.
package struct Unit: Sendable, Hashable {
    package let id: String
    package let singular: String
    package let plural: String
    /// The short form used inside formulas (`h`, `€`), when there is one.
    package let symbol: String?

    /// « 9 000 heures », « 1 personne », « 5,6 ETP », « 17 M€ ».
    package func format(_ value: Double, decimals: Int?) -> String {
        if id == "euros", decimals == nil, let millions = Self.exactMillions(value) {
            return millions + FrenchNumber.unitSeparator + "M€"
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

    /// `17 000 000` → « 17 », `1 500 000` → « 1,5 »; `nil` when writing millions would round the amount.
    private static func exactMillions(_ value: Double) -> String? {
        guard abs(value) >= 1_000_000 else { return nil }
        let tenths = value / 100_000
        guard tenths == tenths.rounded() else { return nil }
        return FrenchNumber.format(value / 1_000_000, decimals: nil)
    }
}

/// The units the catalogue may use; any other is reported as unknown.
package enum Units {
    package static let all: [Unit] = [
        Unit(id: "heures", singular: "heure", plural: "heures", symbol: "h"),
        Unit(id: "personnes", singular: "personne", plural: "personnes", symbol: nil),
        Unit(id: "euros", singular: "€", plural: "€", symbol: "€"),
        Unit(id: "unites", singular: "unité", plural: "unités", symbol: nil),
        Unit(id: "postes", singular: "poste", plural: "postes", symbol: nil),
        Unit(id: "tco2e", singular: "tCO2e", plural: "tCO2e", symbol: "tCO2e"),
        Unit(id: "pourcent", singular: "%", plural: "%", symbol: "%"),
        Unit(id: "etp", singular: "ETP", plural: "ETP", symbol: "ETP"),
        Unit(id: "heures-par-million-euros", singular: "h/M€", plural: "h/M€", symbol: "h/M€"),
        Unit(id: "heures-par-personne", singular: "h par personne", plural: "h par personne", symbol: "h/personne"),
        Unit(id: "euros-par-unite", singular: "€ par unité", plural: "€ par unité", symbol: "€/unité"),
        Unit(id: "nombre", singular: "", plural: "", symbol: nil),
    ]

    package static func unit(_ id: String) -> Unit? { all.first { $0.id == id } }
}
