import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// One way to browse entries, with its terms, each listing the entries it applies to.
package struct Taxonomy: Sendable {
    package let id: String
    package let title: String
    package let terms: [TaxonomyTerm]
}

package struct TaxonomyTerm: Sendable {
    package let label: String
    /// From the site root: `departements/47/`.
    package let path: String
    /// The entries it applies to: positions in the list the taxonomy was built from, in that list's order.
    package let members: [Int]
    package let description: String?
    package let link: String?
    /// What the compare page's filters match, as in `Taxonomies.filterKeys`.
    package let filterKey: String
}

/// The taxonomies of the site: by legal mechanism, département, programme and edition, category and status.
/// Only terms that list at least one entry get a page.
package enum Taxonomies {
    package static func build(_ entries: [EntrySummary], config: SiteConfig) -> [Taxonomy] {
        [mechanisms(entries), environment(entries), departements(entries), editions(entries, config), categories(entries, config),
         statuses(entries)]
            .filter { !$0.terms.isEmpty }
    }

    /// Positions of the entries under each key, in the entries' order.
    private static func members<Key: Hashable>(_ entries: [EntrySummary], by keys: (EntrySummary) -> [Key]) -> [Key: [Int]] {
        var result: [Key: [Int]] = [:]
        for (position, entry) in entries.enumerated() {
            for key in keys(entry) where result[key]?.last != position { result[key, default: []].append(position) }
        }
        return result
    }

    static func mechanisms(_ entries: [EntrySummary]) -> Taxonomy {
        let byMechanism = members(entries) { $0.mechanisms }
        return Taxonomy(id: "mecanismes", title: "Mécanisme juridique", terms: LegalMechanisms.all.compactMap { mechanism in
            guard let members = byMechanism[mechanism.id] else { return nil }
            return TaxonomyTerm(label: "\(mechanism.title) (art. \(mechanism.article))", path: "mecanismes/\(mechanism.id)/",
                                members: members, description: mechanism.explanation, link: mechanism.link,
                                filterKey: "mecanisme:\(mechanism.id)")
        })
    }

    static func environment(_ entries: [EntrySummary]) -> Taxonomy {
        let byConsideration = members(entries) { $0.environment }
        return Taxonomy(id: "environnement", title: "Considération environnementale",
                        terms: EnvironmentalConsiderations.all.compactMap { consideration in
            guard let members = byConsideration[consideration.id] else { return nil }
            return TaxonomyTerm(label: "\(consideration.title) (\(consideration.article))", path: "environnement/\(consideration.id)/",
                                members: members, description: consideration.explanation, link: nil,
                                filterKey: "environnement:\(consideration.id)")
        })
    }

    static func departements(_ entries: [EntrySummary]) -> Taxonomy {
        // The buyer's département and those of the purchase's territory.
        let byCode = members(entries) { ($0.departement.map { [$0] } ?? []) + $0.territory }
        return Taxonomy(id: "departements", title: "Département", terms: Departements.vocabulary.terms.compactMap { term in
            guard let members = byCode[term.id] else { return nil }
            return TaxonomyTerm(label: Departements.displayName(term.id), path: "departements/\(term.id.lowercased())/",
                                members: members, description: nil, link: nil, filterKey: "departement:\(term.id)")
        })
    }

    static func editions(_ entries: [EntrySummary], _ config: SiteConfig) -> Taxonomy {
        let byEdition = members(entries) { $0.award.map { [ProgrammeEdition(programme: $0.programme, edition: $0.edition)] } ?? [] }
        return Taxonomy(id: "prix", title: "Programme et édition", terms: config.programmes.flatMap { programme -> [TaxonomyTerm] in
            byEdition.keys.filter { $0.programme == programme.id }.map(\.edition).sorted(by: >).map { edition in
                TaxonomyTerm(label: "\(programme.name) \(edition)", path: "prix/\(programme.id)/\(edition)/",
                             members: byEdition[ProgrammeEdition(programme: programme.id, edition: edition)] ?? [],
                             description: programme.organiser.map { "Organisé par \($0)." }, link: programme.url,
                             filterKey: "prix:\(programme.id)-\(edition)")
            }
        })
    }

    static func categories(_ entries: [EntrySummary], _ config: SiteConfig) -> Taxonomy {
        let byCategory = members(entries) { entry -> [ProgrammeCategory] in
            guard let award = entry.award, let category = award.category else { return [] }
            return [ProgrammeCategory(programme: award.programme, category: category)]
        }
        return Taxonomy(id: "categories", title: "Catégorie de prix", terms: config.programmes.flatMap { programme -> [TaxonomyTerm] in
            let named = Set(byCategory.keys.filter { $0.programme == programme.id }.map(\.category))
            let ordered = programme.categories.filter(named.contains) + named.subtracting(programme.categories).sorted()
            return ordered.map { category in
                TaxonomyTerm(label: "\(category) (\(programme.name))", path: "categories/\(programme.id)/\(Slug.make(category))/",
                             members: byCategory[ProgrammeCategory(programme: programme.id, category: category)] ?? [],
                             description: nil, link: nil, filterKey: "categorie:\(programme.id)-\(Slug.make(category))")
            }
        })
    }

    static func statuses(_ entries: [EntrySummary]) -> Taxonomy {
        let byStatus = members(entries) { $0.award.map { [$0.status] } ?? [] }
        return Taxonomy(id: "statuts", title: "Statut de candidature", terms: Vocabularies.awardStatuses.terms.compactMap { status in
            guard let members = byStatus[status.id] else { return nil }
            return TaxonomyTerm(label: status.label, path: "statuts/\(status.id)/", members: members, description: nil,
                                link: nil, filterKey: "statut:\(status.id)")
        })
    }

    /// The filter keys of one entry, matching the terms' `filterKey`s: what the compare script filters on.
    package static func filterKeys(_ study: CaseStudy) -> [String] {
        var keys = study.mechanisms.map { "mecanisme:\($0.value.id)" }
        keys += study.environmentalConsiderations.map { "environnement:\($0.id)" }
        for code in ([study.buyer.departement?.id].compactMap { $0 } + (study.territory?.departements.map(\.id) ?? []))
        where !keys.contains("departement:\(code)") {
            keys.append("departement:\(code)")
        }
        if let award = study.award {
            keys.append("prix:\(award.programme.id)-\(award.edition)")
            if let category = award.category { keys.append("categorie:\(award.programme.id)-\(Slug.make(category))") }
            keys.append("statut:\(award.status.id)")
        }
        return keys
    }
}

private struct ProgrammeEdition: Hashable {
    let programme: String
    let edition: Int
}

private struct ProgrammeCategory: Hashable {
    let programme: String
    let category: String
}
