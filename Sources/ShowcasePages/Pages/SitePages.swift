#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation
import ShowcaseImages
import ShowcaseContent
import ShowcaseTemplates

/// A page to render: the file it becomes, the template it uses, what the template sees, and the entries it
/// lists, by position in the summaries it was planned from. Its view lacks those entries until
/// `filled(with:)`: a build renders only the pages whose entries or plan changed, and fetches only their entries.
package struct PlannedPage: Sendable {
    package let file: String
    package let template: String
    package var view: PageView
    package let members: [Int]
    package let role: MemberRole

    /// How a page shows its entries.
    package enum MemberRole: Sendable {
        /// As cards, in `fiches` (home, theme and feed pages).
        case cards
        /// As rows of the compare table, with the cells of these catalogue positions.
        case rows(columns: [Int])
        /// In full, story included (a jury's matrix and dossiers); `prefixed` when their anchors must be made
        /// unique on the page.
        case full(prefixed: Bool)
    }

    init(file: String, template: String, view: PageView, members: [Int] = [], role: MemberRole = .cards) {
        self.file = file
        self.template = template
        self.view = view
        self.members = members
        self.role = role
    }

    /// The view with its entries, given in the order of `members`.
    package func filled(with entries: [ListedEntry]) -> PageView {
        var view = self.view
        switch role {
        case .cards:
            view.entries = entries.map(\.card)
        case .rows(let columns):
            view.comparison?.rows = entries.map { $0.row(columns: columns) }
        case .full:
            break
        }
        return view
    }

    /// The view with its entries in full, in the order of `members`.
    package func filled(withFull entries: [EntryView]) -> PageView {
        var view = self.view
        view.entries = entries
        return view
    }

    /// Whether the page shows its entries in full, and with anchors made unique.
    package var showsFullEntries: (Bool, prefixed: Bool) {
        if case .full(let prefixed) = role { return (true, prefixed) }
        return (false, false)
    }

    package var layout: PageLayout { PageLayout(file: file, template: template, members: members) }
}

/// Where a page goes, with which template, listing which entries: what tells, with the plan's digest, whether
/// it must be rendered again. Remembered between builds, so that a build whose plan did not change need not plan.
package struct PageLayout: Sendable, Equatable {
    package let file: String
    package let template: String
    /// Positions in the summaries the plan was made from.
    package let members: [Int]

    package init(file: String, template: String, members: [Int]) {
        self.file = file
        self.template = template
        self.members = members
    }

    /// What the page is made of: its plan (the same for every page while `planDigest` stays the same) and the
    /// list fingerprint of each entry it shows. Equal fingerprints give equal bytes.
    /// - Parameter contents: each entry's content hash, for a page that shows its entries in full.
    package func fingerprint(planDigest: UInt64, entries: [EntryKey], contents: [UInt64]? = nil) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(file)
        fingerprint.add(template)
        fingerprint.add(planDigest)
        fingerprint.add(members.count)
        for member in members {
            fingerprint.add(entries[member].cardFingerprint)
            if let contents { fingerprint.add(contents[member]) }
        }
        return fingerprint.value
    }
}

