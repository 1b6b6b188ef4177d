// What templates see. Every stored property here is a value a template can use, under the French name given in
// `RenderContext+Mustache.swift`; the README lists them all. Text is plain (templates escape it with `{{ }}`),
// except `corps_html`, which is the body already rendered (and sanitised) by cmark, for `{{{ }}}`.

/// The whole site: the same for every page.
public struct SiteView: Sendable {
    public var title: String
    public var description: String
    public var baseURL: String
}

/// Which part of the site a page belongs to, for the navigation's `aria-current`.
public enum PageSection: String, Sendable {
    case home, entry, compare, themes, taxonomy, search, notFound
}

/// The root of every page's context.
public struct PageView: Sendable {
    public var site: SiteView
    public var section: PageSection
    /// The page's own title, for `<title>`.
    public var title: String
    public var description: String
    /// From this page to the site root (`""` or `../../`): internal links are relative so that the site works
    /// under any sub-path. On the 404 page, which any address may show, the root path of `base_url`.
    public var root: String
    /// The file the page is written to, from the site root (`fiches/angresse.html`, `themes/index.html`).
    public var path: String
    /// The page's address under `base_url`.
    public var canonicalURL: String
    /// On an entry page.
    public var entry: EntryView?
    /// On the home, taxonomy and compare pages, and in the feed.
    public var entries: [EntryView] = []
    /// Counts and totals over `entries`.
    public var overview: GroupView?
    /// On the home page: one group per programme and edition.
    public var programmeGroups: [GroupView] = []
    /// On the home and themes pages: every way to browse entries.
    public var taxonomies: [TaxonomyView] = []
    /// On a taxonomy page: the term it lists.
    public var term: TermView?
    /// On the compare page.
    public var comparison: ComparisonView?
    public var charts: [ChartView] = []
    /// In the feed: the latest update among entries (RFC 3339).
    public var updated: String = ""
    /// In the sitemap: every page's address.
    public var pageURLs: [String] = []
    /// On a list cut into pages.
    public var pagination: PaginationView?

    public init(site: SiteView, section: PageSection, title: String, description: String, file: String) {
        self.site = site
        self.section = section
        self.title = title
        self.description = description
        self.path = file
        self.root = String(repeating: "../", count: file.split(separator: "/", omittingEmptySubsequences: false).count - 1)
        self.canonicalURL = site.baseURL + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
    }

