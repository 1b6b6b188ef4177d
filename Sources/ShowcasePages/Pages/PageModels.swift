import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

// What templates see. Every stored property here is a value a template can use, under the French name given in
// `RenderContext+Template.swift`; the README lists them all. The views of entries are classes: templates look
// them up thousands of times on a large site, and passing a reference costs one retain where copying a struct
// of twenty fields costs twenty. Text is plain (templates escape it with `{{ }}`),
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

public final class EntryView: Sendable {
    public let slug: String
    /// The page, from the site root: `fiches/angresse.html`.
    public let path: String
    /// The page's full address (for the feed and structured data).
    public let absoluteURL: String
    public let title: String
    public let shortTitle: String
    /// RFC 3339, for the feed.
    public let updated: String
    public let images: [ImageView]
    /// schema.org description of the page, as JSON (with `<` escaped, safe inside `<script>`).
    public let jsonLD: String
    public let summary: String
    public let place: String?
    public let buyer: BuyerView
    public let partners: [PartnerView]
    public let mechanisms: [MechanismView]
    /// DECP v2 labels: « Marché réservé », « Clause environnementale »…
    public let socialConsiderations: [String]
    public let environmentalConsiderations: [String]
    public let contract: ContractView?
    public let dates: [DateView]
    public let award: AwardView?
    public let figures: [FigureView]
    public let derived: [DerivedView]
    /// Derived indicators that could not be computed, and why.
    public let notComputed: [NotComputedView]
    public let sources: [SourceView]
    public let bodyHTML: String

    public init(slug: String, path: String, absoluteURL: String, title: String, shortTitle: String, updated: String, images: [ImageView], jsonLD: String, summary: String, place: String?, buyer: BuyerView, partners: [PartnerView], mechanisms: [MechanismView], socialConsiderations: [String], environmentalConsiderations: [String], contract: ContractView?, dates: [DateView], award: AwardView?, figures: [FigureView], derived: [DerivedView], notComputed: [NotComputedView], sources: [SourceView], bodyHTML: String) {
        self.slug = slug
        self.path = path
        self.absoluteURL = absoluteURL
        self.title = title
        self.shortTitle = shortTitle
        self.updated = updated
        self.images = images
        self.jsonLD = jsonLD
        self.summary = summary
        self.place = place
        self.buyer = buyer
        self.partners = partners
        self.mechanisms = mechanisms
        self.socialConsiderations = socialConsiderations
        self.environmentalConsiderations = environmentalConsiderations
        self.contract = contract
        self.dates = dates
        self.award = award
        self.figures = figures
        self.derived = derived
        self.notComputed = notComputed
        self.sources = sources
        self.bodyHTML = bodyHTML
    }

    /// The same entry with what only its own page shows: the body rendered by cmark and the JSON-LD.
    public func completed(bodyHTML: String, jsonLD: String) -> EntryView {
        EntryView(slug: slug, path: path, absoluteURL: absoluteURL, title: title, shortTitle: shortTitle, updated: updated,
                  images: images, jsonLD: jsonLD, summary: summary, place: place, buyer: buyer, partners: partners,
                  mechanisms: mechanisms, socialConsiderations: socialConsiderations,
                  environmentalConsiderations: environmentalConsiderations, contract: contract, dates: dates, award: award,
                  figures: figures, derived: derived, notComputed: notComputed, sources: sources, bodyHTML: bodyHTML)
    }
}

public final class BuyerView: Sendable {
    /// The buyer's name, or a phrase saying the sources do not name it.
    public let name: String
    public let isNamed: Bool
    public let kind: String?
    /// « Lot-et-Garonne (47) »
    public let departement: String?
    public let departementCode: String?
    public let siret: String?

    public init(name: String, isNamed: Bool, kind: String?, departement: String?, departementCode: String?, siret: String?) {
        self.name = name
        self.isNamed = isNamed
        self.kind = kind
        self.departement = departement
        self.departementCode = departementCode
        self.siret = siret
    }
}

public final class PartnerView: Sendable {
    public let name: String
    public let kind: String
    public let kindLabel: String
    public let role: String?

    public init(name: String, kind: String, kindLabel: String, role: String?) {
        self.name = name
        self.kind = kind
        self.kindLabel = kindLabel
        self.role = role
    }
}

public final class MechanismView: Sendable {
    public let id: String
    public let article: String
    public let title: String
    public let explanation: String
    public let link: String

    public init(id: String, article: String, title: String, explanation: String, link: String) {
        self.id = id
        self.article = article
        self.title = title
        self.explanation = explanation
        self.link = link
    }
}