/// The pages of the site, where each is written, and the context each template receives.
package struct SitePages: Sendable {
    package let config: SiteConfig
    package let catalogue: IndicatorCatalogue

    package init(config: SiteConfig, catalogue: IndicatorCatalogue) {
        self.config = config
        self.catalogue = catalogue
    }

    /// Templates every project must have. The others (`comparer`, `themes`, `taxonomie`, `recherche`, `404`,
    /// `flux`, `sitemap`, `robots`) are optional: a project without one simply has no such page.
    package static let requiredTemplates = ["index", "fiche"]

    /// `fiches/angresse.html`: one file per entry in one folder, rather than a folder per entry (creating
    /// 10 000 folders costs seconds on a common disk, and plain files also open from the disk without a server).
    package static func entryFile(_ slug: String) -> String { "fiches/\(slug).html" }

    var site: SiteView {
        SiteView(title: config.title, description: config.description, baseURL: config.baseURL,
                 shareImage: config.shareImage.map { ShareImageView(url: config.baseURL + $0.path, alt: $0.alt, width: nil, height: nil) })
    }

    func page(_ section: PageSection, _ title: String, description: String = "", file: String) -> PageView {
        var view = PageView(site: site, section: section, title: title, description: description, file: file)
        view.shareImage = site.shareImage
        return view
    }

    package func entry(_ entry: EntryView) -> PageView {
        var view = page(.entry, entry.title, description: entry.summary, file: entry.path)
        view.entry = entry
        // The entry's first photo, in the width those services show (1 200 pixels), or its widest below.
        if let photo = entry.images.first,
           let shared = photo.jpeg.last(where: { $0.width <= PhotoWidths.sharing }) ?? photo.jpeg.first {
            view.shareImage = ShareImageView(url: config.baseURL + shared.path, alt: photo.alt, width: shared.width,
                                             height: shared.height)
        }
        return view
    }

    /// Cards per page on the home and theme pages, rows per page on the compare page, entries in the feed.
    package static let cardsPerPage = 48
    package static let rowsPerPage = 100
    package static let feedLength = 50

    /// The fingerprint of everything pages are planned from: their number, places, titles, totals and charts
    /// depend on nothing else (besides the configuration, catalogue and templates).
    package static func planDigest(_ entries: [EntryKey]) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(entries.count)
        for entry in entries { fingerprint.add(entry.planningHash) }
        return fingerprint.value
    }

    /// Every page but the entries', which render on their own. Lists of entries are cut into pages, so that a
    /// site of 10 000 entries stays readable and quick to build. `members` are positions in `summaries`.
    package func sitePages(_ summaries: [EntrySummary]) -> [PlannedPage] {
        let order = Self.homeOrder(summaries)
        let ordered = order.map { summaries[$0] }
        let taxonomies = Taxonomies.build(ordered, config: config)
        let taxonomyViews = taxonomies.map(Self.view)

        let table = FigureTable(ordered, catalogue: catalogue)
        var home = page(.home, config.title, description: config.description, file: "index.html")
        home.overview = Self.view(Aggregates.group("Toutes les fiches", members: Array(ordered.indices), of: ordered, table: table,
                                                   catalogue: catalogue), noun: .fiche)
        home.programmeGroups = Aggregates.byProgrammeAndEdition(ordered, table: table, config: config, catalogue: catalogue)
            .map { Self.view($0, noun: .dossier) }
        home.taxonomies = taxonomyViews
        var planned = paginate(home, members: order, perPage: Self.cardsPerPage, template: "index")

        var compare = page(.compare, "Comparer les fiches",
                           description: "Toutes les fiches et tous leurs chiffres dans un même tableau.", file: "comparer/index.html")
        compare.charts = ComparisonBuilder.charts(ordered, table: table, catalogue: catalogue)
        let (columns, positions) = ComparisonBuilder.columns(ordered, catalogue: catalogue)
        let filters = ComparisonBuilder.filters(taxonomies)
        for (offset, chunk) in Self.chunks(order, size: Self.rowsPerPage).enumerated() {
            var view = offset == 0 ? compare : paginated(compare, number: offset + 1)
            if offset > 0 { view.charts = [] }
            view.comparison = ComparisonView(columns: columns, rows: [], filters: filters)
            view.pagination = Self.pagination(base: "comparer/", current: offset + 1, count: order.count, perPage: Self.rowsPerPage)
            planned.append(PlannedPage(file: view.path, template: "comparer", view: view, members: chunk, role: .rows(columns: positions)))
        }

        var themes = page(.themes, "Parcourir par thème",
                          description: "Les fiches par mécanisme juridique, département, prix et statut.", file: "themes/index.html")
        themes.taxonomies = taxonomyViews
        planned.append(PlannedPage(file: "themes/index.html", template: "themes", view: themes))

        let jury = JuryPages.plan(ordered, order: order, config: config) { section, title, description, file in
            page(section, title, description: description, file: file)
        }
        for (taxonomy, taxonomyView) in zip(taxonomies, taxonomyViews) {
            for (term, termView) in zip(taxonomy.terms, taxonomyView.terms) {
                var view = page(.taxonomy, term.label, description: "\(taxonomy.title) : \(term.label)", file: term.path + "index.html")
                view.term = termView
                view.jury = jury.byEdition[term.path]
                view.overview = Self.view(Aggregates.group(term.label, members: term.members, of: ordered, table: table,
                                                           catalogue: catalogue), noun: .fiche)
                planned += paginate(view, members: term.members.map { order[$0] }, perPage: Self.cardsPerPage, template: "taxonomie")
            }
        }

        planned += jury.pages

        let search = page(.search, "Rechercher", description: "Rechercher dans les fiches.", file: "recherche/index.html")
        var notFound = page(.notFound, "Page introuvable", file: "404.html")
        notFound.root = Self.rootPath(of: config.baseURL)

        var feed = page(.home, config.title, description: config.description, file: "flux.atom")
        let latest = Self.latest(summaries, count: Self.feedLength)
        feed.updated = latest.first.map { summaries[$0].updated } ?? FeedDates.rfc3339(nil)

        var sitemap = page(.home, config.title, file: "sitemap.xml")
        sitemap.pageURLs = (planned.map(\.view) + [search]).map(\.canonicalURL)
            + ordered.map { config.baseURL + Self.entryFile($0.slug) }

        return planned + [
            PlannedPage(file: "recherche/index.html", template: "recherche", view: search),
            PlannedPage(file: "404.html", template: "404", view: notFound),
            PlannedPage(file: "flux.atom", template: "flux", view: feed, members: latest),
            PlannedPage(file: "sitemap.xml", template: "sitemap", view: sitemap),
            PlannedPage(file: "robots.txt", template: "robots", view: sitemap),
        ]
    }

    /// The page `first` repeated for each slice of `entries`: the first at its own path, the next ones at
    /// `<path>page/2/`, `<path>page/3/`…
    private func paginate(_ first: PageView, members: [Int], perPage: Int, template: String) -> [PlannedPage] {
        Self.chunks(members, size: perPage).enumerated().map { offset, chunk in
            var view = offset == 0 ? first : paginated(first, number: offset + 1)
            view.pagination = Self.pagination(base: first.folder, current: offset + 1, count: members.count, perPage: perPage)
            return PlannedPage(file: view.path, template: template, view: view, members: chunk)
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

    /// Pages on either side of the current one that get a link; the first and the last always do.
    static let paginationReach = 2

    /// Links between the pages of a list, from page `current`: the first, the last, and those near the current
    /// one (a list of 200 pages would otherwise repeat 200 links on each); `nil` when the list fits on one page.
    static func pagination(base: String, current: Int, count: Int, perPage: Int) -> PaginationView? {
        let total = max(1, (count + perPage - 1) / perPage)
        guard total > 1 else { return nil }
        let path = { (number: Int) in base + (number == 1 ? "" : "page/\(number)/") + "index.html" }
        let near = max(1, current - paginationReach)...min(total, current + paginationReach)
        let numbers = Array(Set([1, total] + Array(near))).sorted()
        let pages = numbers.enumerated().map { offset, number in
            PageLinkView(number: number, path: path(number), isCurrent: number == current,
                         followsGap: offset > 0 && numbers[offset - 1] != number - 1)
        }
        return PaginationView(current: current, total: total, pages: pages,
                              previous: current > 1 ? path(current - 1) : nil, next: current < total ? path(current + 1) : nil)
    }

    /// Home-page order: by title as a French reader sorts it (case and accents aside), then by address; as
    /// positions in `summaries`. Keys compared as bytes: the folded titles are plain letters, for which UTF-8
    /// order is alphabetical order, and comparing bytes is several times faster than comparing strings.
    package static func homeOrder(_ summaries: [EntrySummary]) -> [Int] {
        ordered(summaries.map { SortKey($0.sortKey, $0.slug) })
    }

    /// The `count` most recently updated entries, latest first (then by address, last first).
    static func latest(_ summaries: [EntrySummary], count: Int) -> [Int] {
        Array(ordered(summaries.map { SortKey($0.updated, $0.slug) }).suffix(count).reversed())
    }

    private static func ordered(_ keys: [SortKey]) -> [Int] {
        keys.indices.sorted { keys[$0] < keys[$1] }
    }

    /// The path part of `base_url` (`https://exemple.fr/vitrine/` → `/vitrine/`), for pages served at any address.
    static func rootPath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[scheme.upperBound...].firstIndex(of: "/").map { String(baseURL[$0...]) }
        return afterHost ?? "/"
    }

    static func view(_ taxonomy: Taxonomy) -> TaxonomyView {
        TaxonomyView(id: taxonomy.id, title: taxonomy.title, terms: taxonomy.terms.map { term in
            TermView(taxonomy: taxonomy.title, label: term.label, path: term.path + "index.html", count: term.members.count,
                     description: term.description, link: term.link)
        })
    }

    static func view(_ group: EntryGroup, noun: GroupNoun) -> GroupView {
        GroupView(title: group.title, count: group.count, winners: group.winners,
                  summary: group.summary(noun: noun), totals: group.totals.map { total in
            TotalView(id: total.indicator.id, label: total.indicator.label,
                      value: total.valueText, rawValue: MachineNumber.format(total.total),
                      reporting: total.reporting, groupSize: total.groupSize, sentence: total.sentence(noun: noun),
                      coverage: total.coverage(noun: noun))
        })
    }
}

/// Two texts compared as their UTF-8 bytes, the first then the second.
struct SortKey: Comparable {
    let bytes: [UInt8]

    init(_ first: String, _ second: String) {
        // A NUL byte between the two texts sorts a shorter first text before a longer one that starts alike.
        bytes = Array(first.utf8) + [0] + Array(second.utf8)
    }

    static func < (left: SortKey, right: SortKey) -> Bool {
        left.bytes.withUnsafeBufferPointer { a in
            right.bytes.withUnsafeBufferPointer { b in
                let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                return common != 0 ? common < 0 : a.count < b.count
            }
        }
    }
}
