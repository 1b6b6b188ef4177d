/// The total of one figure over a group of entries, counting only the entries that report it.
public struct IndicatorTotal: Sendable {
    public let indicator: IndicatorDefinition
    public let total: Double
    /// Entries of the group that report the figure.
    public let reporting: Int
    /// Entries in the group.
    public let groupSize: Int

    /// « 9 000 heures sur 1 dossier renseigné sur 4 »
    public func sentence(noun: GroupNoun) -> String {
        indicator.unit.format(total, decimals: nil) + " sur " + coverage(noun: noun)
    }

    /// « 1 dossier renseigné sur 4 »
    public func coverage(noun: GroupNoun) -> String {
        let participle = "renseigné" + (noun.isFeminine ? "e" : "") + (reporting > 1 ? "s" : "")
        return "\(reporting) \(reporting > 1 ? noun.plural : noun.singular) \(participle) sur \(groupSize)"
    }
}

/// How a group's entries are called: award entries are « dossiers », showcase pages « fiches ».
public struct GroupNoun: Sendable {
    public let singular: String
    public let plural: String
    public let isFeminine: Bool

    public static let dossier = GroupNoun(singular: "dossier", plural: "dossiers", isFeminine: false)
    public static let fiche = GroupNoun(singular: "fiche", plural: "fiches", isFeminine: true)
}

/// Entries grouped for a juror: all of them, or those of one programme's edition.
public struct EntryGroup: Sendable {
    public let title: String
    public let programme: AwardProgramme?
    public let edition: Int?
    public let slugs: [String]
    public let winners: Int
    /// Only figures at least one entry of the group reports, in catalogue order.
    public let totals: [IndicatorTotal]

    public var count: Int { slugs.count }

    /// « 4 fiches, dont 1 lauréate », « 1 dossier »
    public func summary(noun: GroupNoun) -> String {
        var text = "\(count) \(count > 1 ? noun.plural : noun.singular)"
        if winners > 0 {
            text += ", dont \(winners) lauréat" + (noun.isFeminine ? "e" : "") + (winners > 1 ? "s" : "")
        }
        return text
    }
}

/// Counts and totals per programme and edition. A figure is summed only over the entries that report it, and
/// only when summing means something (hours, people, euros, units, posts, tonnes; never a ratio).
public enum Aggregates {
    static let additiveUnits: Set = ["heures", "personnes", "euros", "unites", "postes", "tco2e"]

    public static func group(_ title: String, _ studies: [CaseStudy], catalogue: IndicatorCatalogue,
                             programme: AwardProgramme? = nil, edition: Int? = nil) -> EntryGroup {
        let totals = catalogue.reported.filter { additiveUnits.contains($0.unit.id) }.compactMap { indicator -> IndicatorTotal? in
            let values = studies.compactMap { $0.figure(indicator.id)?.value.value }
            guard !values.isEmpty else { return nil }
            return IndicatorTotal(indicator: indicator, total: values.reduce(0, +), reporting: values.count,
                                  groupSize: studies.count)
        }
        return EntryGroup(title: title, programme: programme, edition: edition, slugs: studies.map(\.slug),
                          winners: studies.filter { $0.award?.status.id == "laureat" }.count, totals: totals)
    }

    /// One group per programme and edition that has entries: programmes in configuration order, latest edition first.
    public static func byProgrammeAndEdition(_ studies: [CaseStudy], config: SiteConfig, catalogue: IndicatorCatalogue) -> [EntryGroup] {
        config.programmes.flatMap { programme -> [EntryGroup] in
            let entries = studies.filter { $0.award?.programme.id == programme.id }
            let editions = Set(entries.compactMap { $0.award?.edition }).sorted(by: >)
            return editions.map { edition in
                group("\(programme.name) \(edition)", entries.filter { $0.award?.edition == edition },
                      catalogue: catalogue, programme: programme, edition: edition)
            }
        }
    }
}
