import ShowcaseFoundation
import ShowcaseContent

extension Figure {
    /// The figure as a juror reads it: « plus de 50 % », « 1 200 repas par jour », « 17 M€ HT »,
    /// « 52 000 heures pour un objectif de 45 000 heures, soit 116 % », « 8 postes (lot 2 seulement) ».
    package var wording: String {
        [valueWording, detailWording].compactMap { $0 }.joined(separator: " ")
    }

    /// The value itself: « plus de 1 200 repas par jour », « 17 M€ HT ».
    package var valueWording: String {
        var text = indicator.unit.format(value.value, decimals: nil) + basisWords
        if let qualifier { text = qualifier.words + " " + text }
        if let words = period.words { text += " " + words }
        return text
    }

    /// What the page prints under the value: « pour un objectif de 45 000 heures, soit 116 % », « (lot 2 seulement) ».
    package var detailWording: String? {
        var parts: [String] = []
        if let target {
            var text = "pour un objectif de " + indicator.unit.format(target, decimals: nil) + basisWords
            if let rate = achievementRate {
                text += ", soit " + FrenchNumber.format(FrenchNumber.round(rate, decimals: 0), decimals: 0) + FrenchNumber.unitSeparator + "%"
            }
            parts.append(text)
        }
        if let scope { parts.append("(\(scope))") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private var basisWords: String { taxBasis?.suffix ?? "" }
}

/// Why a derived indicator is not computed for an entry, in words a juror reads without feeling accused.
enum NotComputedReason {
    static func text(lacking: [IndicatorDefinition]) -> String {
        guard !lacking.isEmpty else { return "les chiffres dont il dépend ne portent pas sur la même période" }
        return "les sources de cette fiche ne donnent pas : " + lacking.map { $0.label.lowercasedFirstLetter }.joined(separator: ", ")
    }
}
