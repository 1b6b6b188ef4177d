import Foundation
import ShowcaseFoundation

/// How numbers are written in front matter, and what to say when they are not.
enum NumberSyntax {
    /// `9000`, `-3`, `1.5`, `17_000_000`; nothing else (no spaces, no comma, no unit).
    static func parse(_ text: String) -> Double? {
        var digits = text
        if digits.utf8.contains(UInt8(ascii: "_")) {
            guard !digits.hasPrefix("_"), !digits.hasSuffix("_"), !digits.contains("__") else { return nil }
            digits.removeAll { $0 == "_" }
        }
        // Every character allowed is ASCII: the bytes say as much as the characters, without grapheme breaking.
        var sawDigit = false, sawPoint = false
        for (offset, byte) in digits.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "-") where offset == 0, UInt8(ascii: "+") where offset == 0: continue
            case UInt8(ascii: ".") where !sawPoint: sawPoint = true
            default: return nil
            }
        }
        guard sawDigit, let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// The fix for a number written the way people write it in French text.
    static func help(forUnreadable text: String, quoted: Bool, name: String) -> String {
        let compact = text.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        if quoted, parse(text) != nil {
            return "retirez les guillemets : `\(name): \(text)`"
        }
        if compact != text, parse(compact) != nil {
            return "écrivez le nombre sans espace : `\(name): \(compact)`"
        }
        let withPoint = compact.replacingOccurrences(of: ",", with: ".")
        if compact.contains(","), parse(withPoint) != nil {
            return "utilisez un point comme séparateur décimal : `\(name): \(withPoint)`"
        }
        if let millions = Self.millions(compact) {
            return "écrivez le montant en euros, chiffres seuls : `\(name): \(millions)`"
        }
        let stripped = compact.filter { $0.isNumber || $0 == "." }
        if !stripped.isEmpty, parse(stripped) != nil {
            return "écrivez le nombre seul, sans unité ni texte : `\(name): \(stripped)` (l'unité est connue du catalogue)"
        }
        return "écrivez un nombre en chiffres, par exemple `\(name): 9000` ; si le chiffre est inconnu, supprimez la ligne"
    }

    /// `17M€`, `17 M€`, `1,5M€` → the amount in euros, for the help text.
    private static func millions(_ compact: String) -> String? {
        let lowered = compact.lowercased()
        for suffix in ["m€", "meur", "millions€", "millionsd'euros", "md€"] where lowered.hasSuffix(suffix) {
            let number = String(lowered.dropLast(suffix.count)).replacingOccurrences(of: ",", with: ".")
            let factor = suffix == "md€" ? 1_000_000_000.0 : 1_000_000.0
            guard let value = parse(number), abs(value * factor) < largest else { return nil }
            return String(Int((value * factor).rounded()))
        }
        return nil
    }

    /// No figure of a public purchase comes near a million billion: beyond, it is a typing slip (and numbers that
    /// large lose their last digits in computation).
    static let largest = 1e15

    static func boundsMessage(name: String, text: String, bounds: ClosedRange<Double>) -> String {
        if let value = parse(text), value < 0, bounds.lowerBound >= 0 {
            return "« \(name) » ne peut pas être négatif (\(text))"
        }
        return "« \(name) » vaut \(text), hors des bornes permises"
    }

    static func boundsHelp(_ bounds: ClosedRange<Double>) -> String {
        let low = FrenchNumber.format(bounds.lowerBound, decimals: nil)
        if bounds.upperBound == .greatestFiniteMagnitude || bounds.upperBound == .infinity {
            return "la valeur doit être supérieure ou égale à \(low) ; si le chiffre est inconnu, supprimez la ligne"
        }
        let high = FrenchNumber.format(bounds.upperBound, decimals: nil)
        return "la valeur doit être comprise entre \(low) et \(high)"
    }
}
