#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// text of the story can hold one: its raw HTML is dropped and its `<` escaped. Works on cmark's own buffer,
    /// jumping from `<` to `<`, and decodes it once: the story of every entry goes through here.
    func insert(into html: UnsafeBufferPointer<UInt8>) -> String {
        guard !anchors.isEmpty, let base = html.baseAddress else { return String(decoding: html, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + anchors.count * 48)
        var next = 0, copied = 0, index = 0
        while next < anchors.count, index < html.count,
              let found = memchr(base + index, Int32(UInt8(ascii: "<")), html.count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + 3 < html.count, html[index + 1] == UInt8(ascii: "h"),
                  (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(html[index + 2]), html[index + 3] == UInt8(ascii: ">") else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<index + 3]))
            output.append(contentsOf: " id=\"\(RenderedMarkdown.anchorPrefix)\(anchors[next])\">".utf8)
            next += 1
            index += 4
            copied = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return String(decoding: output, as: UTF8.self)
    }
}
