/// Rules across case studies.
enum ProjectRules {
    static func check(_ studies: [CaseStudy]) -> [Diagnostic] {
        var firstBySlug: [String: CaseStudy] = [:]
        var diagnostics: [Diagnostic] = []
        for study in studies {
            if let first = firstBySlug[study.slug] {
                diagnostics.append(.error(
                    .duplicateValue, "« \(study.path) » et « \(first.path) » produiraient la même page « fiches/\(study.slug)/ »",
                    at: .startOf(study.path), help: "renommez l'un des deux fichiers"))
            } else {
                firstBySlug[study.slug] = study
            }
        }
        return diagnostics
    }
}
