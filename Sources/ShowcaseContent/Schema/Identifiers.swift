import ShowcaseFoundation

/// Formats of the identifiers public procurement uses (DECP v2).
package enum Identifiers {
    /// La Poste's company number: its establishments' SIRETs may follow another rule.
    static let laPosteSIREN = "356000000"

    /// 14 digits passing the Luhn check. La Poste's establishments (SIREN 356000000) may instead have digits
    /// summing to a multiple of 5: an alternative, not a replacement (its head office, 35600000000048, passes
    /// Luhn).
    package static func isSIRET(_ text: String) -> Bool {
        guard let digits = digits(text, count: 14) else { return false }
        return passesLuhn(digits) || (text.hasPrefix(laPosteSIREN) && digits.reduce(0, +) % 5 == 0)
    }

    /// 9 digits passing the Luhn check: a company, where a SIRET names one of its establishments.
    package static func isSIREN(_ text: String) -> Bool {
        digits(text, count: 9).map(passesLuhn) ?? false
    }

    private static func digits(_ text: String, count: Int) -> [Int]? {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == count, digits.count == count, text.allSatisfy(\.isASCII) else { return nil }
        return digits
    }

    private static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    /// `45214200` or `45214200-2`.
    package static func isCPV(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 8, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.count == 1 || (parts[1].count == 1 && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
    }
}
