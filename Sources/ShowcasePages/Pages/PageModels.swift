import ShowcaseFoundation
import ShowcaseImages
import ShowcaseContent
import ShowcaseTemplates

// What templates see. Every stored property here is a value a template can use, under the French name given in
// `RenderContext+Template.swift`; the README lists them all. The views of entries are classes: templates look
// them up thousands of times on a large site, and passing a reference costs one retain where copying a struct
// of twenty fields costs twenty. Text is plain (templates escape it with `{{ }}`),
// except `corps_html`, which is the body already rendered (and sanitised) by cmark, for `{{{ }}}`.

/// The whole site: the same for every page.
package struct SiteView: Sendable {
    package var title: String
    package var description: String
    package var baseURL: String
    /// The picture shared with every page that has none of its own (`image_partage` in showcase.yaml).
    package var shareImage: ShareImageView?
    /// `showcase 0.6.0`, for the `generator` meta tag.
    package var generator: String = ShowcaseVersion.generator
}

/// The picture a social network or a messaging app shows beside a link to the page (`og:image`).
package struct ShareImageView: Sendable {
    /// Absolute: those services fetch it from elsewhere.
    package let url: String
    package let alt: String
    package let width: Int?
    package let height: Int?
}

/// Which part of the site a page belongs to, for the navigation's `aria-current`.
package enum PageSection: String, Sendable {
    case home, entry, compare, themes, taxonomy, search, notFound
}

