import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// One case study with its computed indicators: what the open-data files publish about it.
public struct OpenDataEntry: Sendable {
    public let study: CaseStudy
    public let derived: [ComputedIndicator]

    public init(study: CaseStudy, derived: [ComputedIndicator]) {
        self.study = study
        self.derived = derived
    }

    /// DECP v2 `considerationsSociales` the entry's mechanisms amount to, each once, in registry order.
    /// Empty when no mechanism is given: unknown, never « Pas de considération sociale ».
    public var socialConsiderations: [String] {
        var seen: [String] = []
        for mechanism in study.mechanisms.map(\.value.decpSocialConsideration) where !seen.contains(mechanism) {
            seen.append(mechanism)
        }
        return seen
    }

    public var environmentalConsiderations: [String] { study.environmentalConsiderations.map(\.label) }

    public func url(baseURL: String) -> String { baseURL + SitePages.entryFile(study.slug) }
}

/// The open-data files written into `site/donnees/` and printed by `showcase export`.
public enum OpenDataFiles {
    public static let folder = "donnees"
    public static let csvName = "indicateurs.csv"
    public static let jsonName = "indicateurs.json"
    public static let schemaName = "indicateurs.schema.json"
}