    /// The folder of the page's file, with its final slash (`comparer/`), empty at the root.
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// A way to browse entries (by mechanism, département…) and its terms.
public struct TaxonomyView: Sendable {
    public var id: String
    public var title: String
    public var terms: [TermView]
}

/// One term of a taxonomy (« Lot-et-Garonne (47) »), with its page.
public struct TermView: Sendable {
    public var taxonomy: String
    public var label: String
    /// The term's page, from the site root: `departements/47/index.html`.
    public var path: String
    public var count: Int
    /// A sentence about the term, when there is one (a mechanism's explanation).
    public var description: String?
    public var link: String?
}

/// Counts and totals over a group of entries.
public struct GroupView: Sendable {
    public var title: String
    public var count: Int
    public var winners: Int
    /// « 4 fiches, dont 1 lauréate »
    public var summary: String
    public var totals: [TotalView]
}

public struct TotalView: Sendable {
    public var id: String
    public var label: String
    /// « 9 000 heures »
    public var value: String
    public var rawValue: String
    public var reporting: Int
    public var groupSize: Int
    /// « 9 000 heures sur 1 dossier renseigné sur 4 »
    public var sentence: String
    /// « 1 fiche renseignée sur 4 »
    public var coverage: String
}

public struct EntryView: Sendable {
    public var slug: String
    /// The page, from the site root: `fiches/angresse.html`.
    public var path: String
    /// The page's full address (for the feed and structured data).
    public var absoluteURL: String
    public var title: String
    public var shortTitle: String
    /// RFC 3339, for the feed.
    public var updated: String
    public var images: [ImageView]
    /// schema.org description of the page, as JSON (with `<` escaped, safe inside `<script>`).
    public var jsonLD: String
    public var summary: String
    public var place: String?
    public var buyer: BuyerView
    public var partners: [PartnerView]
    public var mechanisms: [MechanismView]
    /// DECP v2 labels: « Marché réservé », « Clause environnementale »…
    public var socialConsiderations: [String]
    public var environmentalConsiderations: [String]
    public var contract: ContractView?
    public var dates: [DateView]
    public var award: AwardView?
    public var figures: [FigureView]
    public var derived: [DerivedView]
    /// Derived indicators that could not be computed, and why.
    public var notComputed: [NotComputedView]
    public var sources: [SourceView]
    public var bodyHTML: String
}

public struct BuyerView: Sendable {
    /// The buyer's name, or a phrase saying the sources do not name it.
    public var name: String
    public var isNamed: Bool
    public var kind: String?
    /// « Lot-et-Garonne (47) »
    public var departement: String?
    public var departementCode: String?
    public var siret: String?
}

public struct PartnerView: Sendable {
    public var name: String
    public var kind: String
    public var kindLabel: String
    public var role: String?
}

public struct MechanismView: Sendable {
    public var id: String
    public var article: String
    public var title: String
    public var explanation: String
    public var link: String
}

public struct ContractView: Sendable {
    public var nature: String?
    public var technique: String?
    public var execution: String?
    public var object: String?
    public var lot: String?
    public var cpv: String?
}

public struct DateView: Sendable {
    public var kind: String
    public var label: String
    public var iso: String
    public var text: String
    public var source: SourceView?
}

public struct AwardView: Sendable {
    public var programme: String
    public var programmeURL: String?
    public var organiser: String?
    public var edition: Int
    public var category: String?
    public var status: String
    public var statusLabel: String
    public var isWinner: Bool
}

public struct FigureView: Sendable {
    public var id: String
    public var label: String
    /// « 9 000 heures », « 17 M€ »
    public var value: String
    /// The number as data (`9000`), for sorting scripts and machine readers.
    public var rawValue: String
    public var definition: String
    public var note: String?
    public var quote: String?
    public var page: String?
    public var source: SourceView
}

public struct DerivedView: Sendable {
    public var id: String
    public var label: String
    public var value: String
    public var rawValue: String
    /// « 9 000 h ÷ 1 607 h = 5,6 ETP »
    public var equation: String
    public var definition: String
}

public struct NotComputedView: Sendable {
    public var id: String
    public var label: String
    /// « chiffres manquants : heures d'insertion, montant de l'achat »
    public var reason: String
}

public struct SourceView: Sendable {
    /// 1, 2, 3… in the order the entry lists its sources.
    public var number: Int
    /// The fragment identifier of the source in the entry page (`source-1`).
    public var anchor: String
    public var title: String
    public var publisher: String
    public var date: String?
    public var url: String?
}

public struct ImageView: Sendable {
    /// From the site root: `images/chantier-3f2a….jpg`.
    public var path: String
    public var alt: String
    public var width: Int
    public var height: Int
    public var caption: String?
    public var credit: String?
}

/// The compare page's table: every entry against every figure some entry publishes.
public struct ComparisonView: Sendable {
    public var columns: [ColumnView]
    public var rows: [RowView]
    /// Choices the compare script offers to narrow the rows (mechanism, département…).
    public var filters: [FilterView]
}

public struct ColumnView: Sendable {
    public var id: String
    public var label: String
    public var unit: String
    public var definition: String
}

public struct RowView: Sendable {
    public var entry: EntryView
    public var cells: [CellView]
    /// Space-separated values the filters match: `mecanisme:reserve-insertion departement:47 statut:laureat`.
    public var filterKeys: String
}

public struct CellView: Sendable {
    /// « 9 000 heures », or « — » when unknown.
    public var value: String
    /// The number, for sorting; empty when unknown.
    public var rawValue: String
    public var isKnown: Bool
    /// Why the figure is unknown: not published, or missing inputs.
    public var reason: String?
}

public struct FilterView: Sendable {
    public var id: String
    public var label: String
    public var options: [FilterOption]
}

public struct FilterOption: Sendable {
    public var key: String
    public var label: String
}

/// A horizontal bar chart drawn at build time; the template turns the geometry into SVG.
public struct ChartView: Sendable {
    public var id: String
    public var title: String
    /// What the chart shows, in one sentence, for its `<desc>`.
    public var description: String
    public var width: Int
    public var height: Int
    /// What each bar stands for, as the data table's first column heading (« Fiche »).
    public var category: String
    public var bars: [BarView]
    /// « Non publié par : … », when some entries lack the figure.
    public var missing: String?
}

public struct BarView: Sendable {
    public var label: String
    public var value: String
    public var y: Int
    public var barWidth: Int
    public var textY: Int
    public var valueX: Int
    public var valueY: Int
    public var barHeight: Int
}

/// Links between the pages of a list.
public struct PaginationView: Sendable {
    public var current: Int
    public var total: Int
    public var pages: [PageLinkView]
    /// Pages from the site root, like every `chemin`.
    public var previous: String?
    public var next: String?
}

public struct PageLinkView: Sendable {
    public var number: Int
    public var path: String
    public var isCurrent: Bool
}
