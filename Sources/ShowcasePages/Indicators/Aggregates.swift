import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The total of one figure over a group of entries, counting only the entries that report it, and adding only
/// what adds up: figures over the whole purchase, of one tax basis. « Plus de » figures make the total « au
/// moins »; « environ » ones, « environ ». The others (per day, over some years, « moins de ») are set aside and
/// counted, not added.
package struct IndicatorTotal: Sendable {
    package let indicator: IndicatorDefinition
    package let total: Double
    /// Entries of the group whose figure is in the total.
    package let reporting: Int
    /// Entries in the group.
    package let groupSize: Int
    /// `.approximately` or `.atLeast` when a figure added is not exact.
    package var qualifier: Qualifier? = nil
    package var taxBasis: TaxBasis? = nil
    /// Figures of the group not added: of another period, or capped (« moins de »).
    package var setAside = 0
    /// Amounts before and after tax (or of unknown basis) are not added together.
    package var mixedTaxBases = false

    /// « au moins 61 000 heures », « 3 M€ HT »
    package var valueText: String {
        if mixedTaxBases { return "montants HT et TTC, non additionnés" }
        if reporting == 0 { return "chiffres par période ou plafonnés, non additionnés" }
        var text = indicator.unit.format(total, decimals: nil) + (taxBasis?.suffix ?? "")
        if let qualifier { text = qualifier.words + " " + text }
        return text
    }

    /// « 9 000 heures sur 1 dossier renseigné sur 4 »
    package func sentence(noun: GroupNoun) -> String {
        valueText + " sur " + coverage(noun: noun)
    }

    /// « 1 dossier renseigné sur 4 », « … ; 1 chiffre d'une autre période, non additionné »
    package func coverage(noun: GroupNoun) -> String {
        let participle = "renseigné" + (noun.isFeminine ? "e" : "") + (reporting > 1 ? "s" : "")
        var text = "\(reporting) \(reporting > 1 ? noun.plural : noun.singular) \(participle) sur \(groupSize)"
        if setAside > 0 {
            text += " ; \(setAside) chiffre\(setAside > 1 ? "s" : "") par période ou plafonné\(setAside > 1 ? "s" : ""), non additionné\(setAside > 1 ? "s" : "")"
        }
        return text
    }
}

/// How a group's entries are called: award entries are « dossiers », showcase pages « fiches ».
package struct GroupNoun: Sendable {
    package let singular: String
    package let plural: String
    package let isFeminine: Bool

    package static let dossier = GroupNoun(singular: "dossier", plural: "dossiers", isFeminine: false)
    package static let fiche = GroupNoun(singular: "fiche", plural: "fiches", isFeminine: true)
}

/// Entries grouped for a juror: all of them, or those of one programme's edition.
package struct EntryGroup: Sendable {
    package let title: String
    package let programme: AwardProgramme?
    package let edition: Int?
    package let slugs: [String]
    package let winners: Int
    /// Only figures at least one entry of the group reports, in catalogue order.
    package let totals: [IndicatorTotal]

    package var count: Int { slugs.count }

    /// « 4 fiches, dont 1 lauréate », « 1 dossier »
    package func summary(noun: GroupNoun) -> String {
        var text = "\(count) \(count > 1 ? noun.plural : noun.singular)"
        if winners > 0 {
            text += ", dont \(winners) lauréat" + (noun.isFeminine ? "e" : "") + (winners > 1 ? "s" : "")
        }
        return text
    }
}

