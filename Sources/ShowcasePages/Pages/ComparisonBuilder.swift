import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The compare page's table and charts, from every entry's figures.
package enum ComparisonBuilder {
    /// A column for each indicator of the catalogue at least one entry publishes or computes: the columns, and
    /// their positions in the catalogue (which pick each row's cells).
    static func columns(_ entries: [EntrySummary], catalogue: IndicatorCatalogue) -> (columns: [ColumnView], positions: [Int]) {
        var used = Set<String>()
        for entry in entries {
            for figure in entry.figures { used.insert(figure.id) }
            used.formUnion(entry.derivedIDs)
        }
        let positions = catalogue.indicators.indices.filter { used.contains(catalogue.indicators[$0].id) }
        let columns = positions.map { position in
            let indicator = catalogue.indicators[position]
            return ColumnView(id: indicator.id, label: indicator.label, unit: indicator.unit.plural, definition: indicator.definition)
        }
        return (columns, positions)
    }

    static func filters(_ taxonomies: [Taxonomy]) -> [FilterView] {
        taxonomies.map { taxonomy in
            FilterView(id: taxonomy.id, label: taxonomy.title,
                       options: taxonomy.terms.map { FilterOption(key: $0.filterKey, label: $0.label) })
        }
    }

    /// One entry's cells for every indicator of the catalogue: its value, or « — » and why it is unknown.
    package static func cells(_ study: CaseStudy, derived: [ComputedIndicator], catalogue: IndicatorCatalogue) -> [CellView] {
        catalogue.indicators.map { indicator -> CellView in
            if let figure = study.figure(indicator.id) {
                return CellView(value: figure.wording,
                                rawValue: MachineNumber.format(figure.value.value), isKnown: true, reason: nil)
            }
            if let computed = derived.first(where: { $0.definition.id == indicator.id }) {
                return CellView(value: computed.formatted, rawValue: MachineNumber.format(computed.value), isKnown: true,
                                reason: nil)
            }
            let reason: String
            if !indicator.concerns(study) {
                reason = "Sans objet pour cette fiche."
            } else if indicator.isDerived {
                let lacking = IndicatorCompiler.reportedInputs(of: indicator, catalogue: catalogue).filter { study.figure($0.id) == nil }
                // In the words of the entry page, so that a juror reads one reason in both places.
                reason = "Non calculable : " + NotComputedReason.text(lacking: lacking) + "."
            } else {
                reason = "Non publié par les sources de cette fiche."
            }
            return CellView(value: "—", rawValue: "", isKnown: false, reason: reason)
        }
    }

    /// Bars per chart at most: beyond, a chart shows the largest values and says so.
    static let maximumBars = 20

    /// A bar chart per summable figure that at least two entries publish (one bar compares nothing), then the
    /// entries per legal mechanism and per number of published figures.
    package static func charts(_ entries: [EntrySummary], catalogue: IndicatorCatalogue) -> [ChartView] {
        charts(entries, table: FigureTable(entries, catalogue: catalogue), catalogue: catalogue)
    }

    static func charts(_ entries: [EntrySummary], table: FigureTable, catalogue: IndicatorCatalogue) -> [ChartView] {
        let perFigure = catalogue.indicators.indices.compactMap { column -> ChartView? in
            let indicator = catalogue.indicators[column]
            guard indicator.isSummable else { return nil }
            var values: [(String, Double)] = [], absent: [String] = []
            for (position, entry) in entries.enumerated() {
                if let value = table.value(entry: position, column: column) {
                    values.append((entry.shortTitle, value))
                } else {
                    absent.append(entry.shortTitle)
                }
            }
            guard values.count >= 2 else { return nil }
            let shown = values.count > maximumBars ? Array(values.sorted { $0.1 > $1.1 }.prefix(maximumBars)) : values
            var notes: [String] = []
            if shown.count < values.count { notes.append("Les \(maximumBars) plus grandes valeurs sur \(values.count) fiches renseignées.") }
            if !absent.isEmpty {
                notes.append(absent.count <= maximumBars ? "Non publié par : " + absent.joined(separator: ", ") + "."
                                                         : "Non publié par \(absent.count) fiches.")
            }
            return chart(id: indicator.id, title: "\(indicator.label) par fiche", category: "Fiche", bars: shown,
                         format: { indicator.unit.format($0, decimals: nil) },
                         missing: notes.isEmpty ? nil : notes.joined(separator: " "))
        }
        let mechanisms = LegalMechanisms.all.compactMap { mechanism -> (String, Double)? in
            let count = entries.filter { $0.mechanisms.contains(mechanism.id) }.count
            return count == 0 ? nil : ("\(mechanism.title) (art. \(mechanism.article))", Double(count))
        }
        let figureCounts = Dictionary(grouping: entries, by: \.figures.count).sorted { $0.key < $1.key }
        let published = figureCounts.map { count, entries in
            (count == 0 ? "Aucun chiffre" : count == 1 ? "1 chiffre" : "\(count) chiffres", Double(entries.count))
        }
        let entriesFormat = { (count: Double) in count == 1 ? "1 fiche" : "\(Int(count)) fiches" }
        let counts = [
            chart(id: "mecanismes", title: "Fiches par mécanisme juridique", category: "Mécanisme juridique", bars: mechanisms,
                  format: entriesFormat, missing: nil),
            chart(id: "chiffres-publies", title: "Fiches selon le nombre de chiffres publiés", category: "Chiffres publiés",
                  bars: published, format: entriesFormat, missing: nil),
        ].compactMap { $0 }
        return perFigure + counts
    }

    /// Horizontal bars scaled to the largest value; `nil` when there is nothing to draw.
    static func chart(id: String, title: String, category: String, bars values: [(String, Double)], format: (Double) -> String,
                      missing: String?) -> ChartView? {
        guard !values.isEmpty else { return nil }
        let largest = max(values.map(\.1).max() ?? 0, 1)
        let geometry = ChartGeometry()
        let bars = values.enumerated().map { offset, pair -> BarView in
            let top = geometry.margin + offset * geometry.rowHeight
            let width = pair.1 <= 0 ? 0 : max(2, Int((Double(geometry.barArea) * pair.1 / largest).rounded()))
            return BarView(label: pair.0, value: format(pair.1), y: top + geometry.labelHeight, barWidth: width,
                           textY: top + geometry.labelBaseline, valueX: width + 8,
                           valueY: top + geometry.labelHeight + geometry.barHeight - 6, barHeight: geometry.barHeight)
        }
        return ChartView(id: "graphique-\(id)", title: title,
                         description: values.map { "\($0.0) : \(format($0.1))" }.joined(separator: " ; ") + ".",
                         width: geometry.width, height: geometry.margin * 2 + values.count * geometry.rowHeight,
                         category: category, bars: bars, missing: missing)
    }
}

/// The fixed measures of the charts, in SVG user units: a label above each bar, the value after it.
struct ChartGeometry {
    let width = 640
    let margin = 8
    let rowHeight = 52
    let labelHeight = 22
    let labelBaseline = 16
    let barHeight = 22
    /// The widest bar, leaving room for the value after it.
    let barArea = 460
}
