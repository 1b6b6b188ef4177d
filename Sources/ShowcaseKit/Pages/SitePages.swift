/// A page to render: the file it becomes, the template it uses and what the template sees.
public struct PlannedPage: Sendable {
    public let file: String
    public let template: String
    public let view: PageView
}

/// An entry as the site-wide pages need it: its case study, derived figures and template view.
public struct SiteEntry: Sendable {
    public let study: CaseStudy
    public let derived: [ComputedIndicator]
    public let view: EntryView
}

/// The pages of the site, where each is written, and the context each template receives.
public struct SitePages: Sendable {
    public let config: SiteConfig
    public let catalogue: IndicatorCatalogue

    public init(config: SiteConfig, catalogue: IndicatorCatalogue) {
        self.config = config
        self.catalogue = catalogue
    }

    /// Templates every project must have. The others (`comparer`, `themes`, `taxonomie`, `recherche`, `404`,
    /// `flux`, `sitemap`, `robots`) are optional: a project without one simply has no such page.
    public static let requiredTemplates = ["index", "fiche"]

    /// `fiches/angresse/index.html`
    public static func entryFile(_ slug: String) -> String { "fiches/\(slug)/index.html" }

    var site: SiteView { SiteView(title: config.title, description: config.description, baseURL: config.baseURL) }

    func page(_ section: PageSection, _ title: String, description: String = "", path: String) -> PageView {
        PageView(site: site, section: section, title: title, description: description, path: path,
                 canonicalURL: config.baseURL + path)
    }

    public func entry(_ entry: EntryView) -> PageView {
        var view = page(.entry, entry.title, description: entry.summary, path: entry.path)
        view.entry = entry
        return view
    }

    /// Every page but the entries', which render on their own as soon as each entry is ready.
    public func sitePages(_ entries: [SiteEntry]) -> [PlannedPage] {
        let ordered = Self.homeOrder(entries)
        let studies = ordered.map(\.study)
        let views = ordered.map(\.view)
        let taxonomies = Taxonomies.build(studies, config: config)
        let taxonomyViews = taxonomies.map(Self.view)

        var home = page(.home, config.title, description: config.description, path: "")
        home.entries = views
        home.overview = Self.view(Aggregates.group("Toutes les fiches", studies, catalogue: catalogue), noun: .fiche)
        home.programmeGroups = Aggregates.byProgrammeAndEdition(studies, config: config, catalogue: catalogue)
            .map { Self.view($0, noun: .dossier) }
        home.taxonomies = taxonomyViews

        var compare = page(.compare, "Comparer les fiches",
                           description: "Toutes les fiches et tous leurs chiffres dans un même tableau.", path: "comparer/")
        compare.entries = views
        compare.comparison = ComparisonBuilder.table(ordered.map { ($0.study, $0.derived, $0.view) }, catalogue: catalogue,
                                                     taxonomies: taxonomies)
        compare.charts = ComparisonBuilder.charts(studies, catalogue: catalogue)

        var themes = page(.themes, "Parcourir par thème",
                          description: "Les fiches par mécanisme juridique, département, prix et statut.", path: "themes/")
        themes.taxonomies = taxonomyViews

        let termPages = zip(taxonomies, taxonomyViews).flatMap { taxonomy, taxonomyView in
            zip(taxonomy.terms, taxonomyView.terms).map { term, termView -> PlannedPage in
                let members = ordered.filter { term.slugs.contains($0.study.slug) }
                var view = page(.taxonomy, term.label, description: "\(taxonomy.title) : \(term.label)", path: term.path)
                view.term = termView
                view.entries = members.map(\.view)
                view.overview = Self.view(Aggregates.group(term.label, members.map(\.study), catalogue: catalogue), noun: .fiche)
                return PlannedPage(file: term.path + "index.html", template: "taxonomie", view: view)
            }
        }

        let search = page(.search, "Rechercher", description: "Rechercher dans les fiches.", path: "recherche/")
        var notFound = page(.notFound, "Page introuvable", path: "")
        notFound.root = Self.rootPath(of: config.baseURL)

        var feed = page(.home, config.title, description: config.description, path: "")
        feed.entries = views.sorted { ($0.updated, $0.slug) > ($1.updated, $1.slug) }
        feed.updated = views.map(\.updated).max() ?? FeedDates.rfc3339(nil)

        let listed = [home, compare, themes, search] + termPages.map(\.view) + views.map { entry($0) }
        var sitemap = page(.home, config.title, path: "")
        sitemap.pageURLs = listed.map(\.canonicalURL)

        return [
            PlannedPage(file: "index.html", template: "index", view: home),
            PlannedPage(file: "comparer/index.html", template: "comparer", view: compare),
            PlannedPage(file: "themes/index.html", template: "themes", view: themes),
            PlannedPage(file: "recherche/index.html", template: "recherche", view: search),
            PlannedPage(file: "404.html", template: "404", view: notFound),
            PlannedPage(file: "flux.atom", template: "flux", view: feed),
            PlannedPage(file: "sitemap.xml", template: "sitemap", view: sitemap),
            PlannedPage(file: "robots.txt", template: "robots", view: sitemap),
        ] + termPages
    }

    /// The search index, `recherche.json`.
    public func searchIndex(_ entries: [SiteEntry]) -> String {
        SearchIndex.json(Self.homeOrder(entries).map { ($0.view, $0.study) })
    }

    /// Home-page order: by title as a French reader sorts it (case and accents aside), then by address.
    static func homeOrder(_ entries: [SiteEntry]) -> [SiteEntry] {
        entries.sorted { (Suggestion.fold($0.view.title), $0.view.slug) < (Suggestion.fold($1.view.title), $1.view.slug) }
    }

    /// The path part of `base_url` (`https://exemple.fr/vitrine/` → `/vitrine/`), for pages served at any address.
    static func rootPath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[scheme.upperBound...].firstIndex(of: "/").map { String(baseURL[$0...]) }
        return afterHost ?? "/"
    }

    static func view(_ taxonomy: Taxonomy) -> TaxonomyView {
        TaxonomyView(id: taxonomy.id, title: taxonomy.title, terms: taxonomy.terms.map { term in
            TermView(taxonomy: taxonomy.title, label: term.label, path: term.path, count: term.slugs.count,
                     description: term.description, link: term.link)
        })
    }

    static func view(_ group: EntryGroup, noun: GroupNoun) -> GroupView {
        GroupView(title: group.title, count: group.count, winners: group.winners,
                  summary: group.summary(noun: noun), totals: group.totals.map { total in
            TotalView(id: total.indicator.id, label: total.indicator.label,
                      value: total.indicator.unit.format(total.total, decimals: nil), rawValue: MachineNumber.format(total.total),
                      reporting: total.reporting, groupSize: total.groupSize, sentence: total.sentence(noun: noun),
                      coverage: total.coverage(noun: noun))
        })
    }
}
