import Foundation
import ShowcaseFoundation

/// Page names in URLs, made from file names: lowercase ASCII letters, digits and hyphens.
package enum Slug {
    /// `Collège d'Angresse` → `college-d-angresse`; `2ᵉ lot` → `2e-lot`; `Œuvre` → `oeuvre`.
    package static func make(_ text: String) -> String {
        // Most names already are slugs (file names chosen by `showcase new`): no Unicode work for them.
        if isSlug(text) { return text }
        if let quick = latinSlug(text) { return quick }
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

    /// The slug of a text in ASCII and the accented letters of French, without Foundation's Unicode work (a
    /// story's headings are slugged at every rendering); `nil` for any other letter.
    private static func latinSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        func add(_ letters: String) {
            for byte in letters.utf8 { bytes.append(byte) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
                }
            } else if let plain = frenchLetters[scalar] {
                add(plain)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || (0x0300...0x036F).contains(value) {
                return nil  // another letter, digit or accent: Foundation's mapping decides
            } else if let last = bytes.last, last != UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "-"))  // a space, a quotation mark, an apostrophe…
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let frenchLetters: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let groups: [(String, String)] = [
            ("àâäáãåÀÂÄÁÃÅ", "a"), ("éèêëÉÈÊË", "e"), ("îïíìÎÏÍÌ", "i"), ("ôöóòõÔÖÓÒÕ", "o"), ("ùûüúÙÛÜÚ", "u"),
            ("çÇ", "c"), ("ÿŸ", "y"), ("ñÑ", "n"),
        ]
        for (letters, plain) in groups { for scalar in letters.unicodeScalars { table[scalar] = plain } }
        for (scalar, plain) in [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss")] as [(Unicode.Scalar, String)] {
            table[scalar] = plain
        }
        return table
    }()

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

    /// - Parameter slug: the name's slug (`fromFileName`), already made by the caller.
    static func problem(withFileName name: String, slug: String, path: String) -> Diagnostic? {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
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