/// Counts and totals per programme and edition. A figure is summed only over the entries that report it, and
/// only when the catalogue says summing means something (`IndicatorDefinition.isSummable`: never a share or a
/// ratio).
package enum Aggregates {
    package static func group(_ title: String, _ entries: [EntrySummary], catalogue: IndicatorCatalogue,
                             programme: AwardProgramme? = nil, edition: Int? = nil) -> EntryGroup {
        group(title, members: Array(entries.indices), of: entries, table: FigureTable(entries, catalogue: catalogue),
              catalogue: catalogue, programme: programme, edition: edition)
    }

    /// The group of `members` (positions in `entries`), with their figures from `table`.
    static func group(_ title: String, members: [Int], of entries: [EntrySummary], table: FigureTable,
                      catalogue: IndicatorCatalogue, programme: AwardProgramme? = nil, edition: Int? = nil) -> EntryGroup {
        let totals = catalogue.indicators.indices.compactMap { column -> IndicatorTotal? in
            let indicator = catalogue.indicators[column]
            guard indicator.isSummable else { return nil }
            var total = 0.0, reporting = 0, setAside = 0
            var approximate = false, lowerBound = false, bases = Set<String?>()
            for member in members {
                guard let cell = table.cell(entry: member, column: column) else { continue }
                guard cell.isAddable else {
                    setAside += 1
                    continue
                }
                total += cell.value
                reporting += 1
                approximate = approximate || cell.qualifier == Qualifier.approximately.rawValue
                lowerBound = lowerBound || cell.qualifier.flatMap(Qualifier.init).map(\.isLowerBound) == true
                bases.insert(cell.taxBasis)
            }
            guard reporting > 0 || setAside > 0 else { return nil }
            var result = IndicatorTotal(indicator: indicator, total: total, reporting: reporting, groupSize: members.count)
            result.qualifier = approximate ? .approximately : lowerBound ? .atLeast : nil
            result.setAside = setAside
            result.mixedTaxBases = bases.count > 1
            result.taxBasis = bases.count == 1 ? bases.first.flatMap { $0.flatMap(TaxBasis.init) } : nil
            return result
        }
        return EntryGroup(title: title, programme: programme, edition: edition, slugs: members.map { entries[$0].slug },
                          winners: members.filter { entries[$0].isWinner }.count, totals: totals)
    }

    /// One group per programme and edition that has entries: programmes in configuration order, latest edition first.
    package static func byProgrammeAndEdition(_ entries: [EntrySummary], config: SiteConfig, catalogue: IndicatorCatalogue) -> [EntryGroup] {
        byProgrammeAndEdition(entries, table: FigureTable(entries, catalogue: catalogue), config: config, catalogue: catalogue)
    }

    static func byProgrammeAndEdition(_ entries: [EntrySummary], table: FigureTable, config: SiteConfig,
                                      catalogue: IndicatorCatalogue) -> [EntryGroup] {
        config.programmes.flatMap { programme -> [EntryGroup] in
            let inProgramme = entries.indices.filter { entries[$0].award?.programme == programme.id }
            let editions = Set(inProgramme.compactMap { entries[$0].award?.edition }).sorted(by: >)
            return editions.map { edition in
                group("\(programme.name) \(edition)", members: inProgramme.filter { entries[$0].award?.edition == edition },
                      of: entries, table: table, catalogue: catalogue, programme: programme, edition: edition)
            }
        }
    }
}

/// The figures of a list of entries as a table: one row per entry, one column per indicator of the catalogue.
/// Built in one pass, so that totals over many groups of the same entries add numbers rather than search names.
struct FigureTable {
    private let columns: Int
    private let entries: [EntrySummary]
    /// Row after row, where the entry keeps the figure of each column among its own; -1 where it reports none.
    /// Four bytes a cell: a copy of each figure took 80, 12 MB for 10 000 entries.
    private let cells: [Int32]

    init(_ entries: [EntrySummary], catalogue: IndicatorCatalogue) {
        let positions = Dictionary(catalogue.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        columns = catalogue.indicators.count
        self.entries = entries
        var cells = [Int32](repeating: -1, count: entries.count * columns)
        for (row, entry) in entries.enumerated() {
            for (index, figure) in entry.figures.enumerated() {
                guard let column = positions[figure.id], cells[row * columns + column] < 0 else { continue }
                cells[row * columns + column] = Int32(index)
            }
        }
        self.cells = cells
    }

    /// The entry's figure, however it is worded.
    func cell(entry: Int, column: Int) -> FigureValue? {
        let index = cells[entry * columns + column]
        return index < 0 ? nil : entries[entry].figures[Int(index)]
    }

    /// The entry's figure when it can stand beside the others (over the whole purchase, not capped): charts
    /// compare only those.
    func value(entry: Int, column: Int) -> Double? {
        guard let cell = cell(entry: entry, column: column), cell.isAddable else { return nil }
        return cell.value
    }
}
