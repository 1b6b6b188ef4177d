import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Rules across case studies.
enum ProjectRules {
    /// - Parameter entries: each case study's slug and file, in path order.
    static func check(_ entries: [(slug: String, path: String)]) -> [Diagnostic] {
        var firstBySlug: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (slug, path) in entries {
            if let first = firstBySlug[slug] {
                diagnostics.append(.error(
                    .duplicateValue, "« \(path) » et « \(first) » produiraient la même page « \(SitePages.entryFile(slug)) »",
                    at: .startOf(path), help: "renommez l'un des deux fichiers"))
            } else {
                firstBySlug[slug] = path
            }
        }
        return diagnostics
    }
}
