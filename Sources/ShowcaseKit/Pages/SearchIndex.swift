/// The search index written at build time (`recherche.json`): one record per entry, read by the site's own
/// search script. Text is plain (no markup), so the script never has to interpret HTML.
enum SearchIndex {
    static func json(_ entries: [(view: EntryView, study: CaseStudy)]) -> String {
        JSONValue.array(entries.map { entry in
            .object([
                ("titre", .string(entry.view.title)),
                ("chemin", .string(entry.view.path)),
                ("resume", .string(entry.view.summary)),
                ("porteur", .string(entry.view.buyer.name)),
                ("lieu", .optional(entry.view.place)),
                ("departement", .optional(entry.view.buyer.departement)),
                ("mecanismes", .array(entry.view.mechanisms.map { .string("\($0.title) \($0.article)") })),
                ("partenaires", .array(entry.view.partners.map { .string($0.name) })),
                ("prix", .optional(entry.view.award.map { "\($0.statusLabel) \($0.programme) \($0.edition) \($0.category ?? "")" })),
                ("texte", .string(PlainText.fromHTML(entry.view.bodyHTML))),
            ])
        }).compact + "\n"
    }
}

/// Text without markup, from the HTML cmark renders: tags dropped, the five entities it writes decoded,
/// whitespace collapsed.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
