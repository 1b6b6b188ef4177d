import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The pages a jury works from, per programme and edition: the criteria matrix (entries × criteria, when the
/// programme declares criteria) and one printable dossier per category, holding its entries in full.
package enum JuryPages {
    /// Templates whose pages show their entries in full, read again with their story.
    package static let fullEntryTemplates: Set = ["criteres", "dossier"]

    /// - Parameters:
    ///   - ordered: the summaries in home order; `order` gives each one's position in the content.
    /// - Returns: the pages, and what the jury's pages are, by the folder of their edition (`prix/<id>/<year>/`),
    ///   for the edition's page to link to them.
    static func plan(_ ordered: [EntrySummary], order: [Int], config: SiteConfig,
                     page: (PageSection, String, String, String) -> PageView) -> (pages: [PlannedPage], byEdition: [String: JuryView]) {
        var planned: [PlannedPage] = [], byEdition: [String: JuryView] = [:]
        for programme in config.programmes {
            let entered = ordered.indices.filter { ordered[$0].award?.programme == programme.id }
            for edition in Set(entered.compactMap { ordered[$0].award?.edition }).sorted(by: >) {
                let members = entered.filter { ordered[$0].award?.edition == edition }
                let folder = "prix/\(programme.id)/\(edition)/"
                let name = "\(programme.name) \(edition)"
                let categories = groupedByCategory(members.map { ($0, ordered[$0].award?.category) }, programme: programme)
                var jury = JuryView(programme: programme.name, edition: edition, criteria: programme.criteria,
                                    criteriaSource: programme.criteriaSource, organiser: programme.organiser,
                                    editionPath: folder + "index.html")
                jury.dossiers = categories.map { category, positions in
                    DossierLink(category: category ?? "Sans catégorie", path: dossierFile(folder, category), count: positions.count)
                }
                if !programme.criteria.isEmpty { jury.matrixPath = folder + "criteres/index.html" }
                byEdition[folder] = jury
                if !programme.criteria.isEmpty {
                    var matrix = page(.taxonomy, "Grille des critères — \(name)",
                                      "Les dossiers de \(name) face aux critères du jury, avec leurs preuves.", folder + "criteres/index.html")
                    matrix.jury = jury
                    planned.append(PlannedPage(file: matrix.path, template: "criteres", view: matrix,
                                               members: members.map { order[$0] }, role: .full(prefixed: false)))
                }
                for (category, positions) in categories {
                    let title = "Dossier — \(name) — \(category ?? "Sans catégorie")"
                    var dossier = page(.taxonomy, title, "Les dossiers de la catégorie, en entier, à imprimer.", dossierFile(folder, category))
                    var view = jury
                    view.category = category ?? "Sans catégorie"
                    dossier.jury = view
                    planned.append(PlannedPage(file: dossier.path, template: "dossier", view: dossier,
                                               members: positions.map { order[$0] }, role: .full(prefixed: true)))
                }
            }
        }
        return (planned, byEdition)
    }

    /// `prix/<programme>/<edition>/<category>/dossier/index.html`.
    static func dossierFile(_ folder: String, _ category: String?) -> String {
        folder + (category.map { Slug.make($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "sans-categorie") + "/dossier/index.html"
    }

    /// The members by category, in the programme's order of categories, then others by name, then none.
    private static func groupedByCategory(_ members: [(Int, String?)], programme: AwardProgramme) -> [(String?, [Int])] {
        var byCategory: [String: [Int]] = [:], without: [Int] = []
        for (position, category) in members {
            if let category { byCategory[category, default: []].append(position) } else { without.append(position) }
        }
        let named = Set(byCategory.keys)
        let ordered = programme.categories.filter(named.contains) + named.subtracting(programme.categories).sorted()
        return ordered.map { ($0, byCategory[$0] ?? []) } + (without.isEmpty ? [] : [(nil, without)])
    }
}
