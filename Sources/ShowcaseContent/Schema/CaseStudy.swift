import ShowcaseFoundation
import ShowcaseImages

/// One case study: a purchase told by its buyer, with its facts, figures and sources, as the schema types them.
///
/// Parsed even when invalid, so that every cross-field rule can still report; a case study whose diagnostics
/// hold an error is never rendered. Missing required text is then empty.
package struct CaseStudy: Sendable {
    /// The page's name in URLs, from the file name (`content/angresse.md` → `angresse`).
    package var slug: String
    /// The file it was read from, relative to the project root.
    package var path: String
    package var title = ""
    /// `brouillon: true`: shown by `serve` (marked) and by `build --drafts`, never published by `build`.
    package var isDraft = false
    /// For tables and charts; the title cut at a word when not given.
    package var shortTitle = ""
    package var summary = ""
    /// When the fiche was last brought up to date, for the feed; else its latest dated fact.
    package var updated: PartialDate?
    package var images: [ImageReference] = []
    package var buyer = Buyer()
    package var partners: [Partner] = []
    package var mechanisms: [Located<LegalMechanism>] = []
    /// DECP v2 environmental considerations the contract carries, when the sources say so.
    package var environmentalConsiderations: [Term] = []
    package var contract: Contract?
    /// Its record in the essential data of public procurement, when the writer names it.
    package var decp: DECPReference?
    package var place: String?
    package var territory: Territory?
    package var dates: [KeyDate] = []
    package var award: AwardEntry?
    package var figures: [Figure] = []
    /// Constants of the catalogue this entry sets otherwise (`base_etp: 1820`).
    package var constants: [String: Located<Double>] = [:]
    /// The derived indicators, computed once when the case study is read (`IndicatorCompiler`), then passed on
    /// to the rules, the pages and the open data.
    package var derived: [ComputedIndicator] = []
    package var sources: [SourceReference] = []
    /// The Markdown after the front matter, and the file line it starts on.
    package var body = ""
    package var bodyFirstLine = 1

    package init(slug: String, path: String) {
        self.slug = slug
        self.path = path
    }

    package func figure(_ indicator: String) -> Figure? { figures.first { $0.indicator.id == indicator } }
    package func source(_ id: String) -> SourceReference? { sources.first { $0.id == id } }
}

/// A photo placed beside the case study's file, with its text alternative and credit.
package struct ImageReference: Sendable {
    /// As written in `fichier`, relative to the `content/` folder.
    package var file: Located<String>
    package var alt: String
    package var caption: String?
    /// « © Département de Lot-et-Garonne »
    package var credit: String?
    /// Filled by the project loader once the file has been read: what its header says.
    package var facts: PhotoFacts?
    /// The files the site publishes it as (widths × WebP and JPEG), named by its content.
    package var variants: [PublishedPhoto] = []
    /// The file's stamp, taken before it was read: a photo changed in between is read again by the next build.
    package var stamp: FileStamp?
    /// The photo's path in the project: `fichier` taken from the case study's own folder (`content/2024/`).
    package var projectPath = ""
}

/// The public buyer behind the purchase (the « porteur » of the award entry).
package struct Buyer: Sendable {
    /// `nil` when the sources do not name it (then the page says so rather than guess).
    package var name: String?
    package var kind: Term?
    package var departement: Term?
    package var siret: String?
}

package struct Partner: Sendable {
    package var name: String
    package var kind: Located<Term>
    /// For the type `autre`, what the structure is (« Régie de quartier »).
    package var kindLabel: String?
    package var role: Term?
    /// Its establishments (several for a group or a consortium).
    package var sirets: [String] = []
    /// The company, when the source gives it rather than an establishment.
    package var siren: String?
}

package struct Contract: Sendable {
    package var nature: Term?
    /// How it was awarded (DECP v2 `procedure`).
    package var procedure: Term?
    package var technique: Term?
    package var execution: Term?
    /// What was bought, in a few words.
    package var object: String?
    package var lot: String?
    package var cpv: String?
    /// The lots of a contract in several, each with its own object, amount, mechanism and holder.
    package var lots: [Lot] = []
}

/// One lot of a contract (`contrat: lots:`).
package struct Lot: Sendable {
    package var number: String?
    package var object: String
    package var amount: Double?
    package var taxBasis: TaxBasis?
    package var mechanism: LegalMechanism?
    package var holder: String?
}

package struct KeyDate: Sendable {
    package var kind: Term
    package var date: Located<PartialDate>
    /// The `id` of the source the date comes from, when given.
    package var sourceID: String?
}

package struct AwardEntry: Sendable {
    package var programme: AwardProgramme
    package var edition: Int
    package var category: String?
    /// As the site may show it: a laureate whose ceremony is still to come shows as a candidate.
    package var status: Term
    /// The day the results are made public (`date_ceremonie`), when given.
    package var ceremony: PartialDate?
    /// Set when the status written is held back until the ceremony: the day it may be shown.
    package var embargoedUntil: PartialDate?
    /// Per criterion of the programme, in the programme's order: what the entry cites.
    package var evidence: [CriterionEvidence] = []
}

/// A figure the case study reports, with the source it comes from.
package struct Figure: Sendable {
    package var indicator: IndicatorDefinition
    package var value: Located<Double>
    /// The `id` of one of the entry's sources.
    package var sourceID: String
    /// The sentence of the source the figure is taken from, when given.
    package var quote: String?
    package var page: String?
    /// What the figure covers, when the bare label would mislead (« première livraison »).
    package var note: String?
    /// « environ », « plus de »… as the source words it; `nil` for an exact figure.
    package var qualifier: Qualifier?
    package var period: FigurePeriod = .total
    /// The part of the purchase it covers (« lot 2 seulement »).
    package var scope: String?
    /// The target the figure is measured against (planned insertion hours).
    package var target: Double?
    /// For an amount: before or after tax, when the source says.
    package var taxBasis: TaxBasis?

    /// The value as a share of the target, in percent (« soit 116 % »).
    package var achievementRate: Double? {
        guard let target, target > 0 else { return nil }
        return value.value / target * 100
    }
}

/// A public document the case study's facts come from.
package struct SourceReference: Sendable {
    package var id: String
    package var title: String
    package var publisher: String
    package var date: PartialDate?
    /// Only when the document is public on the web.
    package var url: String?
}

/// The contract's record in the essential data of public procurement (DECP): its `id` and its buyer's SIRET,
/// which together name it on the national files and on decp.info.
package struct DECPReference: Sendable {
    package let id: String
    package let buyerSIRET: String
    /// Where `decp:` is written, for the diagnostics of a cross-check.
    package let location: SourceLocation

    /// The record's unique id as the consolidated files and decp.info give it: the buyer's SIRET, then the id.
    package var uid: String { buyerSIRET + id }
    package var publicURL: String { "https://decp.info/marches/" + uid }
}
