import Yams

/// Reads YAML text into `YAMLNode`s whose positions are positions in the project file.
///
/// The only file that imports Yams. It composes the node tree (never decodes blind, which would lose the line
/// numbers), with the empty resolver: no regular expression runs on any scalar, since the schema decides types.
public enum YAMLReader {
    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - file: the file it comes from, to turn YAML positions into file positions.
    ///   - firstLine: the line of `file` on which `yaml` starts.
    public static func read(_ yaml: String, in file: SourceFile, firstLine: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        do {
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            var budget = nodeLimit
            guard let node = convert(root, file: file, lineOffset: firstLine - 1, budget: &budget) else {
                return .failure(.error(
                    .yamlSyntax, "en-tête démesuré : plus de \(nodeLimit) valeurs une fois les alias `*` développés",
                    at: file.location(line: firstLine, column: 1),
                    help: "une fiche n'a besoin ni d'ancres `&` ni d'alias `*` : écrivez chaque valeur en clair"))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: firstLine - 1))
        } catch {
            return .failure(.error(.yamlSyntax, "en-tête illisible", at: file.location(line: firstLine, column: 1)))
        }
    }

    /// Most values a front matter may hold once aliases are expanded: a real fiche has a few hundred; a YAML
    /// "billion laughs" made of nested aliases would otherwise take exponential time and memory here.
    static let nodeLimit = 50_000

    private static func convert(_ node: Node, file: SourceFile, lineOffset: Int, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        func place(_ mark: Mark?, length: Int = 1) -> SourceLocation {
            file.location(line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1, length: length)
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let firstLine = scalar.string.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let width = firstLine.unicodeScalars.count + (quoted ? 2 : 0)
            return YAMLNode(.scalar(scalar.string, quoted: quoted), at: place(scalar.mark, length: width))
        case .mapping(let mapping):
            var pairs: [(key: Located<String>, value: YAMLNode)] = []
            for pair in mapping {
                let key = pair.key.string ?? ""
                let keyLocation = place(pair.key.mark, length: key.unicodeScalars.count)
                guard let value = convert(pair.value, file: file, lineOffset: lineOffset, budget: &budget) else {
                    return nil
                }
                pairs.append((Located(key, at: keyLocation), value))
            }
            return YAMLNode(.mapping(pairs), at: place(mapping.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let value = convert(item, file: file, lineOffset: lineOffset, budget: &budget) else { return nil }
                items.append(value)
            }
            return YAMLNode(.sequence(items), at: place(sequence.mark))
        case .alias(let alias):
            return YAMLNode(.scalar("", quoted: false), at: place(alias.mark))
        }
    }

    private static func diagnostic(for error: YamlError, file: SourceFile, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            if let missingColon = YAMLProblem.missingColon(before: mark.line + lineOffset, in: file,
                                                           firstLine: lineOffset + 1, problem: problem) {
                return missingColon
            }
            let translated = YAMLProblem.translate(problem)
            return .error(.yamlSyntax, translated.message,
                          at: file.location(line: mark.line + lineOffset, column: mark.column),
                          help: translated.help)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "« \($0) »" }.joined(separator: ", ")
            return .error(.duplicateKey, "le champ \(names) est écrit deux fois au même niveau",
                          at: file.location(line: context.mark.line + lineOffset, column: context.mark.column,
                                            length: duplicates.first?.unicodeScalars.count ?? 1),
                          help: "gardez un seul de ces champs et supprimez l'autre")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = position(ofUTF8Offset: offset ?? 0, in: yaml)
            let translated = YAMLProblem.translate(problem)
            return .error(.yamlSyntax, translated.message,
                          at: file.location(line: line + lineOffset, column: column), help: translated.help)
        default:
            return .error(.yamlSyntax, "en-tête illisible : \(error)", at: file.location(line: lineOffset + 1, column: 1))
        }
    }

    private static func position(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
        let prefix = text.utf8.prefix(offset)
        let lines = prefix.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let column = lines.last.map { String(decoding: $0, as: UTF8.self).unicodeScalars.count + 1 } ?? 1
        return (lines.count, column)
    }
}
