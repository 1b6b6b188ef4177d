import ShowcaseFoundation

/// One case study: a purchase told by its buyer, with its facts, figures and sources, as the schema types them.
///
/// Parsed even when invalid, so that every cross-field rule can still report; a case study whose diagnostics
/// hold an error is never rendered. Missing required text is then empty.
public struct CaseStudy: Sendable {
    /// The page's name in URLs, from the file name (`content/angresse.md` → `angresse`).
    public var slug: String
    /// The file it was read from, relative to the project root.
    public var path: String
    public var title = ""
    /// For tables and charts; the title cut at a word when not given.
    public var shortTitle = ""
    public var summary = ""
    /// When the fiche was last brought up to date, for the feed; else its latest dated fact.
    public var updated: PartialDate?
    public var images: [ImageReference] = []
    public var buyer = Buyer()
    public var partners: [Partner] = []
    public var mechanisms: [Located<LegalMechanism>] = []
    /// DECP v2 environmental considerations the contract carries, when the sources say so.
    public var environmentalConsiderations: [Term] = []
    public var contract: Contract?
    public var place: String?
    public var dates: [KeyDate] = []
    public var award: AwardEntry?
    public var figures: [Figure] = []
    /// Constants of the catalogue this entry sets otherwise (`base_etp: 1820`).
    public var constants: [String: Located<Double>] = [:]
    public var sources: [SourceReference] = []
    /// The Markdown after the front matter, and the file line it starts on.
    public var body = ""
    public var bodyFirstLine = 1

    public init(slug: String, path: String) {
        self.slug = slug
        self.path = path
    }

    public func figure(_ indicator: String) -> Figure? { figures.first { $0.indicator.id == indicator } }
    public func source(_ id: String) -> SourceReference? { sources.first { $0.id == id } }
}

/// A photo placed beside the case study's file, with its text alternative and credit.
public struct ImageReference: Sendable {
    /// As written in `fichier`, relative to the `content/` folder.
    public var file: Located<String>
    public var alt: String
    public var caption: String?
    /// « © Département de Lot-et-Garonne »
    public var credit: String?
    /// Filled by the project loader once the file has been read.
    public var info: ImageInfo?
    /// Where the site publishes it: `images/chantier-3f2a….jpg`, named by its content.
    public var outputPath: String?
}

/// The public buyer behind the purchase (the « porteur » of the award entry).
public struct Buyer: Sendable {
    /// `nil` when the sources do not name it (then the page says so rather than guess).
    public var name: String?
    public var kind: Term?
    public var departement: Term?
    public var siret: String?
}

public struct Partner: Sendable {
    public var name: String
    public var kind: Located<Term>
    public var role: Term?
    public var siret: String?
}

public struct Contract: Sendable {
    public var nature: Term?
    public var technique: Term?
    public var execution: Term?
    /// What was bought, in a few words.
    public var object: String?
    public var lot: String?
    public var cpv: String?
}

public struct KeyDate: Sendable {
    public var kind: Term
    public var date: Located<PartialDate>
    /// The `id` of the source the date comes from, when given.
    public var sourceID: String?
}

public struct AwardEntry: Sendable {
    public var programme: AwardProgramme
    public var edition: Int
    public var category: String?
    public var status: Term
}

/// A figure the case study reports, with the source it comes from.
public struct Figure: Sendable {
    public var indicator: IndicatorDefinition
    public var value: Located<Double>
    /// The `id` of one of the entry's sources.
    public var sourceID: String
    /// The sentence of the source the figure is taken from, when given.
    public var quote: String?
    public var page: String?
    /// What the figure covers, when the bare label would mislead (« première livraison »).
    public var note: String?
}

/// A public document the case study's facts come from.
public struct SourceReference: Sendable {
    public var id: String
    public var title: String
    public var publisher: String
    public var date: PartialDate?
    /// Only when the document is public on the web.
    public var url: String?
}
