/// The compare page's table and charts, from every entry's figures.
public enum ComparisonBuilder {
    /// Rows in home-page order; a column for each figure at least one entry publishes or computes.
    public static func table(
        _ entries: [(study: CaseStudy, derived: [ComputedIndicator], view: EntryView)],
        catalogue: IndicatorCatalogue, taxonomies: [Taxonomy]
    ) -> ComparisonView {
        let indicators = catalogue.indicators.filter { indicator in
            entries.contains { $0.study.figure(indicator.id) != nil || $0.derived.contains { $0.definition.id == indicator.id } }
        }
        let columns = indicators.map { ColumnView(id: $0.id, label: $0.label, unit: $0.unit.plural, definition: $0.definition) }
        let rows = entries.map { entry -> RowView in
            let cells = indicators.map { indicator -> CellView in
                if let figure = entry.study.figure(indicator.id) {
                    return CellView(value: indicator.unit.format(figure.value.value, decimals: nil),
                                    rawValue: MachineNumber.format(figure.value.value), isKnown: true, reason: nil)
                }
                if let computed = entry.derived.first(where: { $0.definition.id == indicator.id }) {
                    return CellView(value: computed.formatted, rawValue: MachineNumber.format(computed.value), isKnown: true,
                                    reason: nil)
                }
                let reason: String
                if indicator.isDerived {
                    let lacking = IndicatorCompiler.reportedInputs(of: indicator, catalogue: catalogue)
                        .filter { entry.study.figure($0.id) == nil }.map { $0.label.lowercasedFirstLetter }
                    reason = "Non calculable : il manque " + lacking.joined(separator: ", ") + "."
                } else {
                    reason = "Non publié par les sources de cette fiche."
                }
                return CellView(value: "—", rawValue: "", isKnown: false, reason: reason)
            }
            return RowView(entry: entry.view, cells: cells, filterKeys: Taxonomies.filterKeys(entry.study).joined(separator: " "))
        }
        let filters = taxonomies.map { taxonomy in
            FilterView(id: taxonomy.id, label: taxonomy.title,
                       options: taxonomy.terms.map { FilterOption(key: $0.filterKey, label: $0.label) })
        }
        return ComparisonView(columns: columns, rows: rows, filters: filters)
    }

    /// Bars per chart at most: beyond, a chart shows the largest values and says so.
    static let maximumBars = 20

    /// A bar chart per summable figure that at least two entries publish (one bar compares nothing), then the
    /// entries per legal mechanism and per number of published figures.
    public static func charts(_ studies: [CaseStudy], catalogue: IndicatorCatalogue) -> [ChartView] {
        let perFigure = catalogue.reported.filter { Aggregates.additiveUnits.contains($0.unit.id) }.compactMap { indicator -> ChartView? in
            let values = studies.compactMap { study in study.figure(indicator.id).map { (study.shortTitle, $0.value.value) } }
            guard values.count >= 2 else { return nil }
            let shown = values.count > maximumBars ? Array(values.sorted { $0.1 > $1.1 }.prefix(maximumBars)) : values
            let absent = studies.filter { $0.figure(indicator.id) == nil }.map(\.shortTitle)
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
            let count = studies.filter { $0.mechanisms.contains { $0.value.id == mechanism.id } }.count
            return count == 0 ? nil : ("\(mechanism.title) (art. \(mechanism.article))", Double(count))
        }
        let figureCounts = Dictionary(grouping: studies, by: \.figures.count).sorted { $0.key < $1.key }
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
