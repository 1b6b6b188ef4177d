/// A page to render: the file it becomes, the template it uses and what the template sees.
public struct PlannedPage: Sendable {
    public let file: String
    public let template: String
    public let view: PageView
}

/// An entry as the site-wide pages need it: its case study, derived figures and template view.
///
/// A class, not a struct: the pages that list entries pass the same 10 000 entries around in many arrays, and
/// copying a reference is one retain where copying these values would be dozens.
public final class SiteEntry: Sendable {
    public let study: CaseStudy
    public let derived: [ComputedIndicator]
    public let view: EntryView
    /// The title folded for sorting (case and accents aside), computed once.
    let sortKey: String

    public init(study: CaseStudy, derived: [ComputedIndicator], view: EntryView) {
        self.study = study
        self.derived = derived
        self.view = view
        sortKey = Suggestion.fold(view.title)
    }
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

    /// `fiches/angresse.html`: one file per entry in one folder, rather than a folder per entry (creating
    /// 10 000 folders costs seconds on a common disk, and plain files also open from the disk without a server).
    public static func entryFile(_ slug: String) -> String { "fiches/\(slug).html" }

    var site: SiteView { SiteView(title: config.title, description: config.description, baseURL: config.baseURL) }

    func page(_ section: PageSection, _ title: String, description: String = "", file: String) -> PageView {
        PageView(site: site, section: section, title: title, description: description, file: file)
    }

    public func entry(_ entry: EntryView) -> PageView {
        var view = page(.entry, entry.title, description: entry.summary, file: entry.path)
        view.entry = entry
        return view
    }

    /// Cards per page on the home and theme pages, rows per page on the compare page, entries in the feed.
    public static let cardsPerPage = 48
    public static let rowsPerPage = 100
    public static let feedLength = 50

    /// Every page but the entries', which render on their own as soon as each entry is ready. Lists of entries
    /// are cut into pages, so that a site of 10 000 entries stays readable and quick to build.
    public func sitePages(_ entries: [SiteEntry]) -> [PlannedPage] {
        let ordered = Self.homeOrder(entries)
        let studies = ordered.map(\.study)
        let views = ordered.map(\.view)
        let taxonomies = Taxonomies.build(studies, config: config)
        let taxonomyViews = taxonomies.map(Self.view)

        var home = page(.home, config.title, description: config.description, file: "index.html")
        home.overview = Self.view(Aggregates.group("Toutes les fiches", studies, catalogue: catalogue), noun: .fiche)
        home.programmeGroups = Aggregates.byProgrammeAndEdition(studies, config: config, catalogue: catalogue)
            .map { Self.view($0, noun: .dossier) }
        home.taxonomies = taxonomyViews
        var planned = paginate(home, entries: views, perPage: Self.cardsPerPage, template: "index")

        var compare = page(.compare, "Comparer les fiches",
                           description: "Toutes les fiches et tous leurs chiffres dans un même tableau.", file: "comparer/index.html")
        compare.charts = ComparisonBuilder.charts(studies, catalogue: catalogue)
        let table = ComparisonBuilder.table(ordered.map { ($0.study, $0.derived, $0.view) }, catalogue: catalogue,
                                            taxonomies: taxonomies)
        for (offset, chunk) in Self.chunks(table.rows, size: Self.rowsPerPage).enumerated() {
            var view = offset == 0 ? compare : paginated(compare, number: offset + 1)
            if offset > 0 { view.charts = [] }
            view.comparison = ComparisonView(columns: table.columns, rows: chunk, filters: table.filters)
            view.pagination = Self.pagination(base: "comparer/", current: offset + 1, count: table.rows.count, perPage: Self.rowsPerPage)
            planned.append(PlannedPage(file: view.path, template: "comparer", view: view))
        }

        var themes = page(.themes, "Parcourir par thème",
                          description: "Les fiches par mécanisme juridique, département, prix et statut.", file: "themes/index.html")
        themes.taxonomies = taxonomyViews
        planned.append(PlannedPage(file: "themes/index.html", template: "themes", view: themes))

        for (taxonomy, taxonomyView) in zip(taxonomies, taxonomyViews) {
            for (term, termView) in zip(taxonomy.terms, taxonomyView.terms) {
                let slugs = Set(term.slugs)
                let members = ordered.filter { slugs.contains($0.study.slug) }
                var view = page(.taxonomy, term.label, description: "\(taxonomy.title) : \(term.label)", file: term.path + "index.html")
                view.term = termView
                view.overview = Self.view(Aggregates.group(term.label, members.map(\.study), catalogue: catalogue), noun: .fiche)
                planned += paginate(view, entries: members.map(\.view), perPage: Self.cardsPerPage, template: "taxonomie")
            }
        }

        let search = page(.search, "Rechercher", description: "Rechercher dans les fiches.", file: "recherche/index.html")
        var notFound = page(.notFound, "Page introuvable", file: "404.html")
        notFound.root = Self.rootPath(of: config.baseURL)

        var feed = page(.home, config.title, description: config.description, file: "flux.atom")
        feed.entries = Array(views.sorted { ($0.updated, $0.slug) > ($1.updated, $1.slug) }.prefix(Self.feedLength))
        feed.updated = views.map(\.updated).max() ?? FeedDates.rfc3339(nil)

        var sitemap = page(.home, config.title, file: "sitemap.xml")
        sitemap.pageURLs = (planned.map(\.view) + [search]).map(\.canonicalURL) + views.map { config.baseURL + $0.path }

        return planned + [
            PlannedPage(file: "recherche/index.html", template: "recherche", view: search),
            PlannedPage(file: "404.html", template: "404", view: notFound),
            PlannedPage(file: "flux.atom", template: "flux", view: feed),
            PlannedPage(file: "sitemap.xml", template: "sitemap", view: sitemap),
            PlannedPage(file: "robots.txt", template: "robots", view: sitemap),
        ]
    }

