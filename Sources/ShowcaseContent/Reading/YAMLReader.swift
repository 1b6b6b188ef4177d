import CYAML
import ShowcaseFoundation

/// Reads YAML text into `YAMLNode`s whose positions are positions in the project file.
///
/// The only file that imports libyaml. It composes the parser's events into nodes itself (never decodes blind,
/// which would lose the line numbers) and leaves every scalar as text: the schema decides what it means. Aliases
/// are expanded within a budget, so a "billion laughs" cannot take exponential time; a key written twice in one
/// mapping is reported at its second occurrence.
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
        return text.withUTF8 { bytes in composer.compose(bytes) }
    }

    private struct Composer {
        let file: SourceFile
        let lineOffset: Int
        var anchors: [String: YAMLNode] = [:]
        var budget = YAMLReader.nodeLimit
        /// The open mappings and sequences, innermost last.
        private var stack: [Container] = []
        /// The items of every open sequence and the pairs of every open mapping, each container's after its
        /// parent's: a container is finished before its parent, so its own are the last ones, and become its
        /// node's array in one allocation (grown value by value, a mapping's array was reallocated several times).
        private var items: [YAMLNode] = []
        private var pairs: [(key: Located<String>, value: YAMLNode)] = []

        init(file: SourceFile, lineOffset: Int) {
            self.file = file
            self.lineOffset = lineOffset
            stack.reserveCapacity(8)
            items.reserveCapacity(32)
            pairs.reserveCapacity(64)
        }

        /// An open mapping or sequence, and for a mapping the key waiting for its value.
        private struct Container {
            var location: SourceLocation
            var isMapping: Bool
            var anchor: String?
            /// Where its pairs (a mapping) or items (a sequence) start in the composer's.
            var start: Int
            var pendingKey: Located<String>?
            /// The mapping's key names, hashed only once there are many: most mappings hold a handful, which a
            /// look through its pairs checks faster than hashing each name.
            var keys: Set<String> = []
        }

        /// Whether the name is new in the innermost mapping. Every earlier key's value is complete, so among
        /// its pairs.
        private mutating func insertKey(_ name: String) -> Bool {
            let top = stack.count - 1, own = pairs[stack[top].start...]
            if stack[top].keys.isEmpty, own.count < 16 { return !own.contains { $0.key.value == name } }
            if stack[top].keys.isEmpty { stack[top].keys = Set(own.map(\.key.value)) }
            return stack[top].keys.insert(name).inserted
        }

        /// The node of the innermost container, which ends here.
        private mutating func close() -> (node: YAMLNode, anchor: String?) {
            let container = stack.removeLast()
            let kind: YAMLNode.Kind
            if container.isMapping {
                kind = .mapping(Array(pairs[container.start...]))
                pairs.removeSubrange(container.start...)
            } else {
                kind = .sequence(Array(items[container.start...]))
                items.removeSubrange(container.start...)
            }
            return (YAMLNode(kind, at: container.location), container.anchor)
        }

        mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode?, Diagnostic> {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.error(.yamlSyntax, "mémoire insuffisante pour lire l'en-tête", at: location(line: 0, column: 0)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count)

            var root: YAMLNode?
            var documents = 0
            var duplicate: Diagnostic?
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(syntaxError(parser)) }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                var finished: YAMLNode?
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
                    return .success(root)
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
                    let value = String(decoding: decoded, as: UTF8.self)
                    let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    // Characters of its first line, counted on the bytes (every scalar of every file passes here):
                    // each byte that does not continue a UTF-8 sequence starts a scalar.
                    var scalars = 0
                    for byte in value.utf8 {
                        if byte == UInt8(ascii: "\n") { break }
                        if byte & 0xC0 != 0x80 { scalars += 1 }
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
                    finished = YAMLNode(.scalar(value, quoted: quoted), at: place)
                    finishedAnchor = string(scalar.anchor)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard stack.count < YAMLReader.depthLimit else {
                        return .failure(.error(.yamlSyntax, "en-tête trop imbriqué : plus de \(YAMLReader.depthLimit) niveaux",
                                               at: location(line: mark.line, column: mark.column),
                                               help: "une fiche n'a besoin que de quelques niveaux d'indentation"))
                    }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                    stack.append(Container(location: location(line: mark.line, column: mark.column), isMapping: isMapping,
                                           anchor: anchor, start: isMapping ? pairs.count : items.count))
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    (finished, finishedAnchor) = close()
                case YAML_ALIAS_EVENT:
                    guard let name = string(event.data.alias.anchor), let target = anchors[name] else {
                        return .failure(.error(.yamlSyntax, "alias `*` qui ne renvoie à aucune ancre",
                                               at: location(line: mark.line, column: mark.column),
                                               help: "supprimez l'alias ou l'astérisque"))
                    }
                    budget -= target.size
                    guard budget >= 0 else {
                        return .failure(.error(
                            .yamlSyntax, "en-tête démesuré : plus de \(YAMLReader.nodeLimit) valeurs une fois les alias `*` développés",
                            at: location(line: mark.line, column: mark.column),
                            help: "une fiche n'a besoin ni d'ancres `&` ni d'alias `*` : écrivez chaque valeur en clair"))
                    }
                    finished = target
                default:
                    continue
                }
                guard let node = finished else { continue }
                if let finishedAnchor { anchors[finishedAnchor] = node }
                budget -= 1
                guard budget >= 0 else {
                    return .failure(.error(.yamlSyntax, "en-tête démesuré : plus de \(YAMLReader.nodeLimit) valeurs",
                                           at: location(line: mark.line, column: mark.column)))
                }
                guard !stack.isEmpty else {
                    root = node
                    continue
                }
                if !stack[stack.count - 1].isMapping {
                    items.append(node)
                } else if let key = stack[stack.count - 1].pendingKey {
                    pairs.append((key, node))
                    stack[stack.count - 1].pendingKey = nil
                } else {
                    guard case .scalar(let name, _) = node.kind else {
                        return .failure(.error(.yamlSyntax, "un nom de champ doit être du texte, pas \(node.kindDescription)",
                                               at: node.location, help: "écrivez `nom: valeur`"))
                    }
                    var key = Located(name, at: node.location)
                    key.location.length = max(1, name.unicodeScalars.count)
                    if !insertKey(name), duplicate == nil {
                        duplicate = .error(.duplicateKey, "le champ « \(name) » est écrit deux fois au même niveau",
                                           at: key.location, help: "gardez un seul de ces champs et supprimez l'autre")
                    }
                    stack[stack.count - 1].pendingKey = key
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
