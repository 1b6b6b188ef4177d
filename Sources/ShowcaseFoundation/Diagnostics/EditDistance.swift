/// "Did you mean…?" suggestions for names typed by people.
package enum Suggestion {
    /// The candidate closest to `typed`, if it is close enough to be what the writer meant.
    ///
    /// Case and accents are ignored first (`Résumé` is `resume`); then the Levenshtein distance must be at most
    /// a third of the name's length (and at least 1), so that `heures_insertio` finds `heures_insertion` but `titre`
    /// does not suggest `date`.
    package static func closest(to typed: String, among candidates: [String]) -> String? {
        let folded = fold(typed)
        if let exact = candidates.first(where: { fold($0) == folded }) { return exact }
        let limit = max(1, folded.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = levenshtein(Array(folded), Array(fold(candidate)))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The help for a name that names nothing: the closest known one (« vouliez-vous dire … ? »), else the list
    /// of known ones after `listing`, else `whenNone` when there is none.
    package static func help(for typed: String, among known: [String], listing: String, whenNone: String) -> String {
        closest(to: typed, among: known).map { "vouliez-vous dire « \($0) » ?" }
            ?? (known.isEmpty ? whenNone : listing + known.map { "`\($0)`" }.joined(separator: ", "))
    }

    /// Lowercased, without diacritics, with spaces, hyphens and underscores taken as the same separator.
    package static func fold(_ name: String) -> String {
        // Scalar by scalar into one view: every entry's sort key is made this way, at every build.
        var folded = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                folded.append("_")
            } else {
                folded.append(scalar.isASCII ? scalar : diacriticFree[scalar] ?? scalar)
            }
        }
        return String(folded)
    }

    private static let diacriticFree: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, Unicode.Scalar)] = [
            ("àâäáã", "a"), ("çć", "c"), ("éèêë", "e"), ("îïíì", "i"), ("ôöóòõ", "o"), ("ùûüú", "u"), ("ÿ", "y"),
            ("ñ", "n"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (accented, plain) in pairs { for scalar in accented.unicodeScalars { table[scalar] = plain } }
        return table
    }()

    package static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
