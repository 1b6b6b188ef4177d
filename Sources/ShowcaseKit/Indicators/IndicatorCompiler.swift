/// A derived indicator computed for one entry, with the working a juror can check.
public struct ComputedIndicator: Sendable {
    public let definition: IndicatorDefinition
    /// Rounded to the indicator's `decimales`, half away from zero.
    public let value: Double
    /// « 9 000 h ÷ 1 607 h »
    public let working: String
    /// « 5,6 ETP »
    public var formatted: String { definition.unit.format(value, decimals: definition.decimals) }
    /// « 9 000 h ÷ 1 607 h = 5,6 ETP »
    public var equation: String { working + " = " + formatted }
}

/// Computes the derived indicators of an entry: each only when every figure and constant its formula uses is
/// known, in the catalogue's dependency order (so a derived figure may use another one, unrounded).
public enum IndicatorCompiler {
    public static func compute(_ study: CaseStudy, catalogue: IndicatorCatalogue) -> [ComputedIndicator] {
        var exact: [String: Double] = [:]
        var operands: [String: String] = [:]
        for figure in study.figures {
            exact[figure.indicator.id] = figure.value.value
            operands[figure.indicator.id] = figure.indicator.unit.formatInFormula(figure.value.value, decimals: nil)
        }
        for constant in catalogue.constants {
            let value = study.constants[constant.id]?.value ?? constant.value
            exact[constant.id] = value
            operands[constant.id] = constant.unit?.formatInFormula(value, decimals: nil)
                ?? FrenchNumber.format(value, decimals: nil)
        }
        var computed: [String: ComputedIndicator] = [:]
        for indicator in catalogue.derivedInDependencyOrder {
            guard let formula = indicator.formula, let value = formula.evaluate({ exact[$0] }) else { continue }
            let rounded = indicator.decimals.map { FrenchNumber.round(value, decimals: $0) } ?? value
            let result = ComputedIndicator(definition: indicator, value: rounded,
                                           working: formula.display { operands[$0] ?? $0 })
            exact[indicator.id] = value
            operands[indicator.id] = indicator.unit.formatInFormula(rounded, decimals: indicator.decimals)
            computed[indicator.id] = result
        }
        return catalogue.derived.compactMap { computed[$0.id] }
    }
}
