/// One way to browse entries, with its terms, each listing the entries it applies to.
public struct Taxonomy: Sendable {
    public let id: String
    public let title: String
    public let terms: [TaxonomyTerm]
}

public struct TaxonomyTerm: Sendable {
    public let label: String
    /// From the site root: `departements/47/`.
    public let path: String
    public let slugs: [String]
    public let description: String?
    public let link: String?
    /// The programme and edition, for a `prix` term (its totals are those of the award group).
    public let filterKey: String
}

/// The taxonomies of the site: by legal mechanism, département, programme and edition, category and status.
/// Only terms that list at least one entry get a page.
public enum Taxonomies {
    public static func build(_ studies: [CaseStudy], config: SiteConfig) -> [Taxonomy] {
        [mechanisms(studies), departements(studies), editions(studies, config), categories(studies, config), statuses(studies)]
            .filter { !$0.terms.isEmpty }
    }

    static func mechanisms(_ studies: [CaseStudy]) -> Taxonomy {
        Taxonomy(id: "mecanismes", title: "Mécanisme juridique", terms: LegalMechanisms.all.compactMap { mechanism in
            let slugs = studies.filter { $0.mechanisms.contains { $0.value.id == mechanism.id } }.map(\.slug)
            guard !slugs.isEmpty else { return nil }
            return TaxonomyTerm(label: "\(mechanism.title) (art. \(mechanism.article))", path: "mecanismes/\(mechanism.id)/",
                                slugs: slugs, description: mechanism.explanation, link: mechanism.link,
                                filterKey: "mecanisme:\(mechanism.id)")
        })
    }

    static func departements(_ studies: [CaseStudy]) -> Taxonomy {
        Taxonomy(id: "departements", title: "Département", terms: Departements.vocabulary.terms.compactMap { term in
            let slugs = studies.filter { $0.buyer.departement?.id == term.id }.map(\.slug)
            guard !slugs.isEmpty else { return nil }
            return TaxonomyTerm(label: Departements.displayName(term.id), path: "departements/\(term.id.lowercased())/",
                                slugs: slugs, description: nil, link: nil, filterKey: "departement:\(term.id)")
        })
    }

    static func editions(_ studies: [CaseStudy], _ config: SiteConfig) -> Taxonomy {
        Taxonomy(id: "prix", title: "Programme et édition", terms: config.programmes.flatMap { programme -> [TaxonomyTerm] in
            let entries = studies.filter { $0.award?.programme.id == programme.id }
            return Set(entries.compactMap { $0.award?.edition }).sorted(by: >).map { edition in
                TaxonomyTerm(label: "\(programme.name) \(edition)", path: "prix/\(programme.id)/\(edition)/",
                             slugs: entries.filter { $0.award?.edition == edition }.map(\.slug),
                             description: programme.organiser.map { "Organisé par \($0)." }, link: programme.url,
                             filterKey: "prix:\(programme.id)-\(edition)")
            }
        })
    }

    static func categories(_ studies: [CaseStudy], _ config: SiteConfig) -> Taxonomy {
        Taxonomy(id: "categories", title: "Catégorie de prix", terms: config.programmes.flatMap { programme -> [TaxonomyTerm] in
            let entries = studies.filter { $0.award?.programme.id == programme.id }
            let named = Set(entries.compactMap { $0.award?.category })
            let ordered = programme.categories.filter(named.contains) + named.subtracting(programme.categories).sorted()
            return ordered.map { category in
                TaxonomyTerm(label: "\(category) (\(programme.name))", path: "categories/\(programme.id)/\(Slug.make(category))/",
                             slugs: entries.filter { $0.award?.category == category }.map(\.slug), description: nil,
                             link: nil, filterKey: "categorie:\(programme.id)-\(Slug.make(category))")
            }
        })
    }

    static func statuses(_ studies: [CaseStudy]) -> Taxonomy {
        Taxonomy(id: "statuts", title: "Statut de candidature", terms: Vocabularies.awardStatuses.terms.compactMap { status in
            let slugs = studies.filter { $0.award?.status.id == status.id }.map(\.slug)
            guard !slugs.isEmpty else { return nil }
            return TaxonomyTerm(label: status.label, path: "statuts/\(status.id)/", slugs: slugs, description: nil, link: nil,
                                filterKey: "statut:\(status.id)")
        })
    }

    /// The filter keys of one entry, matching the terms' `filterKey`s: what the compare script filters on.
    public static func filterKeys(_ study: CaseStudy) -> [String] {
        var keys = study.mechanisms.map { "mecanisme:\($0.value.id)" }
        if let code = study.buyer.departement?.id { keys.append("departement:\(code)") }
        if let award = study.award {
            keys.append("prix:\(award.programme.id)-\(award.edition)")
            if let category = award.category { keys.append("categorie:\(award.programme.id)-\(Slug.make(category))") }
            keys.append("statut:\(award.status.id)")
        }
        return keys
    }
}
