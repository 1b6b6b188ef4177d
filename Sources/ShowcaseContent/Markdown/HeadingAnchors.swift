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
    /// text of the story can hold one: its raw HTML is dropped and its `<` escaped. Works on the bytes: the
    /// story of every entry goes through here.
    func insert(into html: String) -> String {
        guard !anchors.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + anchors.count * 24)
        var next = 0
        html.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                output.append(byte)
                if byte == UInt8(ascii: "<"), next < anchors.count, index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
                   (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">") {
                    output.append(bytes[index + 1])
                    output.append(bytes[index + 2])
                    output += Array(" id=\"\(RenderedMarkdown.anchorPrefix)\(anchors[next])\">".utf8)
                    next += 1
                    index += 4
                    continue
                }
                index += 1
            }
        }
        return output.isEmpty ? html : String(decoding: output, as: UTF8.self)
    }
}
