import ShowcaseFoundation

/// One indicator of the catalogue: a figure a case study may report, or one derived from others by a formula.
/// A class: every entry's page, row and figures refer to the catalogue's definitions, and a reference is one
/// retain where these fields are ten.
package final class IndicatorDefinition: Sendable {
    package let id: String
    package let label: String
    package let unit: Unit
    /// Counts and hours are whole numbers; amounts may have cents.
    package let isInteger: Bool
    package let bounds: ClosedRange<Double>
    /// One line a juror reads to know what the figure means.
    package let definition: String
    /// For derived indicators only.
    package let formula: Formula?
    /// Digits after the comma when shown; `nil` shows reported figures as written.
    package let decimals: Int?
    /// Another indicator of the same entry this one may not exceed (RSA beneficiaries ≤ people hired).
    package let atMost: String?
    /// Above this value the figure is possible but unlikely: a warning, an error under `check --strict`.
    package let warnAbove: Double?
    /// Whether totals over several entries add this figure (`somme:` in the catalogue; by default, a reported
    /// figure whose unit adds up). Derived figures are never summed: their inputs are.
    package let isSummable: Bool
    /// The mechanisms, environmental considerations or contract natures the indicator is about (`themes:`);
    /// `nil` when it concerns every entry. An entry none of them fits is not told the indicator is missing.
    package let themes: [String]?
    /// A figure one entry defines for itself (`libelle` and `unite` under its name), not in the catalogue.
    package let isOwn: Bool
    package let location: SourceLocation

    package init(id: String, label: String, unit: Unit, isInteger: Bool, bounds: ClosedRange<Double>, definition: String,
                formula: Formula?, decimals: Int?, atMost: String?, warnAbove: Double?, isSummable: Bool? = nil,
                themes: [String]? = nil, isOwn: Bool = false, location: SourceLocation) {
        self.id = id
        self.label = label
        self.unit = unit
        self.isInteger = isInteger
        self.bounds = bounds
        self.definition = definition
        self.formula = formula
        self.decimals = decimals
        self.atMost = atMost
        self.warnAbove = warnAbove
        self.isSummable = formula == nil && (isSummable ?? unit.isAdditive)
        self.themes = themes
        self.isOwn = isOwn
        self.location = location
    }

    package var isDerived: Bool { formula != nil }

    /// Whether the indicator is about this entry: it has no themes, or the entry has one of them.
    package func concerns(_ study: CaseStudy) -> Bool {
        guard let themes else { return true }
        let entry = study.mechanisms.map(\.value.id) + study.environmentalConsiderations.map(\.id)
            + [study.contract?.nature?.id].compactMap { $0 }
        return themes.contains(where: entry.contains)
    }
}

/// A named constant formulas may use (`base_etp`), which a case study may override within its bounds.
package struct ConstantDefinition: Sendable {
    package let id: String
    package let label: String
    package let value: Double
    package let unit: Unit?
    package let definition: String
    /// The values an entry may put instead of `value`; a constant without bounds cannot be overridden.
    package let bounds: ClosedRange<Double>
    package let location: SourceLocation

    package var isOverridable: Bool { bounds.lowerBound != bounds.upperBound }
}

/// The indicators `showcase` knows, read from the project's `indicateurs.yaml`.
package struct IndicatorCatalogue: Sendable {
    /// In the order the catalogue declares them, which is the order pages show them.
    package let indicators: [IndicatorDefinition]
    package let constants: [ConstantDefinition]
    /// Derived indicators, each after the ones its formula uses.
    package let derivedInDependencyOrder: [IndicatorDefinition]
    /// The units the catalogue declares (`unites:`), or the default ones.
    package let units: [Unit]

    /// For each derived indicator, the reported figures it rests on: worked out once, used for every entry.
    let reportedInputs: [String: [IndicatorDefinition]]

    package init(indicators: [IndicatorDefinition], constants: [ConstantDefinition], derivedInDependencyOrder: [IndicatorDefinition],
                 units: [Unit] = Units.defaults) {
        self.units = units
        self.indicators = indicators
        self.constants = constants
        self.derivedInDependencyOrder = derivedInDependencyOrder
        reported = indicators.filter { !$0.isDerived }
        derived = indicators.filter(\.isDerived)
        var reportedInputs: [String: [IndicatorDefinition]] = [:]
        for indicator in indicators where indicator.isDerived {
            var inputs: [IndicatorDefinition] = [], pending = indicator.formula?.names ?? [], seen = Set<String>()
            while !pending.isEmpty {
                let name = pending.removeFirst()
                guard seen.insert(name).inserted, let input = indicators.first(where: { $0.id == name }) else { continue }
                if let formula = input.formula { pending += formula.names } else { inputs.append(input) }
            }
            reportedInputs[indicator.id] = inputs
        }
        self.reportedInputs = reportedInputs
    }

    package func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
    package func constant(_ id: String) -> ConstantDefinition? { constants.first { $0.id == id } }

    /// Indicators a case study reports itself (not derived), and the derived ones, in catalogue order: asked
    /// for each entry, so sorted out once.
    package let reported: [IndicatorDefinition]
    package let derived: [IndicatorDefinition]
}
