/// Numbers written the French way: a narrow no-break space (U+202F) between thousands, a decimal comma.
///
/// Rounding is always half away from zero (`5,65` → `5,7`), the rule people learn at school; it is the only
/// rounding `showcase` applies, and only where an indicator's `decimales` asks for it.
public enum FrenchNumber {
    package static let thousandsSeparator = "\u{202F}"
    /// Between a number and its unit: a no-break space, so that « 9 000 heures » never wraps.
    package static let unitSeparator = "\u{00A0}"

    /// - Parameter decimals: digits after the comma; `nil` shows the value as it is (no trailing zeros).
    public static func format(_ value: Double, decimals: Int?) -> String {
        let (negative, integer, fraction) = parts(value, decimals: decimals)
        let grouped = group(integer)
        return (negative ? "\u{2212}" : "") + grouped + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// Digits of `value` rounded to `decimals` (or shown with up to 6 decimals, trailing zeros dropped).
    package static func parts(_ value: Double, decimals: Int?) -> (negative: Bool, integer: String, fraction: String) {
        guard value.isFinite else { return (false, "—", "") }
        // Whole numbers shown as they are, the common case: no scaling, no zeros to trim.
        if decimals == nil, value == value.rounded(), abs(value) < exactLimit {
            return (value < 0, String(UInt64(abs(value))), "")
        }
        // Beyond, a Double has no digits after the comma to show, and its integer part no longer fits in 64 bits.
        if abs(value) >= exactLimit { return (value < 0, integerDigits(abs(value).rounded()), "") }
        let places = decimals ?? 6
        let scale = pow10(places)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = (scaled / scale).rounded(.towardZero)
        var fraction = places == 0 ? "" : digits(UInt64(scaled - whole * scale), width: places)
        if decimals == nil {
            let zeros = fraction.utf8.reversed().prefix { $0 == UInt8(ascii: "0") }.count
            fraction = String(decoding: fraction.utf8.dropLast(zeros), as: UTF8.self)
        }
        return (value < 0 && scaled != 0, digits(UInt64(whole), width: 1), fraction)
    }

    /// Below this, every whole number is exact in a Double and fits in 64 bits.
    package static let exactLimit = 1e15

    /// The decimal digits of a large whole number (`2.5e+20` → `250000000000000000000`).
    private static func integerDigits(_ value: Double) -> String {
        let text = "\(value)"
        guard let exponentMark = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let mantissa = text[..<exponentMark]
        let exponent = Int(text[text.index(after: exponentMark)...].filter { $0 != "+" }) ?? 0
        let digits = mantissa.filter { $0 != "." }
        let integerCount = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        return String(digits.prefix(max(integerCount, 1))) + String(repeating: "0", count: max(0, integerCount - digits.count))
    }

    package static func round(_ value: Double, decimals: Int) -> Double {
        let scale = pow10(decimals)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    private static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += thousandsSeparator }
            out.append(digit)
        }
        return out
    }

    private static func digits(_ value: UInt64, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    /// « 1 Mo », « 12,3 Mo »
    package static func megabytes(_ size: Int64) -> String {
        format(round(Double(size) / 1_048_576, decimals: 1), decimals: nil) + unitSeparator + "Mo"
    }
}