public final class ContractView: Sendable {
    public let nature: String?
    public let technique: String?
    public let execution: String?
    public let object: String?
    public let lot: String?
    public let cpv: String?

    public init(nature: String?, technique: String?, execution: String?, object: String?, lot: String?, cpv: String?) {
        self.nature = nature
        self.technique = technique
        self.execution = execution
        self.object = object
        self.lot = lot
        self.cpv = cpv
    }
}

public final class DateView: Sendable {
    public let kind: String
    public let label: String
    public let iso: String
    public let text: String
    public let source: SourceView?

    public init(kind: String, label: String, iso: String, text: String, source: SourceView?) {
        self.kind = kind
        self.label = label
        self.iso = iso
        self.text = text
        self.source = source
    }
}

public final class AwardView: Sendable {
    public let programme: String
    public let programmeURL: String?
    public let organiser: String?
    public let edition: Int
    public let category: String?
    public let status: String
    public let statusLabel: String
    public let isWinner: Bool

    public init(programme: String, programmeURL: String?, organiser: String?, edition: Int, category: String?, status: String, statusLabel: String, isWinner: Bool) {
        self.programme = programme
        self.programmeURL = programmeURL
        self.organiser = organiser
        self.edition = edition
        self.category = category
        self.status = status
        self.statusLabel = statusLabel
        self.isWinner = isWinner
    }
}

public final class FigureView: Sendable {
    public let id: String
    public let label: String
    /// « 9 000 heures », « 17 M€ »
    public let value: String
    /// The number as data (`9000`), for sorting scripts and machine readers.
    public let rawValue: String
    public let definition: String
    public let note: String?
    public let quote: String?
    public let page: String?
    public let source: SourceView

    public init(id: String, label: String, value: String, rawValue: String, definition: String, note: String?, quote: String?, page: String?, source: SourceView) {
        self.id = id
        self.label = label
        self.value = value
        self.rawValue = rawValue
        self.definition = definition
        self.note = note
        self.quote = quote
        self.page = page
        self.source = source
    }
}

public final class DerivedView: Sendable {
    public let id: String
    public let label: String
    public let value: String
    public let rawValue: String
    /// « 9 000 h ÷ 1 607 h = 5,6 ETP »
    public let equation: String
    public let definition: String

    public init(id: String, label: String, value: String, rawValue: String, equation: String, definition: String) {
        self.id = id
        self.label = label
        self.value = value
        self.rawValue = rawValue
        self.equation = equation
        self.definition = definition
    }
}

public final class NotComputedView: Sendable {
    public let id: String
    public let label: String
    /// « chiffres manquants : heures d'insertion, montant de l'achat »
    public let reason: String

    public init(id: String, label: String, reason: String) {
        self.id = id
        self.label = label
        self.reason = reason
    }
}

public final class SourceView: Sendable {
    /// 1, 2, 3… in the order the entry lists its sources.
    public let number: Int
    /// The fragment identifier of the source in the entry page (`source-1`).
    public let anchor: String
    public let title: String
    public let publisher: String
    public let date: String?
    public let url: String?

    public init(number: Int, anchor: String, title: String, publisher: String, date: String?, url: String?) {
        self.number = number
        self.anchor = anchor
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
    }
}

public final class ImageView: Sendable {
    /// From the site root: `images/chantier-3f2a….jpg`.
    public let path: String
    public let alt: String
    public let width: Int
    public let height: Int
    public let caption: String?
    public let credit: String?

    public init(path: String, alt: String, width: Int, height: Int, caption: String?, credit: String?) {
        self.path = path
        self.alt = alt
        self.width = width
        self.height = height
        self.caption = caption
        self.credit = credit
    }
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

public final class RowView: Sendable {
    public let entry: EntryView
    public let cells: [CellView]
    /// Space-separated values the filters match: `mecanisme:reserve-insertion departement:47 statut:laureat`.
    public let filterKeys: String

    public init(entry: EntryView, cells: [CellView], filterKeys: String) {
        self.entry = entry
        self.cells = cells
        self.filterKeys = filterKeys
    }
}

public final class CellView: Sendable {
    /// « 9 000 heures », or « — » when unknown.
    public let value: String
    /// The number, for sorting; empty when unknown.
    public let rawValue: String
    public let isKnown: Bool
    /// Why the figure is unknown: not published, or missing inputs.
    public let reason: String?

    public init(value: String, rawValue: String, isKnown: Bool, reason: String?) {
        self.value = value
        self.rawValue = rawValue
        self.isKnown = isKnown
        self.reason = reason
    }
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
    /// Pages were skipped before this one (the template shows « … »).
    public var followsGap: Bool
}
