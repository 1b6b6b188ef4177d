import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation

/// Reads YAML text into a `YAMLDocument` whose positions are positions in the project file.
///
/// The only file that imports libyaml. It writes the parser's events into the document's flat list itself (never
/// decodes blind, which would lose the line numbers) and leaves every scalar as text: the schema decides what it
/// means. An alias points at its anchor's node and counts as many values as that node holds, within a budget, so
/// a "billion laughs" cannot make the schema walk an exponential tree; a key written twice in one mapping is
/// reported at its second occurrence.
package enum YAMLReader {
    /// Most values a front matter may hold once aliases are expanded: a real fiche has a few hundred; a YAML
    /// "billion laughs" made of nested aliases would otherwise take exponential time and memory here.
    static let nodeLimit = 50_000
    /// Deepest nesting accepted: a fiche needs four levels; thousands of `[` would exhaust the stack.
    static let depthLimit = 64

    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - file: the file it comes from, to turn YAML positions into file positions.
    ///   - firstLine: the line of `file` on which `yaml` starts.
    package static func read(_ yaml: String, in file: SourceFile, firstLine: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        var composer = Composer(file: file, lineOffset: firstLine - 1)
        var text = yaml
        return text.withUTF8 { bytes in
            if let separator = lineSeparator(in: bytes, file: file, firstLine: firstLine) { return .failure(separator) }
            return composer.compose(bytes)
        }
    }

    /// The first U+2028 or U+2029 of the text, refused: libyaml reads each as a line break the writer does not
    /// see (a value cut in two, every position after it one line off), where showcase counts lines at `\n`.
    private static func lineSeparator(in bytes: UnsafeBufferPointer<UInt8>, file: SourceFile, firstLine: Int) -> Diagnostic? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        // From one 0xE2 to the next: typographic apostrophes start with it too.
        while offset + 2 < bytes.count, let found = memchr(base + offset, 0xE2, bytes.count - 2 - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            offset = index + 1
            guard bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else { continue }
            let before = bytes[..<index]
            let line = firstLine + before.count { $0 == UInt8(ascii: "\n") }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
            let name = bytes[index + 2] == 0xA8 ? "U+2028" : "U+2029"
            return .error(.yamlSyntax, "séparateur de ligne invisible (\(name)) dans l'en-tête : YAML y voit un retour à la ligne qui ne se voit pas",
                          at: file.location(line: line, column: column),
                          help: "supprimez-le, ou remplacez-le par un vrai retour à la ligne ; il vient souvent d'un copier-coller depuis un traitement de texte")
        }
        return nil
    }

    /// Turns libyaml's events into one `YAMLDocument`: each node appended as its event comes, a container's
    /// extent and size written when it ends.
    private struct Composer {
        typealias Entry = YAMLDocument.Entry

        let file: SourceFile
        let lineOffset: Int
        var anchors: [String: Int] = [:]
        var budget = YAMLReader.nodeLimit
        private var entries: [Entry] = []
        private var bytes: [UInt8] = []
        /// The open mappings and sequences, innermost last.
        private var stack: [Container] = []
        /// The keys of every open mapping, as positions of their scalars, each mapping's after its parent's (a
        /// mapping is finished before its parent, so its own are the last ones).
        private var keys: [Int] = []

        init(file: SourceFile, lineOffset: Int) {
            self.file = file
            self.lineOffset = lineOffset
            stack.reserveCapacity(8)
            keys.reserveCapacity(64)
            entries.reserveCapacity(256)
            bytes.reserveCapacity(4096)
        }

        /// An open mapping or sequence.
        private struct Container {
            var index: Int
            var isMapping: Bool
            var anchor: String?
            /// Where its keys start in the composer's.
            var keyStart: Int
            /// Items of a sequence, pairs of a mapping, so far.
            var count = 0
            var size = 1
            /// For a mapping, whether the next child is a key's value.
            var awaitsValue = false
            /// The mapping's key names, hashed only once there are many: most mappings hold a handful, which a
            /// look through them checks faster than hashing each name.
            var hashedKeys: Set<String> = []
        }

        /// Whether the key (a scalar's position) is new in the innermost mapping. Compared byte for byte while
        /// the mapping is small, as strings when one holds more than ASCII (the same name may be encoded two
        /// ways), and hashed once it holds many: a fiche's mappings hold a few dozen keys at most, a hostile one
        /// thousands.
        private mutating func insertKey(_ key: Int) -> Bool {
            let top = stack.count - 1
            if stack[top].hashedKeys.isEmpty, keys.count - stack[top].keyStart < 64 {
                for earlier in keys[stack[top].keyStart...] where sameKey(earlier, key) { return false }
                keys.append(key)
                return true
            }
            if stack[top].hashedKeys.isEmpty { stack[top].hashedKeys = Set(keys[stack[top].keyStart...].map(text)) }
            return stack[top].hashedKeys.insert(text(key)).inserted
        }

        private func sameKey(_ first: Int, _ second: Int) -> Bool {
            let (one, other) = (entries[first], entries[second])
            if one.count == other.count, bytes.withUnsafeBufferPointer({
                one.count == 0 || memcmp($0.baseAddress! + one.start, $0.baseAddress! + other.start, one.count) == 0
            }) {
                return true
            }
            return (!one.isASCII || !other.isASCII) && text(first) == text(second)
        }

        private func text(_ index: Int) -> String {
            YAMLDocument.text(of: entries[index], in: bytes)
        }

        /// Ends the innermost container: its extent, count and size are known now.
        private mutating func close() -> (index: Int, anchor: String?) {
            let container = stack.removeLast()
            keys.removeSubrange(container.keyStart...)
            entries[container.index].end = entries.count
            entries[container.index].count = container.count
            entries[container.index].size = container.size
            return (container.index, container.anchor)
        }

        mutating func compose(_ input: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode?, Diagnostic> {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.error(.yamlSyntax, "mémoire insuffisante pour lire l'en-tête", at: location(line: 0, column: 0)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, input.baseAddress ?? UnsafePointer(bitPattern: 1)!, input.count)

            var root: Int?
            var documents = 0
            var duplicate: Diagnostic?
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(syntaxError(parser)) }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                // The node this event finished, as written (an alias stays one), and the anchor it carries.
                var finished: Int?
                var finishedAnchor: String?
                if let tag = explicitTag(event) {
                    return .failure(.error(
                        .yamlSyntax, "l'étiquette YAML « \(tag) » n'est pas prise en charge : showcase lit chaque valeur d'après le schéma",
                        at: location(line: mark.line, column: mark.column, length: tag.unicodeScalars.count),
                        help: "supprimez « \(tag) » et laissez la valeur seule"))
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if let duplicate { return .failure(duplicate) }
                    let document = YAMLDocument(entries: entries, bytes: bytes)
                    return .success(root.map { YAMLNode(document, $0) })
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return .failure(.error(.yamlSyntax, "un second en-tête `---` est ouvert dans l'en-tête",
                                               at: location(line: mark.line, column: mark.column),
                                               help: "gardez une seule ligne `---` au début et une à la fin de l'en-tête"))
                    }
                    continue
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let decoded = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    // Characters of its first line, counted on the bytes (every scalar of every file passes here):
                    // each byte that does not continue a UTF-8 sequence starts a scalar.
                    var scalars = 0, firstLine = true, isASCII = true
                    for byte in decoded {
                        if byte == UInt8(ascii: "\n") { firstLine = false }
                        if firstLine, byte & 0xC0 != 0x80 { scalars += 1 }
                        if byte >= 0x80 { isASCII = false }
                    }
                    let width = scalars + (quoted ? 2 : 0)
                    let place = location(line: mark.line, column: mark.column, length: width)
                    // Only double quotes decode escapes. A character typed as it is was already reported when the
                    // file was read: only one that the written lines do not hold came from an escape.
                    if scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE,
                       let refused = InvisibleCharacters.refusedInDecodedValue(decoded, at: place),
                       !file.text(fromLine: mark.line + 1 + lineOffset, toLine: event.end_mark.line + 1 + lineOffset)
                           .unicodeScalars.contains(where: { $0.value == refused.scalar }) {
                        return .failure(refused.diagnostic)
                    }
                    finished = entries.count
                    entries.append(Entry(shape: quoted ? .quotedScalar : .scalar, location: place, start: bytes.count,
                                         count: decoded.count, end: entries.count + 1, size: 1, isASCII: isASCII))
                    bytes.append(contentsOf: decoded)
                    finishedAnchor = string(scalar.anchor)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard stack.count < YAMLReader.depthLimit else {
                        return .failure(.error(.yamlSyntax, "en-tête trop imbriqué : plus de \(YAMLReader.depthLimit) niveaux",
                                               at: location(line: mark.line, column: mark.column),
                                               help: "une fiche n'a besoin que de quelques niveaux d'indentation"))
                    }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                    stack.append(Container(index: entries.count, isMapping: isMapping, anchor: anchor, keyStart: keys.count))
                    entries.append(Entry(shape: isMapping ? .mapping : .sequence, location: location(line: mark.line, column: mark.column),
                                         start: 0, count: 0, end: 0, size: 1))
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    (finished, finishedAnchor) = close()
                case YAML_ALIAS_EVENT:
                    guard let name = string(event.data.alias.anchor), let target = anchors[name] else {
                        return .failure(.error(.yamlSyntax, "alias `*` qui ne renvoie à aucune ancre",
                                               at: location(line: mark.line, column: mark.column),
                                               help: "supprimez l'alias ou l'astérisque"))
                    }
                    let size = entries[target].size
                    budget -= size
                    guard budget >= 0 else {
                        return .failure(.error(
                            .yamlSyntax, "en-tête démesuré : plus de \(YAMLReader.nodeLimit) valeurs une fois les alias `*` développés",
                            at: location(line: mark.line, column: mark.column),
                            help: "une fiche n'a besoin ni d'ancres `&` ni d'alias `*` : écrivez chaque valeur en clair"))
                    }
                    finished = entries.count
                    entries.append(Entry(shape: .alias, location: entries[target].location, start: target, count: 0,
                                         end: entries.count + 1, size: size))
                default:
                    continue
                }
                guard let written = finished else { continue }
                let node = entries[written].shape == .alias ? entries[written].start : written
                if let finishedAnchor { anchors[finishedAnchor] = node }
                budget -= 1
                guard budget >= 0 else {
                    return .failure(.error(.yamlSyntax, "en-tête démesuré : plus de \(YAMLReader.nodeLimit) valeurs",
                                           at: location(line: mark.line, column: mark.column)))
                }
                guard !stack.isEmpty else {
                    root = written
                    continue
                }
                let top = stack.count - 1
                if !stack[top].isMapping {
                    stack[top].count += 1
                    stack[top].size += entries[node].size
                } else if stack[top].awaitsValue {
                    stack[top].count += 1
                    stack[top].size += 1 + entries[node].size
                    stack[top].awaitsValue = false
                } else {
                    let key = entries[node]
                    guard key.shape == .scalar || key.shape == .quotedScalar else {
                        let description = key.shape == .mapping ? "un groupe de champs" : "une liste"
                        return .failure(.error(.yamlSyntax, "un nom de champ doit être du texte, pas \(description)",
                                               at: key.location, help: "écrivez `nom: valeur`"))
                    }
                    if !insertKey(node), duplicate == nil {
                        let name = text(node)
                        var place = key.location
                        place.length = max(1, name.unicodeScalars.count)
                        duplicate = .error(.duplicateKey, "le champ « \(name) » est écrit deux fois au même niveau",
                                           at: place, help: "gardez un seul de ces champs et supprimez l'autre")
                    }
                    stack[top].awaitsValue = true
                }
            }
        }

        private func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
            file.location(line: line + 1 + lineOffset, column: column + 1, length: length)
        }

        /// A tag written before a value (`!!int 3`, `!perso x`), as written; `nil` when there is none.
        private func explicitTag(_ event: yaml_event_t) -> String? {
            let tag: String?
            switch event.type {
            case YAML_SCALAR_EVENT: tag = string(event.data.scalar.tag)
            case YAML_SEQUENCE_START_EVENT: tag = string(event.data.sequence_start.tag)
            case YAML_MAPPING_START_EVENT: tag = string(event.data.mapping_start.tag)
            default: tag = nil
            }
            guard let tag else { return nil }
            let standard = "tag:yaml.org,2002:"
            return tag.hasPrefix(standard) ? "!!" + tag.dropFirst(standard.count) : tag
        }

        private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
            let problem = parser.problem.map { String(cString: $0) } ?? "erreur inconnue"
            if parser.error == YAML_READER_ERROR {
                let (line, column) = position(ofUTF8Offset: parser.problem_offset)
                let translated = YAMLProblem.translate(problem)
                return .error(.yamlSyntax, translated.message, at: file.location(line: line + lineOffset, column: column),
                              help: translated.help)
            }
            let mark = parser.problem_mark
            let line = mark.line + 1 + lineOffset
            if let missingColon = YAMLProblem.missingColon(before: line, in: file, firstLine: lineOffset + 1, problem: problem) {
                return missingColon
            }
            if let tab = YAMLProblem.tabIndentation(near: line, in: file, firstLine: lineOffset + 1) { return tab }
            if let colon = YAMLProblem.colonInValue(at: line, in: file, problem: problem) { return colon }
            let translated = YAMLProblem.translate(problem)
            return .error(.yamlSyntax, translated.message, at: file.location(line: line, column: mark.column + 1),
                          help: translated.help)
        }

        /// Line (in the file) and column of a byte offset of the YAML text.
        private func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
            var line = 1, lineStart = 0
            let text = Array(file.text(fromLine: lineOffset + 1, toLine: file.lineCount).utf8.prefix(offset))
            for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            return (line, String(decoding: text[lineStart...], as: UTF8.self).unicodeScalars.count + 1)
        }
    }
}
