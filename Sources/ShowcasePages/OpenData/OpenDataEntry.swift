import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// One case study with its computed indicators: what the open-data files publish about it.
package struct OpenDataEntry: Sendable {
    package let study: CaseStudy
    package let derived: [ComputedIndicator]

    package init(study: CaseStudy, derived: [ComputedIndicator]) {
        self.study = study
        self.derived = derived
    }

    /// DECP v2 `considerationsSociales` the entry's mechanisms amount to, each once, in registry order.
    /// Empty when no mechanism is given: unknown, never « Pas de considération sociale ».
    package var socialConsiderations: [String] {
        var seen: [String] = []
        for mechanism in study.mechanisms.map(\.value.decpSocialConsideration) where !seen.contains(mechanism) {
            seen.append(mechanism)
        }
        return seen
    }

    /// DECP v2 `considerationsEnvironnementales`: only the considerations that vocabulary has.
    package var environmentalConsiderations: [String] {
        study.environmentalConsiderations.compactMap { EnvironmentalConsiderations.consideration($0.id)?.decpValue }
    }

    package func url(baseURL: String) -> String { baseURL + SitePages.entryFile(study.slug) }
}

/// The open-data files written into `site/donnees/` and printed by `showcase export`.
package enum OpenDataFiles {
    package static let folder = "donnees"
    package static let csvName = "indicateurs.csv"
    package static let jsonName = "indicateurs.json"
    package static let schemaName = "indicateurs.schema.json"
}
