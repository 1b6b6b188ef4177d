import ShowcaseFoundation

/// Formats of the identifiers public procurement uses (DECP v2).
package enum Identifiers {
    /// 14 digits passing the Luhn check (La Poste's SIRETs, which use another rule, are accepted too).
    package static func isSIRET(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 14, digits.count == 14, text.allSatisfy(\.isASCII) else { return false }
        if text.hasPrefix("356000000") { return digits.reduce(0, +) % 5 == 0 }
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
