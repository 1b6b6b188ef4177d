extension String {
    /// « Heures d'insertion » → « heures d'insertion », to place a label inside a sentence; acronyms (« RSA »,
    /// « ETP ») keep their capitals.
    package var lowercasedFirstLetter: String {
        guard let first, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }

    /// Without the Unicode white space at either end (no Foundation needed).
    package var trimmingWhitespace: String {
        if !mayHaveSpaceAtAnEnd { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// False when both ends are printable ASCII that is not a space, so that no trimming, Unicode's or
    /// Foundation's, has anything to remove: known from two bytes, where trimming consults Unicode's tables,
    /// and nearly every value read is so.
    package var mayHaveSpaceAtAnEnd: Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        return !((0x21...0x7E).contains(first) && (0x21...0x7E).contains(last))
    }
}
