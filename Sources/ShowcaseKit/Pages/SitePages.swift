/// The pages of the site, where each is written, and the context each template receives.
public struct SitePages: Sendable {
    public let config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    public static let homePath = "index.html"

    /// `fiches/angresse/index.html`
    public static func entryPath(_ slug: String) -> String { "fiches/\(slug)/index.html" }

    var site: SiteView { SiteView(title: config.title, description: config.description, baseURL: config.baseURL) }

    public func home(entries: [EntryView], overview: EntryGroup, programmeGroups: [EntryGroup]) -> PageView {
        PageView(site: site, title: config.title, description: config.description, root: "",
                 canonicalURL: config.baseURL, entry: nil, entries: entries,
                 overview: Self.view(overview, noun: .fiche), programmeGroups: programmeGroups.map { Self.view($0, noun: .dossier) })
    }

    public func entry(_ entry: EntryView) -> PageView {
        PageView(site: site, title: entry.title, description: entry.summary, root: "../../",
                 canonicalURL: config.baseURL + entry.path, entry: entry, entries: [], overview: nil, programmeGroups: [])
    }

    static func view(_ group: EntryGroup, noun: GroupNoun) -> GroupView {
        GroupView(title: group.title, count: group.count, winners: group.winners,
                  summary: group.summary(noun: noun), totals: group.totals.map { total in
            TotalView(id: total.indicator.id, label: total.indicator.label,
                      value: total.indicator.unit.format(total.total, decimals: nil), rawValue: MachineNumber.format(total.total),
                      reporting: total.reporting, groupSize: total.groupSize, sentence: total.sentence(noun: noun))
        })
    }

    /// Home-page order: by title as a French reader sorts it (case and accents aside), then by address.
    public static func homeOrder(_ entries: [EntryView]) -> [EntryView] {
        entries.sorted { (Suggestion.fold($0.title), $0.slug) < (Suggestion.fold($1.title), $1.slug) }
    }
}
