import ShowcaseFoundation

/// Which addresses may appear in front matter and bodies: web pages, e-mail and links inside the site.
package enum URLRules {
    /// `https://…` or `http://…` with something after the scheme.
    package static func isAbsoluteWebURL(_ text: String) -> Bool {
        // Almost every address is ASCII: judged on its bytes, without lowercasing or splitting it into characters.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = text.utf8.map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
            for scheme in ["https://", "http://"] where bytes.starts(with: scheme.utf8) {
                return bytes.count > scheme.utf8.count
                    && !bytes.contains { (0x09...0x0D).contains($0) || $0 == 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                         || $0 == UInt8(ascii: "\"") }
            }
            return false
        }
        let lowered = text.lowercased()
        for scheme in ["https://", "http://"] where lowered.hasPrefix(scheme) {
            return text.count > scheme.count && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        }
        return false
    }

    /// The scheme of a link (`javascript` in `javascript:alert(1)`), or `nil` for a relative link.
    package static func scheme(of link: String) -> String? {
        // On the bytes: a scheme is ASCII letters, digits and `+-.`, and any other byte (a UTF-8 one included)
        // ends the search.
        var length = 0
        for byte in link.utf8 {
            if byte == UInt8(ascii: ":") { return length == 0 ? nil : String(link.utf8.prefix(length))!.lowercased() }
            let isSchemeByte = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isSchemeByte else { return nil }
            length += 1
        }
        return nil
    }

    /// Links a reader may follow from a case study: http, https, mailto, and relative ones.
    package static func isAllowedLink(_ link: String) -> Bool {
        guard let scheme = scheme(of: link) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }
}
