import ShowcaseFoundation

/// One indicator of the catalogue: a figure a case study may report, or one derived from others by a formula.
/// A class: every entry's page, row and figures refer to the catalogue's definitions, and a reference is one
/// retain where these fields are ten.
public final class IndicatorDefinition: Sendable {
    public let id: String
    public let label: String
    public let unit: Unit
    /// Counts and hours are whole numbers; amounts may have cents.
    public let isInteger: Bool
    public let bounds: ClosedRange<Double>
    /// One line a juror reads to know what the figure means.
    public let definition: String
    /// For derived indicators only.
    public let formula: Formula?
    /// Digits after the comma when shown; `nil` shows reported figures as written.
    public let decimals: Int?
    /// Another indicator of the same entry this one may not exceed (RSA beneficiaries ≤ people hired).
    public let atMost: String?
    /// Above this value the figure is possible but unlikely: a warning, an error under `check --strict`.
    public let warnAbove: Double?
    public let location: SourceLocation

    public init(id: String, label: String, unit: Unit, isInteger: Bool, bounds: ClosedRange<Double>, definition: String,
                formula: Formula?, decimals: Int?, atMost: String?, warnAbove: Double?, location: SourceLocation) {
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
        self.location = location
    }

    public var isDerived: Bool { formula != nil }
}

/// A named constant formulas may use (`base_etp`), which a case study may override within its bounds.
public struct ConstantDefinition: Sendable {
    public let id: String
    public let label: String
    public let value: Double
    public let unit: Unit?
    public let definition: String
    /// The values an entry may put instead of `value`; a constant without bounds cannot be overridden.
    public let bounds: ClosedRange<Double>
    public let location: SourceLocation

    public var isOverridable: Bool { bounds.lowerBound != bounds.upperBound }
}

/// The indicators `showcase` knows, read from the project's `indicateurs.yaml`.
public struct IndicatorCatalogue: Sendable {
    /// In the order the catalogue declares them, which is the order pages show them.
    public let indicators: [IndicatorDefinition]
    public let constants: [ConstantDefinition]
    /// Derived indicators, each after the ones its formula uses.
    public let derivedInDependencyOrder: [IndicatorDefinition]

    public init(indicators: [IndicatorDefinition], constants: [ConstantDefinition], derivedInDependencyOrder: [IndicatorDefinition]) {
        self.indicators = indicators
        self.constants = constants
        self.derivedInDependencyOrder = derivedInDependencyOrder
    }

    public func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
    public func constant(_ id: String) -> ConstantDefinition? { constants.first { $0.id == id } }

    /// Indicators a case study reports itself (not derived).
    public var reported: [IndicatorDefinition] { indicators.filter { !$0.isDerived } }
    public var derived: [IndicatorDefinition] { indicators.filter(\.isDerived) }
}