/// The root of every page's context.
package struct PageView: Sendable {
    package var site: SiteView
    package var section: PageSection
    /// The page's own title, for `<title>`.
    package var title: String
    package var description: String
    /// From this page to the site root (`""` or `../../`): internal links are relative so that the site works
    /// under any sub-path. On the 404 page, which any address may show, the root path of `base_url`.
    package var root: String
    /// The file the page is written to, from the site root (`fiches/angresse.html`, `themes/index.html`).
    package var path: String
    /// The page's address under `base_url`.
    package var canonicalURL: String
    /// On an entry page.
    package var entry: EntryView?
    /// On the home, taxonomy and compare pages, and in the feed.
    package var entries: [EntryView] = []
    /// Counts and totals over `entries`.
    package var overview: GroupView?
    /// On the home page: one group per programme and edition.
    package var programmeGroups: [GroupView] = []
    /// On the home and themes pages: every way to browse entries.
    package var taxonomies: [TaxonomyView] = []
    /// On a taxonomy page: the term it lists.
    package var term: TermView?
    /// On the compare page.
    package var comparison: ComparisonView?
    package var charts: [ChartView] = []
    /// In the feed: the latest update among entries (RFC 3339).
    package var updated: String = ""
    /// In the sitemap: every page's address.
    package var pageURLs: [String] = []
    /// On a list cut into pages.
    package var pagination: PaginationView?
    /// On a jury's matrix and dossiers: the programme, edition, criteria and category.
    package var jury: JuryView?
    /// The picture shown beside a link to this page: the entry's first photo, or the site's.
    package var shareImage: ShareImageView?

    package init(site: SiteView, section: PageSection, title: String, description: String, file: String) {
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
package struct TaxonomyView: Sendable {
    package var id: String
    package var title: String
    package var terms: [TermView]
}

/// One term of a taxonomy (« Lot-et-Garonne (47) »), with its page.
package struct TermView: Sendable {
    package var taxonomy: String
    package var label: String
    /// The term's page, from the site root: `departements/47/index.html`.
    package var path: String
    package var count: Int
    /// A sentence about the term, when there is one (a mechanism's explanation).
    package var description: String?
    package var link: String?
}

/// Counts and totals over a group of entries.
package struct GroupView: Sendable {
    package var title: String
    package var count: Int
    package var winners: Int
    /// « 4 fiches, dont 1 lauréate »
    package var summary: String
    package var totals: [TotalView]
}

package struct TotalView: Sendable {
    package var id: String
    package var label: String
    /// « 9 000 heures »
    package var value: String
    package var rawValue: String
    package var reporting: Int
    package var groupSize: Int
    /// « 9 000 heures sur 1 dossier renseigné sur 4 »
    package var sentence: String
    /// « 1 fiche renseignée sur 4 »
    package var coverage: String
}

package final class EntryView: Sendable {
    package let slug: String
    /// The page, from the site root: `fiches/angresse.html`.
    package let path: String
    /// The page's full address (for the feed and structured data).
    package let absoluteURL: String
    package let title: String
    package let shortTitle: String
    /// RFC 3339, for the feed.
    package let updated: String
    package let images: [ImageView]
    /// schema.org description of the page, as JSON (with `<` escaped, safe inside `<script>`).
    package let jsonLD: String
    package let summary: String
    package let place: String?
    package let buyer: BuyerView
    package let partners: [PartnerView]
    package let mechanisms: [MechanismView]
    /// DECP v2 labels: « Marché réservé », « Clause environnementale »…
    package let socialConsiderations: [String]
    package let environmentalConsiderations: [String]
    package let contract: ContractView?
    package let dates: [DateView]
    package let award: AwardView?
    package let figures: [FigureView]
    package let derived: [DerivedView]
    /// Derived indicators that could not be computed, and why.
    package let notComputed: [NotComputedView]
    package let sources: [SourceView]
    package let bodyHTML: String
    /// A draft, shown only by the preview and `build --drafts`, and marked so.
    package let isDraft: Bool
    /// Where the purchase applies beyond its buyer's département (« Landes (40), Gironde (33) »).
    package let territory: String?
    /// What the entry brings to each criterion of its programme, in the programme's order.
    package let evidence: [EvidenceView]
    /// The contract's record on a public portal of the essential data (decp.info), when the entry names it.
    package let decpURL: String?
    /// Put before every `id` of the entry's page: empty on its own page, `slug-` where several entries share a
    /// page (the dossier), so that anchors stay unique.
    package let idPrefix: String

    package init(slug: String, path: String, absoluteURL: String, title: String, shortTitle: String, updated: String, images: [ImageView], jsonLD: String, summary: String, place: String?, buyer: BuyerView, partners: [PartnerView], mechanisms: [MechanismView], socialConsiderations: [String], environmentalConsiderations: [String], contract: ContractView?, dates: [DateView], award: AwardView?, figures: [FigureView], derived: [DerivedView], notComputed: [NotComputedView], sources: [SourceView], bodyHTML: String, isDraft: Bool = false, territory: String? = nil, evidence: [EvidenceView] = [], idPrefix: String = "", decpURL: String? = nil) {
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
        self.isDraft = isDraft
        self.territory = territory
        self.evidence = evidence
        self.idPrefix = idPrefix
        self.decpURL = decpURL
    }

    /// The same entry for a page it shares with others: every anchor of its page, story included, prefixed with
    /// its address (`angresse-source-1`), so that they stay unique.
    package func prefixed() -> EntryView {
        let prefix = slug + "-"
        return completed(bodyHTML: bodyHTML.replacingOccurrences(of: " id=\"" + RenderedMarkdown.anchorPrefix,
                                                                 with: " id=\"" + prefix + RenderedMarkdown.anchorPrefix),
                         jsonLD: jsonLD, idPrefix: prefix)
    }

    /// The same entry with what only its own page shows: the body rendered by cmark, the JSON-LD, and the titles
    /// of the story's sections its evidence cites.
    package func completed(bodyHTML: String, jsonLD: String, headings: [(anchor: String, title: String)] = [],
                           idPrefix: String = "") -> EntryView {
        let titles = Dictionary(headings.map { ($0.anchor, $0.title) }, uniquingKeysWith: { first, _ in first })
        let evidence = self.evidence.map { $0.naming(sections: titles) }
        return EntryView(slug: slug, path: path, absoluteURL: absoluteURL, title: title, shortTitle: shortTitle, updated: updated,
                  images: images, jsonLD: jsonLD, summary: summary, place: place, buyer: buyer, partners: partners,
                  mechanisms: mechanisms, socialConsiderations: socialConsiderations,
                  environmentalConsiderations: environmentalConsiderations, contract: contract, dates: dates, award: award,
                  figures: figures, derived: derived, notComputed: notComputed, sources: sources, bodyHTML: bodyHTML,
                  isDraft: isDraft, territory: territory, evidence: evidence, idPrefix: idPrefix, decpURL: decpURL)
    }
}

package final class BuyerView: Sendable {
    /// The buyer's name, or a phrase saying the sources do not name it.
    package let name: String
    package let isNamed: Bool
    package let kind: String?
    /// « Lot-et-Garonne (47) »
    package let departement: String?
    package let departementCode: String?
    package let siret: String?

    package init(name: String, isNamed: Bool, kind: String?, departement: String?, departementCode: String?, siret: String?) {
        self.name = name
        self.isNamed = isNamed
        self.kind = kind
        self.departement = departement
        self.departementCode = departementCode
        self.siret = siret
    }
}

package final class PartnerView: Sendable {
    package let name: String
    package let kind: String
    package let kindLabel: String
    package let role: String?

    package init(name: String, kind: String, kindLabel: String, role: String?) {
        self.name = name
        self.kind = kind
        self.kindLabel = kindLabel
        self.role = role
    }
}

package final class MechanismView: Sendable {
    package let id: String
    package let article: String
    package let title: String
    package let explanation: String
    package let link: String

    package init(id: String, article: String, title: String, explanation: String, link: String) {
        self.id = id
        self.article = article
        self.title = title
        self.explanation = explanation
        self.link = link
    }
}

package final class ContractView: Sendable {
    package let nature: String?
    package let procedure: String?
    package let technique: String?
    package let execution: String?
    package let object: String?
    package let lot: String?
    package let cpv: String?
    package let lots: [LotView]

    package init(nature: String?, procedure: String? = nil, technique: String?, execution: String?, object: String?, lot: String?,
                 cpv: String?, lots: [LotView] = []) {
        self.nature = nature
        self.procedure = procedure
        self.technique = technique
        self.execution = execution
        self.object = object
        self.lot = lot
        self.cpv = cpv
        self.lots = lots
    }
}

package final class DateView: Sendable {
    package let kind: String
    package let label: String
    package let iso: String
    package let text: String
    package let source: SourceView?

    package init(kind: String, label: String, iso: String, text: String, source: SourceView?) {
        self.kind = kind
        self.label = label
        self.iso = iso
        self.text = text
        self.source = source
    }
}

package final class AwardView: Sendable {
    package let programme: String
    package let programmeURL: String?
    package let organiser: String?
    package let edition: Int
    package let category: String?
    package let status: String
    package let statusLabel: String
    package let isWinner: Bool

    package init(programme: String, programmeURL: String?, organiser: String?, edition: Int, category: String?, status: String, statusLabel: String, isWinner: Bool) {
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

package final class FigureView: Sendable {
    package let id: String
    package let label: String
    /// « 9 000 heures », « 17 M€ »
    package let value: String
    /// The number as data (`9000`), for sorting scripts and machine readers.
    package let rawValue: String
    package let definition: String
    package let note: String?
    package let quote: String?
    package let page: String?
    package let source: SourceView
    /// Under the value: its target and rate, its scope.
    package let detail: String?

    package init(id: String, label: String, value: String, rawValue: String, definition: String, note: String?, quote: String?, page: String?, source: SourceView, detail: String? = nil) {
        self.id = id
        self.label = label
        self.detail = detail
        self.value = value
        self.rawValue = rawValue
        self.definition = definition
        self.note = note
        self.quote = quote
        self.page = page
        self.source = source
    }
}

package final class DerivedView: Sendable {
    package let id: String
    package let label: String
    package let value: String
    package let rawValue: String
    /// « 9 000 h ÷ 1 607 h = 5,6 ETP »
    package let equation: String
    package let definition: String

    package init(id: String, label: String, value: String, rawValue: String, equation: String, definition: String) {
        self.id = id
        self.label = label
        self.value = value
        self.rawValue = rawValue
        self.equation = equation
        self.definition = definition
    }
}

package final class NotComputedView: Sendable {
    package let id: String
    package let label: String
    /// « chiffres manquants : heures d'insertion, montant de l'achat »
    package let reason: String

    package init(id: String, label: String, reason: String) {
        self.id = id
        self.label = label
        self.reason = reason
    }
}

package final class SourceView: Sendable {
    /// 1, 2, 3… in the order the entry lists its sources.
    package let number: Int
    /// The fragment identifier of the source in the entry page (`source-1`).
    package let anchor: String
    package let title: String
    package let publisher: String
    package let date: String?
    package let url: String?

    package init(number: Int, anchor: String, title: String, publisher: String, date: String?, url: String?) {
        self.number = number
        self.anchor = anchor
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
    }
}

package final class ImageView: Sendable {
    /// From the site root: the JPEG of a middle width (`images/chantier-3f2a…-960.jpg`), for `src` and print.
    package let path: String
    package let alt: String
    /// Of that JPEG: the page reserves the photo's place with them, so that nothing jumps while it loads.
    package let width: Int
    package let height: Int
    package let caption: String?
    package let credit: String?
    /// Every width, for `srcset`: WebP for the browsers that read it, JPEG for the others.
    package let webp: [PublishedPhoto]
    package let jpeg: [PublishedPhoto]

    package init(path: String, alt: String, width: Int, height: Int, caption: String?, credit: String?,
                 webp: [PublishedPhoto] = [], jpeg: [PublishedPhoto] = []) {
        self.path = path
        self.alt = alt
        self.width = width
        self.height = height
        self.caption = caption
        self.credit = credit
        self.webp = webp
        self.jpeg = jpeg
    }

    /// The photo's published files, as a page shows them; `nil` for a photo that was not read.
    convenience init?(_ image: ImageReference) {
        let jpeg = image.variants.filter { $0.format == .jpeg }, webp = image.variants.filter { $0.format == .webp }
        guard let shown = jpeg.last(where: { $0.width <= PhotoWidths.pageWidth }) ?? jpeg.first else { return nil }
        self.init(path: shown.path, alt: image.alt, width: shown.width, height: shown.height, caption: image.caption,
                  credit: image.credit, webp: webp, jpeg: jpeg)
    }
}

/// The compare page's table: every entry against every figure some entry publishes.
package struct ComparisonView: Sendable {
    package var columns: [ColumnView]
    package var rows: [RowView]
    /// Choices the compare script offers to narrow the rows (mechanism, département…).
    package var filters: [FilterView]
}

package struct ColumnView: Sendable {
    package var id: String
    package var label: String
    package var unit: String
    package var definition: String
}

package final class RowView: Sendable {
    package let entry: EntryView
    package let cells: [CellView]
    /// Space-separated values the filters match: `mecanisme:reserve-insertion departement:47 statut:laureat`.
    package let filterKeys: String

    package init(entry: EntryView, cells: [CellView], filterKeys: String) {
        self.entry = entry
        self.cells = cells
        self.filterKeys = filterKeys
    }
}

package final class CellView: Sendable {
    /// « 9 000 heures », or « — » when unknown.
    package let value: String
    /// The number, for sorting; empty when unknown.
    package let rawValue: String
    package let isKnown: Bool
    /// Why the figure is unknown: not published, or missing inputs.
    package let reason: String?

    package init(value: String, rawValue: String, isKnown: Bool, reason: String?) {
        self.value = value
        self.rawValue = rawValue
        self.isKnown = isKnown
        self.reason = reason
    }
}

package struct FilterView: Sendable {
    package var id: String
    package var label: String
    package var options: [FilterOption]
}

package struct FilterOption: Sendable {
    package var key: String
    package var label: String
}

/// A horizontal bar chart drawn at build time; the template turns the geometry into SVG.
package struct ChartView: Sendable {
    package var id: String
    package var title: String
    /// What the chart shows, in one sentence, for its `<desc>`.
    package var description: String
    package var width: Int
    package var height: Int
    /// What each bar stands for, as the data table's first column heading (« Fiche »).
    package var category: String
    package var bars: [BarView]
    /// « Non publié par : … », when some entries lack the figure.
    package var missing: String?
}

package struct BarView: Sendable {
    package var label: String
    package var value: String
    package var y: Int
    package var barWidth: Int
    package var textY: Int
    package var valueX: Int
    package var valueY: Int
    package var barHeight: Int
}

/// Links between the pages of a list.
package struct PaginationView: Sendable {
    package var current: Int
    package var total: Int
    package var pages: [PageLinkView]
    /// Pages from the site root, like every `chemin`.
    package var previous: String?
    package var next: String?
}

package struct PageLinkView: Sendable {
    package var number: Int
    package var path: String
    package var isCurrent: Bool
    /// Pages were skipped before this one (the template shows « … »).
    package var followsGap: Bool
}

/// One lot of a contract, as its page shows it.
package struct LotView: Sendable {
    package let number: String?
    package let object: String
    /// « 48 000 € HT »
    package let amount: String?
    /// « Marché réservé aux structures d'insertion (art. L. 2113-13) »
    package let mechanism: String?
    package let holder: String?
}

/// What an entry cites for one criterion of its programme.
package final class EvidenceView: Sendable {
    package let criterionID: String
    package let title: String
    package let question: String
    package let text: String?
    package let items: [EvidenceItemView]

    package init(criterionID: String, title: String, question: String, text: String?, items: [EvidenceItemView]) {
        self.criterionID = criterionID
        self.title = title
        self.question = question
        self.text = text
        self.items = items
    }

    package var isMissing: Bool { items.isEmpty && text == nil }

    /// The same, its sections (labelled by their anchors until the story is rendered) named by their headings'
    /// text.
    func naming(sections titles: [String: String]) -> EvidenceView {
        EvidenceView(criterionID: criterionID, title: title, question: question, text: text, items: items.map { item in
            guard item.kind == .section, let title = titles[item.label] else { return item }
            return EvidenceItemView(kind: .section, label: title, target: item.target)
        })
    }
}

/// One piece of evidence: a figure, a section of the story or a source, and the anchor it has in the entry page.
package struct EvidenceItemView: Sendable {
    package enum Kind: String, Sendable { case figure = "chiffre", section, source }
    package let kind: Kind
    package let label: String
    /// The element's `id` in the entry's page, without the page's prefix.
    package let target: String

    package init(kind: Kind, label: String, target: String) {
        self.kind = kind
        self.label = label
        self.target = target
    }

    var kindLabel: String {
        switch kind {
        case .figure: "Chiffre"
        case .section: "Récit"
        case .source: "Source"
        }
    }
}

/// What a jury's pages say of their programme and edition.
package struct JuryView: Sendable {
    package let programme: String
    package let edition: Int
    package let criteria: [AwardCriterion]
    package let criteriaSource: String?
    package let organiser: String?
    /// The edition's page.
    package let editionPath: String
    /// A dossier's category.
    package var category: String?
    /// The edition's dossiers, one per category.
    package var dossiers: [DossierLink] = []
    /// The edition's criteria matrix, when the programme declares criteria.
    package var matrixPath: String?

    init(programme: String, edition: Int, criteria: [AwardCriterion], criteriaSource: String?, organiser: String?, editionPath: String) {
        self.programme = programme
        self.edition = edition
        self.criteria = criteria
        self.criteriaSource = criteriaSource
        self.organiser = organiser
        self.editionPath = editionPath
    }
}

package final class DossierLink: Sendable {
    package let category: String
    package let path: String
    package let count: Int

    init(category: String, path: String, count: Int) {
        self.category = category
        self.path = path
        self.count = count
    }
}
