import Foundation
import ShowcaseFoundation

/// Page names in URLs, made from file names: lowercase ASCII letters, digits and hyphens.
package enum Slug {
    /// `Collège d'Angresse` → `college-d-angresse`; `2ᵉ lot` → `2e-lot`; `Œuvre` → `oeuvre`.
    package static func make(_ text: String) -> String {
        // Most names already are slugs (file names chosen by `showcase new`): no Unicode work for them.
        if isSlug(text) { return text }
        var slug = ""
        let ligatures: [Character: String] = ["œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"]
        let plain = String(text.flatMap { ligatures[$0] ?? String($0) }).decomposedStringWithCompatibilityMapping
        for scalar in plain.lowercased().unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Lowercase ASCII letters and digits, joined by single hyphens.
    static func isSlug(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    static func fromFileName(_ name: String) -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return make(stem)
    }

    /// A file name that is not already its slug is reported: URLs must not depend on how a name is encoded.
    /// The longest name a page may have: the site's files add `.html` to it, and file systems stop at 255
    /// bytes a name, so a longer one would pass `check` and break `build`.
    package static let maximumLength = 200

    static func problem(withFileName name: String, path: String) -> Diagnostic? {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let slug = make(stem)
        if slug.utf8.count > maximumLength {
            return .error(.invalidFileName, "le nom de fichier « \(name) » est trop long pour une adresse de page : \(slug.utf8.count) caractères, \(maximumLength) au plus",
                          at: .startOf(path), help: "raccourcissez-le : quelques mots suffisent, le titre de la fiche dit le reste")
        }
        guard stem != slug else { return nil }
        return .error(.invalidFileName, "le nom de fichier « \(name) » ne peut pas servir d'adresse de page",
                      at: .startOf(path),
                      help: slug.isEmpty ? "renommez le fichier avec des lettres sans accent, des chiffres et des tirets"
                          : "renommez le fichier en « \(slug).md » (minuscules sans accent, chiffres et tirets)")
    }
}
