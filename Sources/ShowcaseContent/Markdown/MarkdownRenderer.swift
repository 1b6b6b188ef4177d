#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMark
import ShowcaseFoundation

/// HTML rendered from a case study's Markdown body, with what the writer should know about it.
package struct RenderedMarkdown: Sendable {
    package var html: String
    package var diagnostics: [Diagnostic]
    /// The story's headings, in order: the anchor each has in the page (`id="section-…"` minus the prefix)
    /// and its text. Evidence for a jury cites them by anchor.
    package var headings: [(anchor: String, title: String)] = []

    package var anchors: [String] { headings.map(\.anchor) }

    /// The prefix of a heading's `id` in the page, so that a story's « Sources » never collides with the page's.
    package static let anchorPrefix = "section-"
}

/// Renders Markdown bodies through libcmark (CommonMark). The only file that imports CMark; it owns and frees
/// every piece of C memory it gets.
///
/// Safe by default: raw HTML never passes (cmark writes `<!-- raw HTML omitted -->` and the writer gets a warning),
/// and a link may only point to http, https, mailto or a relative address; any other is emptied with a warning.
/// Images are not written in the text (an error): photos are declared in the front matter, where their text
/// alternative and credit are required, and no image is ever loaded from another site. Headings are shifted so that the body's first level is `<h2>`, the page title being the only `<h1>`.
package struct MarkdownRenderer: Sendable {
    package init() {}

    /// - Parameters:
    ///   - markdown: the body.
    ///   - file: the file it comes from, for diagnostic positions.
    ///   - firstLine: the line of `file` on which the body starts.
    ///   - producingHTML: false for `check`, which needs the problems and the headings' anchors, not the page.
    package func render(_ markdown: String, file: SourceFile, firstLine: Int, producingHTML: Bool = true) -> RenderedMarkdown {
        let options = CMARK_OPT_DEFAULT
        let document = markdown.withCString { cmark_parse_document($0, markdown.utf8.count, options) }
        guard let document else { return RenderedMarkdown(html: "", diagnostics: []) }
        defer { cmark_node_free(document) }

        var diagnostics: [Diagnostic] = []
        var headings: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        var paragraphs: [OpaquePointer] = []
        func location(of node: OpaquePointer, length: Int) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
            let column = file.scalarColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
            return file.location(line: line, column: column, length: length)
        }

        Self.forEachNode(in: document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_PARAGRAPH:
                paragraphs.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let firstLineOfHTML = literal.split(separator: "\n").first.map(String.init) ?? literal
                diagnostics.append(.warning(
                    .rawHTMLIgnored, "le HTML écrit dans le texte n'est pas repris dans la page",
                    at: location(of: node, length: firstLineOfHTML.unicodeScalars.count),
                    help: "écrivez en Markdown : `**gras**`, `*italique*`, `[lien](https://…)` ; le HTML brut est ignoré par sécurité"))
            case CMARK_NODE_IMAGE:
                images.append(node)
                diagnostics.append(.error(
                    .imageInBody, "une image est écrite dans le texte", at: location(of: node, length: 2),
                    help: "déclarez la photo dans l'en-tête, sous `images:`, avec `fichier`, `alt` (sa description) et `credit`"))
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !URLRules.isAllowedLink(url) {
                    diagnostics.append(.warning(
                        .unsafeLink, "lien « \(url) » retiré : seules les adresses http, https, mailto et relatives sont permises",
                        at: location(of: node, length: 1),
                        help: "remplacez l'adresse par une adresse web (`https://…`)"))
                    cmark_node_set_url(node, "")
                }
            default:
                break
            }
        }

        for image in images {
            cmark_node_unlink(image)
            cmark_node_free(image)
        }

        // Pipe tables: libcmark reads them as paragraphs; each becomes a block holding the table's HTML, its
        // cells rendered like the rest of the story (their links and HTML made safe the same way). The pass
        // above already reported the paragraph's problems at their place in the line: the cells' own
        // diagnostics, positioned within each cell, are not reported again.
        // Most stories have no pipe at all: then no line is looked at. The paragraph's lines come from the
        // file's own line index (the body is the file from `firstLine` on).
        let mayHoldTables = producingHTML && !paragraphs.isEmpty && ByteSearch.contains(markdown, "|")
        for paragraph in paragraphs where mayHoldTables {
            let start = Int(cmark_node_get_start_line(paragraph)), end = Int(cmark_node_get_end_line(paragraph))
            let lines = start >= 1 && start < end ? (start...end).compactMap { file.line(firstLine + $0 - 1) } : []
            guard lines.count == end - start + 1, let table = PipeTable(lines: lines) else { continue }
            let html = table.html { text in Self.inline(render(text, file: file, firstLine: firstLine + start - 1).html) }
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_insert_before(paragraph, block)
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }

        let shallowest = headings.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 2
        if shallowest < 2 {
            for heading in headings {
                let level = Int(cmark_node_get_heading_level(heading)) + (2 - shallowest)
                cmark_node_set_heading_level(heading, Int32(min(level, 6)))
            }
        }

        let titles = headings.map(Self.plainText)
        guard producingHTML else {
            return RenderedMarkdown(html: "", diagnostics: diagnostics, headings: Array(zip(HeadingAnchors(titles: titles).anchors, titles)))
        }
        guard let rendered = cmark_render_html(document, options) else { return RenderedMarkdown(html: "", diagnostics: diagnostics) }
        defer { free(rendered) }
        let anchored = HeadingAnchors(titles: titles)
        let html = anchored.insert(into: UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                                            count: strlen(rendered)))
        return RenderedMarkdown(html: html, diagnostics: diagnostics,
                                headings: Array(zip(anchored.anchors, titles)))
    }

    /// A heading's text without its markup: what its anchor is made from.
    private static func plainText(_ heading: OpaquePointer) -> String {
        var text = ""
        forEachNode(in: heading) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Calls `body` on `root` and each node under it, in document order, as each is entered.
    private static func forEachNode(in root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node)
        }
    }

    /// A cell's HTML without the paragraph cmark wraps a line of text in.
    private static func inline(_ html: String) -> String {
        var text = html.hasSuffix("\n") ? String(html.dropLast()) : html
        if text.hasPrefix("<p>"), text.hasSuffix("</p>") { text = String(text.dropFirst(3).dropLast(4)) }
        return text
    }
}
