// What templates see. Every stored property here is a value a template can use, under the French name given in
// `RenderContext+Mustache.swift`; the README lists them all. Text is plain (templates escape it with `{{ }}`),
// except `corps_html`, which is the body already rendered (and sanitised) by cmark, for `{{{ }}}`.

/// The whole site: the same for every page.
public struct SiteView: Sendable {
    public var title: String
    public var description: String
    public var baseURL: String
}

/// The root of every page's context.
public struct PageView: Sendable {
    public var site: SiteView
    /// The page's own title, for `<title>`.
    public var title: String
    public var description: String
    /// From this page to the site root (`""` or `../../`): internal links are relative so that the site works
    /// under any sub-path.
    public var root: String
    /// The page's address under `base_url`.
    public var canonicalURL: String
    /// On an entry page.
    public var entry: EntryView?
    /// On the home page.
    public var entries: [EntryView]
    /// On the home page: counts and totals over all entries.
    public var overview: GroupView?
    /// On the home page: one group per programme and edition.
    public var programmeGroups: [GroupView]
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
}

public struct EntryView: Sendable {
    public var slug: String
    /// From the site root: `fiches/angresse/`.
    public var path: String
    public var title: String
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
