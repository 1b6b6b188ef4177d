extension String {
    /// « Heures d'insertion » → « heures d'insertion », to place a label inside a sentence; acronyms (« RSA »,
    /// « ETP ») keep their capitals.
    package var lowercasedFirstLetter: String {
        guard let first, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }

    /// Without the Unicode white space at either end (no Foundation needed).
    package var trimmingWhitespace: String {
        // Nearly always nothing to trim: seen on the first and last bytes, without Unicode's tables.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
