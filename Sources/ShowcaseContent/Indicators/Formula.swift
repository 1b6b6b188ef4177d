import ShowcaseFoundation

/// An arithmetic formula over indicators and constants, as written in the catalogue
/// (`heures_insertion / base_etp`), parsed once.
package indirect enum Formula: Sendable, Hashable {
    case number(Double)
    case name(String)
    case negate(Formula)
    case binary(Operator, Formula, Formula)

    package enum Operator: Character, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"

        var precedence: Int { self == .add || self == .subtract ? 1 : 2 }
        /// How the operator is printed for readers: « ÷ » and « × » rather than `/` and `*`.
        var display: String {
            switch self {
            case .add: return "+"
            case .subtract: return "\u{2212}"
            case .multiply: return "×"
            case .divide: return "÷"
            }
        }
    }

    /// Every indicator or constant the formula names, in order of first appearance.
    package var names: [String] {
        switch self {
        case .number: return []
        case .name(let name): return [name]
        case .negate(let inner): return inner.names
        case .binary(_, let lhs, let rhs):
            let left = lhs.names
            return left + rhs.names.filter { !left.contains($0) }
        }
    }

    /// The value, or `nil` when a name has no value or a division by zero occurs.
    package func evaluate(_ value: (String) -> Double?) -> Double? {
        switch self {
        case .number(let number): return number
        case .name(let name): return value(name)
        case .negate(let inner): return inner.evaluate(value).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            guard let a = lhs.evaluate(value), let b = rhs.evaluate(value) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return b == 0 ? nil : a / b
            }
        }
    }

    /// The formula with each name replaced by `operand(name)`: « 9 000 h ÷ 1 607 h ».
    package func display(_ operand: (String) -> String) -> String {
        display(operand, parentPrecedence: 0, isRightOperand: false)
    }

    private func display(_ operand: (String) -> String, parentPrecedence: Int, isRightOperand: Bool) -> String {
        switch self {
        case .number(let number): return FrenchNumber.format(number, decimals: nil)
        case .name(let name): return operand(name)
        case .negate(let inner): return "\u{2212}" + inner.display(operand, parentPrecedence: 3, isRightOperand: false)
        case .binary(let op, let lhs, let rhs):
            let text = lhs.display(operand, parentPrecedence: op.precedence, isRightOperand: false) + " \(op.display) "
                + rhs.display(operand, parentPrecedence: op.precedence, isRightOperand: true)
            let needsParentheses = op.precedence < parentPrecedence || (op.precedence == parentPrecedence && isRightOperand)
            return needsParentheses ? "(\(text))" : text
        }
    }
}

/// A formula that could not be read, with the offset (in characters) of the problem in its text.
package struct FormulaSyntaxError: Error, Sendable, Equatable {
    package let offset: Int
    package let message: String
}

/// Reads formulas: numbers, names (`[a-z0-9_]`), `+ - * /`, parentheses; usual precedence, left to right.
package enum FormulaParser {
    package static func parse(_ text: String) -> Result<Formula, FormulaSyntaxError> {
        var parser = State(characters: Array(text))
        do {
            let formula = try parser.expression()
            parser.skipSpaces()
            if parser.position < parser.characters.count {
                throw parser.error("« \(parser.characters[parser.position]) » inattendu")
            }
            return .success(formula)
        } catch let error as FormulaSyntaxError {
            return .failure(error)
        } catch {
            return .failure(FormulaSyntaxError(offset: 0, message: "formule illisible"))
        }
    }

    private struct State {
        let characters: [Character]
        var position = 0
        var depth = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }

        func error(_ message: String) -> FormulaSyntaxError { FormulaSyntaxError(offset: position, message: message) }

        mutating func expression() throws -> Formula {
            var formula = try term()
            while let op = peekOperator([.add, .subtract]) {
                position += 1
                formula = .binary(op, formula, try term())
            }
            return formula
        }

        mutating func term() throws -> Formula {
            var formula = try factor()
            while let op = peekOperator([.multiply, .divide]) {
                position += 1
                formula = .binary(op, formula, try factor())
            }
            return formula
        }

        mutating func factor() throws -> Formula {
            skipSpaces()
            guard position < characters.count else { throw error("la formule s'arrête avant la fin d'une opération") }
            let character = characters[position]
            if character == "-" || character == "(" {
                depth += 1
                guard depth <= 32 else { throw error("formule trop imbriquée") }
            }
            if character == "-" {
                position += 1
                defer { depth -= 1 }
                return .negate(try factor())
            }
            if character == "(" {
                position += 1
                let inner = try expression()
                skipSpaces()
                guard position < characters.count, characters[position] == ")" else {
                    throw error("parenthèse « ( » jamais refermée")
                }
                position += 1
                depth -= 1
                return inner
            }
            if character.isASCII, character.isNumber {
                let start = position
                while position < characters.count,
                      characters[position].isASCII, characters[position].isNumber || characters[position] == "." {
                    position += 1
                }
                guard let value = Double(String(characters[start..<position])) else {
                    position = start
                    throw error("nombre mal écrit")
                }
                return .number(value)
            }
            if character.isASCII, character.isLetter || character == "_" {
                let start = position
                while position < characters.count, characters[position].isASCII,
                      characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
                    position += 1
                }
                return .name(String(characters[start..<position]))
            }
            throw error("« \(character) » inattendu")
        }

        mutating func peekOperator(_ allowed: [Formula.Operator]) -> Formula.Operator? {
            skipSpaces()
            guard position < characters.count, let op = Formula.Operator(rawValue: characters[position]),
                  allowed.contains(op) else { return nil }
            return op
        }
    }
}
