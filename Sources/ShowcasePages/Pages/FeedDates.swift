import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// When an entry was last updated, for the Atom feed and the page's structured data.
///
/// The fiche's own `mise_a_jour` when given; otherwise the latest date the fiche holds (key dates and source
/// dates). Never the file's modification time, which would make two builds of the same content differ.
enum FeedDates {
    static func updated(_ study: CaseStudy) -> PartialDate? {
        study.updated ?? (study.dates.map(\.date.value) + study.sources.compactMap(\.date)).max()
    }

    /// `2025-12-17T00:00:00Z`; the first day of the month or year for a less precise date.
    static func rfc3339(_ date: PartialDate?) -> String {
        guard let date else { return "1970-01-01T00:00:00Z" }
        let (year, month, day) = date.earliest
        let pad = { (value: Int) in value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(pad(month))-\(pad(day))T00:00:00Z"
    }
}
