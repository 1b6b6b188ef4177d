import ShowcaseFoundation

/// A derived indicator computed for one entry, with the working a juror can check.
package struct ComputedIndicator: Sendable {
    package let definition: IndicatorDefinition
    /// Rounded to the indicator's `decimales`, half away from zero.
    package let value: Double
    /// « 9 000 h ÷ 1 607 h »; empty when computed without workings (`check` shows none).
    package let working: String
    /// « environ » when a figure it rests on is not exact.
    package var qualifier: Qualifier? = nil
    /// The period of the figures it rests on, which all share it.
    package var period: FigurePeriod = .total
    /// « 5,6 ETP », « environ 5,6 ETP par an »
    package var formatted: String {
        var text = definition.unit.format(value, decimals: definition.decimals)
        if let qualifier { text = qualifier.words + " " + text }
        if let words = period.words { text += " " + words }
        return text
    }
    /// « 9 000 h ÷ 1 607 h = 5,6 ETP »
    package var equation: String { working + " = " + formatted }
}

/// Computes the derived indicators of an entry: each only when every figure and constant its formula uses is
/// known, in the catalogue's dependency order (so a derived figure may use another one, unrounded).
package enum IndicatorCompiler {
    /// - Parameter workings: whether each result carries its working, every operand written in French; without
    ///   them (for `check`), only the values, which the rules need.
    package static func compute(_ study: CaseStudy, catalogue: IndicatorCatalogue, workings: Bool = true) -> [ComputedIndicator] {
        var exact: [String: Double] = [:]
        exact.reserveCapacity(study.figures.count + catalogue.constants.count + catalogue.derived.count)
        var operands: [String: String] = [:]
        for figure in study.figures {
            exact[figure.indicator.id] = figure.value.value
            guard workings else { continue }
            let operand = figure.indicator.unit.formatInFormula(figure.value.value, decimals: nil)
            operands[figure.indicator.id] = figure.qualifier.map { $0.words + " " + operand } ?? operand
        }
        for constant in catalogue.constants {
            let value = study.constants[constant.id]?.value ?? constant.value
            exact[constant.id] = value
            guard workings else { continue }
            operands[constant.id] = constant.unit?.formatInFormula(value, decimals: nil)
                ?? FrenchNumber.format(value, decimals: nil)
        }
        var computed: [String: ComputedIndicator] = [:]
        for indicator in catalogue.derivedInDependencyOrder {
            // Figures of different periods (a daily output and a yearly one) make no quotient.
            let inputs = reportedInputs(of: indicator, catalogue: catalogue).compactMap { study.figure($0.id) }
            guard inputs.allSatisfy({ $0.period == inputs[0].period }),
                  let formula = indicator.formula, let value = formula.evaluate({ exact[$0] }), value.isFinite else { continue }
            let rounded = indicator.decimals.map { FrenchNumber.round(value, decimals: $0) } ?? value
            var result = ComputedIndicator(definition: indicator, value: rounded,
                                           working: workings ? formula.display { operands[$0] ?? $0 } : "")
            result.qualifier = inputs.contains { $0.qualifier != nil } ? .approximately : nil
            result.period = inputs.first?.period ?? .total
            exact[indicator.id] = value
            if workings { operands[indicator.id] = indicator.unit.formatInFormula(rounded, decimals: indicator.decimals) }
            computed[indicator.id] = result
        }
        return catalogue.derived.compactMap { computed[$0.id] }
    }

    /// The derived indicators that could not be computed for this entry, each with the reported figures it lacks
    /// (constants are always known), so that a page can say why a figure is absent rather than leave a gap.
    package static func missing(_ study: CaseStudy, catalogue: IndicatorCatalogue, computed: [ComputedIndicator])
        -> [(indicator: IndicatorDefinition, lacking: [IndicatorDefinition])] {
        let done = Set(computed.map(\.definition.id))
        return catalogue.derived.filter { !done.contains($0.id) }.map { indicator in
            (indicator, reportedInputs(of: indicator, catalogue: catalogue).filter { study.figure($0.id) == nil })
        }
    }

    /// The reported figures a derived indicator rests on, through other derived ones if need be.
    package static func reportedInputs(of indicator: IndicatorDefinition, catalogue: IndicatorCatalogue) -> [IndicatorDefinition] {
        catalogue.reportedInputs[indicator.id] ?? []
    }
}
