import ShowcaseFoundation

/// The checks a catalogue must pass before any formula is evaluated: every name known, no cycle, no division by
/// a figure that can be zero. Returns the derived indicators in an order where each comes after its inputs.
enum CatalogueChecks {
    static func check(
        indicators: [IndicatorDefinition], constants: [ConstantDefinition],
        formulaTexts: [String: Located<String>], reader: inout NodeReader
    ) -> [IndicatorDefinition] {
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let constantByID = Dictionary(constants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let knownNames = indicators.map(\.id) + constants.map(\.id)

        var valid: [String: IndicatorDefinition] = [:]
        for indicator in indicators {
            if let atMost = indicator.atMost, byID[atMost]?.isDerived != false {
                reader.report(.error(.unknownValue, "« au_plus » nomme « \(atMost) », qui n'est pas un chiffre déclaré du catalogue",
                                     at: indicator.location, help: suggestion(atMost, knownNames)))
            }
            guard let formula = indicator.formula else { continue }
            let unknown = formula.names.filter { byID[$0] == nil && constantByID[$0] == nil }
            for name in unknown {
                reader.report(.error(.formulaUnknownName, "la formule de « \(indicator.id) » nomme « \(name) », qui n'existe pas",
                                     at: location(of: name, in: formulaTexts[indicator.id], fallback: indicator.location),
                                     help: suggestion(name, knownNames)))
            }
            if unknown.isEmpty { valid[indicator.id] = indicator }
        }

        let order = dependencyOrder(indicators.filter { valid[$0.id] != nil }, reader: &reader, formulaTexts: formulaTexts)
        var ranges: [String: ClosedRange<Double>] = [:]
        for indicator in indicators where !indicator.isDerived { ranges[indicator.id] = indicator.bounds }
        for constant in constants { ranges[constant.id] = constant.bounds }
        var checked: [IndicatorDefinition] = []
        for indicator in order {
            guard let formula = indicator.formula else { continue }
            switch Interval.of(formula, ranges: ranges) {
            case .success(let range):
                ranges[indicator.id] = range
                checked.append(indicator)
            case .failure(let failure):
                let divisor = failure.name
                reader.report(.error(
                    .formulaDivisionByZero,
                    "la formule de « \(indicator.id) » divise par « \(divisor) », qui peut valoir zéro",
                    at: location(of: divisor, in: formulaTexts[indicator.id], fallback: indicator.location),
                    help: "donnez à « \(divisor) » une borne `min` strictement positive dans le catalogue"))
            }
        }
        return checked
    }

    /// Derived indicators sorted so that each follows those it uses; those on a cycle are reported and left out.
    private static func dependencyOrder(
        _ declared: [IndicatorDefinition], reader: inout NodeReader, formulaTexts: [String: Located<String>]
    ) -> [IndicatorDefinition] {
        let derived = Dictionary(declared.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [IndicatorDefinition] = []
        var state: [String: Bool] = [:]  // false: being visited, true: done
        var reported = Set<String>()

        func visit(_ id: String, path: [String]) -> Bool {
            if state[id] == true { return true }
            guard let indicator = derived[id] else { return true }
            if state[id] == false {
                let cycle = Array(path.drop { $0 != id }) + [id]
                if reported.insert(id).inserted {
                    reader.report(.error(.formulaCycle, "les formules tournent en rond : " + cycle.joined(separator: " → "),
                                         at: formulaTexts[id]?.location ?? indicator.location,
                                         help: "une formule ne peut pas dépendre, même indirectement, de son propre résultat"))
                }
                return false
            }
            state[id] = false
            var ok = true
            for name in indicator.formula?.names ?? [] where derived[name] != nil {
                if !visit(name, path: path + [id]) { ok = false }
            }
            state[id] = true
            if ok { order.append(indicator) }
            return ok
        }
        for indicator in declared { _ = visit(indicator.id, path: []) }
        return order
    }

    private static func suggestion(_ name: String, _ known: [String]) -> String {
        Suggestion.closest(to: name, among: known).map { "vouliez-vous dire « \($0) » ?" }
            ?? "les noms connus sont : " + known.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// The place of `name` inside a one-line formula, or the formula itself.
    private static func location(of name: String, in text: Located<String>?, fallback: SourceLocation) -> SourceLocation {
        guard let text else { return fallback }
        guard let range = text.value.range(of: name) else { return text.location }
        var location = text.location
        location.column += text.value.unicodeScalars.distance(from: text.value.startIndex, to: range.lowerBound)
        location.length = name.unicodeScalars.count
        return location
    }
}

/// Interval arithmetic over the bounds of indicators and constants: the values a formula can take.
enum Interval {
    /// The range of `formula`, or the name of a divisor whose range contains zero.
    static func of(_ formula: Formula, ranges: [String: ClosedRange<Double>]) -> Result<ClosedRange<Double>, NamedDivisor> {
        switch formula {
        case .number(let value): return .success(value...value)
        case .name(let name): return .success(ranges[name] ?? -Double.infinity...Double.infinity)
        case .negate(let inner): return of(inner, ranges: ranges).map { (-$0.upperBound)...(-$0.lowerBound) }
        case .binary(let op, let lhs, let rhs):
            let left: ClosedRange<Double>, right: ClosedRange<Double>
            switch (of(lhs, ranges: ranges), of(rhs, ranges: ranges)) {
            case (.failure(let e), _), (_, .failure(let e)): return .failure(e)
            case (.success(let l), .success(let r)): (left, right) = (l, r)
            }
            switch op {
            case .add: return .success((left.lowerBound + right.lowerBound)...(left.upperBound + right.upperBound))
            case .subtract: return .success((left.lowerBound - right.upperBound)...(left.upperBound - right.lowerBound))
            case .multiply: return .success(product(left, right))
            case .divide:
                guard !right.contains(0) else { return .failure(NamedDivisor(rhs.names.first ?? "?")) }
                return .success(product(left, (1 / right.upperBound)...(1 / right.lowerBound)))
            }
        }
    }

    struct NamedDivisor: Error, CustomStringConvertible {
        let name: String
        init(_ name: String) { self.name = name }
        var description: String { name }
    }

    private static func product(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
        let candidates = [a.lowerBound * b.lowerBound, a.lowerBound * b.upperBound,
                          a.upperBound * b.lowerBound, a.upperBound * b.upperBound].map { $0.isNaN ? 0 : $0 }
        return candidates.min()!...candidates.max()!
    }
}
