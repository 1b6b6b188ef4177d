import ShowcaseFoundation

/// An `id` for each heading of a story, made from its text (`## Ce que cela change` → `ce-que-cela-change`),
/// unique in the story (a second one gets `-2`), so that a jury's evidence and a reader can link to it.
struct HeadingAnchors {
    let anchors: [String]

    init(titles: [String]) {
        var used = Set<String>(), anchors: [String] = []
        for title in titles {
            let base = Slug.make(title).isEmpty ? "intertitre" : Slug.make(title)
            var anchor = base, count = 1
            while !used.insert(anchor).inserted {
                count += 1
                anchor = "\(base)-\(count)"
            }
            anchors.append(anchor)
        }
        self.anchors = anchors
    }

    /// The HTML with `id` on each heading, in order. cmark writes headings as a bare `<h2>`…`<h6>`, and no other
    /// text of the story can hold one: its raw HTML is dropped and its `<` escaped.
    func insert(into html: String) -> String {
        guard !anchors.isEmpty else { return html }
        var result = "", remaining = anchors[...]
        result.reserveCapacity(html.utf8.count + anchors.count * 24)
        var rest = Substring(html)
        while let next = remaining.first, let range = Self.nextHeading(in: rest) {
            result += rest[..<range.lowerBound]
            result += rest[range].dropLast()
            result += " id=\"" + RenderedMarkdown.anchorPrefix + next + "\">"
            rest = rest[range.upperBound...]
            remaining = remaining.dropFirst()
        }
        return result + rest
    }

    private static func nextHeading(in text: Substring) -> Range<Substring.Index>? {
        var search = text.startIndex
        while let open = text[search...].range(of: "<h") {
            let level = open.upperBound
            if level < text.endIndex, ("2"..."6").contains(text[level]) {
                let close = text.index(after: level)
                if close < text.endIndex, text[close] == ">" { return open.lowerBound..<text.index(after: close) }
            }
            search = open.upperBound
        }
        return nil
    }
}
