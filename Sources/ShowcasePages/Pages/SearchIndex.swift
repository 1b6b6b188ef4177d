import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The search index written at build time (`recherche.json`): one record per entry, read by the site's own
/// search script. Text is plain (no markup), so the script never has to interpret HTML.
package enum SearchIndex {
    /// Characters of each body kept in the index: enough to find an entry by what its story is about, while a
    /// site of 10 000 entries keeps an index the browser downloads in a moment.
    static let excerptLength = 400

    /// A JSON array, one record per entry in home-page order.
    package static let file = RecordFile(opening: [UInt8(ascii: "[")], separator: [UInt8(ascii: ",")], closing: Array("]\n".utf8))

    /// One entry's record: where it is, what it is about, and the beginning of its story as plain text.
    package static func record(_ view: EntryView, bodyHTML: String) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.field("titre", view.title)
            json.field("chemin", view.path)
            json.field("resume", view.summary)
            json.field("porteur", view.buyer.name)
            json.field("lieu", view.place)
            json.field("departement", view.buyer.departement)
            json.key("mecanismes")
            json.array { json in for mechanism in view.mechanisms { json.string("\(mechanism.title) \(mechanism.article)") } }
            json.key("partenaires")
            json.array { json in for partner in view.partners { json.string(partner.name) } }
            json.field("prix", view.award.map { "\($0.statusLabel) \($0.programme) \($0.edition) \($0.category ?? "")" })
            json.field("texte", PlainText.fromHTML(bodyHTML, limit: excerptLength))
        }
        return json.bytes
    }
}

/// Text without markup, from the HTML cmark renders: tags dropped, the five entities it writes decoded,
/// whitespace collapsed.
enum PlainText {
    /// At most `limit` characters (cut at a word), working on UTF-8 bytes through a pointer: this runs once per
    /// entry, and stepping through a substring's view cost a check at every byte.
    static func fromHTML(_ html: String, limit: Int = .max) -> String {
        var html = html
        let bytes = html.withUTF8 { source -> [UInt8] in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(source.count, limit))
            var inTag = false, pendingSpace = false, characters = 0, index = 0
            while index < source.count, characters < limit {
                let byte = source[index]
                index += 1
                if byte == UInt8(ascii: "<") { inTag = true; pendingSpace = true; continue }
                if byte == UInt8(ascii: ">") { inTag = false; continue }
                if inTag { continue }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") { pendingSpace = true; continue }
                var decoded = byte
                if byte == UInt8(ascii: "&") {
                    for (name, character) in entities where source[index...].starts(with: name) {
                        decoded = character
                        index += name.count
                        break
                    }
                }
                if pendingSpace, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")); characters += 1 }
                pendingSpace = false
                bytes.append(decoded)
                if byte & 0xC0 != 0x80 { characters += 1 }
            }
            if characters >= limit, let lastSpace = bytes.lastIndex(of: UInt8(ascii: " ")) {
                bytes.removeSubrange(lastSpace...)
                bytes += Array(" …".utf8)
            }
            return bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The entities cmark writes, after their `&`.
    private static let entities: [(name: [UInt8], character: UInt8)] = [
        ("lt;", UInt8(ascii: "<")), ("gt;", UInt8(ascii: ">")), ("quot;", UInt8(ascii: "\"")), ("#39;", UInt8(ascii: "'")),
        ("amp;", UInt8(ascii: "&")),
    ].map { (Array($0.0.utf8), $0.1) }
}