    /// The page `first` repeated for each slice of `entries`: the first at its own path, the next ones at
    /// `<path>page/2/`, `<path>page/3/`…
    private func paginate(_ first: PageView, entries: [EntryView], perPage: Int, template: String) -> [PlannedPage] {
        Self.chunks(entries, size: perPage).enumerated().map { offset, chunk in
            var view = offset == 0 ? first : paginated(first, number: offset + 1)
            view.entries = chunk
            view.pagination = Self.pagination(base: first.folder, current: offset + 1, count: entries.count, perPage: perPage)
            return PlannedPage(file: view.path, template: template, view: view)
        }
    }

    /// Page `number` of a list: its own path and title; summaries stay on the first page.
    private func paginated(_ first: PageView, number: Int) -> PageView {
        var view = page(first.section, "\(first.title) — page \(number)", description: first.description,
                        file: first.folder + "page/\(number)/index.html")
        view.term = first.term
        view.taxonomies = first.taxonomies
        return view
    }

    static func chunks<Element>(_ items: [Element], size: Int) -> [[Element]] {
        guard !items.isEmpty else { return [[]] }
        return stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    /// Links to every page of a list, from page `current`; `nil` when the list fits on one page.
    static func pagination(base: String, current: Int, count: Int, perPage: Int) -> PaginationView? {
        let total = max(1, (count + perPage - 1) / perPage)
        guard total > 1 else { return nil }
        let path = { (number: Int) in base + (number == 1 ? "" : "page/\(number)/") + "index.html" }
        return PaginationView(
            current: current, total: total,
            pages: (1...total).map { PageLinkView(number: $0, path: path($0), isCurrent: $0 == current) },
            previous: current > 1 ? path(current - 1) : nil, next: current < total ? path(current + 1) : nil)
    }

    /// The search index, `recherche.json`.
    public func searchIndex(_ entries: [SiteEntry]) -> [UInt8] {
        SearchIndex.json(Self.homeOrder(entries).map { ($0.view, $0.study) })
    }

    /// Home-page order: by title as a French reader sorts it (case and accents aside), then by address.
    static func homeOrder(_ entries: [SiteEntry]) -> [SiteEntry] {
        entries.sorted { ($0.sortKey, $0.view.slug) < ($1.sortKey, $1.view.slug) }
    }

    /// The path part of `base_url` (`https://exemple.fr/vitrine/` → `/vitrine/`), for pages served at any address.
    static func rootPath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[scheme.upperBound...].firstIndex(of: "/").map { String(baseURL[$0...]) }
        return afterHost ?? "/"
    }

    static func view(_ taxonomy: Taxonomy) -> TaxonomyView {
        TaxonomyView(id: taxonomy.id, title: taxonomy.title, terms: taxonomy.terms.map { term in
            TermView(taxonomy: taxonomy.title, label: term.label, path: term.path + "index.html", count: term.slugs.count,
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
