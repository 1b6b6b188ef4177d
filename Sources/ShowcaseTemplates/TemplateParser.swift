import ShowcaseFoundation

/// A name in a tag: `fiche.titre`, `.`, or a transform such as `empty(chiffres)` or `last()`.
struct TemplateName: Sendable, Equatable {
    /// `[.fiche, .titre]`; empty for `.` and for a transform of the current iteration (`last()`). A name outside
    /// the vocabulary is `nil`: never a value.
    let keys: [TemplateKey?]
    let transform: Transform?

    /// swift-mustache's transforms.
    enum Transform: String, Sendable {
        case empty, count, first, last, index, odd, even
    }

    init(_ components: [Substring], transform: Transform?) {
        keys = components.map { TemplateKey(rawValue: String($0)) }
        self.transform = transform
    }
}

/// A parsed template: text, variables, sections, partials, and layout inheritance.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `{{> name}}`, with the indentation of a partial standing alone on its line.
    case partial(String, indentation: String)
    /// `{{< layout}}…{{/layout}}`: the layout, rendered with these block overrides.
    case parent(String, overrides: [String: [TemplateNode]])
    /// `{{$ name}}default{{/name}}`: replaced by a child's override, if any.
    case block(String, [TemplateNode])
}

/// A template that could not be read, with the line and column (in characters) of the problem.
struct TemplateSyntaxError: Error, Sendable {
    let line: Int
    let column: Int
    let message: String
}

/// Reads Mustache templates (https://mustache.github.io/mustache.5.html), with partials, inheritance
/// (`{{<layout}}`, `{{$block}}`), and swift-mustache's transforms (`{{^empty(list)}}`, `{{^last()}}`).
/// A tag standing alone on its line takes the whole line with it, as the Mustache specification says.
enum TemplateParser {
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        let tokens = try tokenize(Array(text.utf8))
        var index = 0
        let nodes = try build(tokens, &index, closing: nil)
        return nodes
    }

    // MARK: Tokens

    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block
    }

    struct Token {
        var text: [UInt8]?
        var kind: Kind = .comment
        var content = ""
        var indentation = ""
        var line = 1
        var column = 1
    }

    private static func tokenize(_ bytes: [UInt8]) throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var position = 0
        var textStart = 0
        let open: [UInt8] = Array("{{".utf8)
        func location(_ offset: Int) -> (line: Int, column: Int) {
            let before = bytes[..<offset]
            let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1)
        }
        while position < bytes.count {
            guard position + 1 < bytes.count, bytes[position] == open[0], bytes[position + 1] == open[1] else {
                position += 1
                continue
            }
            if position > textStart { tokens.append(Token(text: Array(bytes[textStart..<position]))) }
            let (line, column) = location(position)
            var start = position + 2
            var kind = Kind.variable
            var closing: [UInt8] = Array("}}".utf8)
            if start < bytes.count {
                switch bytes[start] {
                case UInt8(ascii: "{"): kind = .unescaped; closing = Array("}}}".utf8); start += 1
                case UInt8(ascii: "&"): kind = .unescaped; start += 1
                case UInt8(ascii: "#"): kind = .section; start += 1
                case UInt8(ascii: "^"): kind = .inverted; start += 1
                case UInt8(ascii: "/"): kind = .close; start += 1
                case UInt8(ascii: "!"): kind = .comment; start += 1
                case UInt8(ascii: ">"): kind = .partial; start += 1
                case UInt8(ascii: "<"): kind = .parent; start += 1
                case UInt8(ascii: "$"): kind = .block; start += 1
                case UInt8(ascii: "="), UInt8(ascii: "%"):
                    throw TemplateSyntaxError(line: line, column: column, message: "balise `{{\(Character(UnicodeScalar(bytes[start])))` non prise en charge")
                default: break
                }
            }
            guard let end = find(closing, in: bytes, from: start) else {
                throw TemplateSyntaxError(line: line, column: column, message: "une balise `{{` n'est pas refermée par `\(String(decoding: closing, as: UTF8.self))`")
            }
            let content = String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace
            if kind != .comment, content.isEmpty {
                throw TemplateSyntaxError(line: line, column: column, message: "balise sans nom")
            }
            tokens.append(Token(text: nil, kind: kind, content: content, line: line, column: column))
            position = end + closing.count
            textStart = position
        }
        if textStart < bytes.count { tokens.append(Token(text: Array(bytes[textStart...]))) }
        return removeStandaloneLines(tokens)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// A tag other than a variable, alone on its line with only spaces around it, takes the line with it.
    /// Decisions are taken on the original text first, then applied, since two such tags can share a text.
    private static func removeStandaloneLines(_ input: [Token]) -> [Token] {
        let isBlank = { (bytes: ArraySlice<UInt8>) in bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
        var trims: [(index: Int, before: Int, after: Int, indentation: String)] = []
        for index in input.indices where input[index].text == nil {
            guard input[index].kind != .variable, input[index].kind != .unescaped else { continue }
            var before: ArraySlice<UInt8> = []
            if index > 0 {
                guard let previous = input[index - 1].text else { continue }
                if let newline = previous.lastIndex(of: UInt8(ascii: "\n")) {
                    before = previous[(newline + 1)...]
                } else if index == 1 {
                    before = previous[...]
                } else {
                    continue
                }
            }
            guard isBlank(before) else { continue }
            var after: ArraySlice<UInt8> = []
            var removed = 0
            if index + 1 < input.count {
                guard let next = input[index + 1].text else { continue }
                if let newline = next.firstIndex(of: UInt8(ascii: "\n")) {
                    after = next[..<newline]
                    removed = newline + 1
                } else if index + 2 == input.count {
                    after = next[...]
                    removed = next.count
                } else {
                    continue
                }
            }
            guard isBlank(after) else { continue }
            trims.append((index, before.count, removed, String(decoding: before, as: UTF8.self)))
        }
        var tokens = input
        for trim in trims {
            tokens[trim.index].indentation = trim.indentation
            if trim.index > 0, trim.before > 0 { tokens[trim.index - 1].text?.removeLast(trim.before) }
            if trim.index + 1 < tokens.count, trim.after > 0 { tokens[trim.index + 1].text?.removeFirst(trim.after) }
        }
        return tokens
    }

    // MARK: Tree

    private static func build(_ tokens: [Token], _ index: inout Int, closing: Token?) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if let text = token.text {
                if !text.isEmpty { nodes.append(.text(text)) }
                continue
            }
            switch token.kind {
            case .comment:
                continue
            case .variable, .unescaped:
                nodes.append(.variable(try name(token), escaped: token.kind == .variable))
            case .partial:
                nodes.append(.partial(token.content, indentation: token.indentation))
            case .section, .inverted:
                let children = try build(tokens, &index, closing: token)
                nodes.append(.section(try name(token), inverted: token.kind == .inverted, children))
            case .block:
                nodes.append(.block(token.content, try build(tokens, &index, closing: token)))
            case .parent:
                let children = try build(tokens, &index, closing: token)
                var overrides: [String: [TemplateNode]] = [:]
                for child in children { if case .block(let name, let content) = child { overrides[name] = content } }
                nodes.append(.parent(token.content, overrides: overrides))
            case .close:
                guard let closing else {
                    throw TemplateSyntaxError(line: token.line, column: token.column, message: "`{{/\(token.content)}}` ferme une section qui n'a pas été ouverte")
                }
                guard closing.content == token.content else {
                    throw TemplateSyntaxError(line: token.line, column: token.column,
                                              message: "`{{/\(token.content)}}` ferme la section `\(closing.content)` ouverte ligne \(closing.line)")
                }
                return nodes
            }
        }
        if let closing {
            throw TemplateSyntaxError(line: closing.line, column: closing.column, message: "la section `\(closing.content)` n'est jamais refermée")
        }
        return nodes
    }

    private static func name(_ token: Token) throws(TemplateSyntaxError) -> TemplateName {
        let content = token.content
        if let open = content.firstIndex(of: "("), content.hasSuffix(")") {
            let written = String(content[..<open])
            guard let transform = TemplateName.Transform(rawValue: written) else {
                throw TemplateSyntaxError(line: token.line, column: token.column, message: "transformation inconnue `\(written)()`")
            }
            let argument = content[content.index(after: open)..<content.index(before: content.endIndex)]
            return TemplateName(argument.isEmpty ? [] : argument.split(separator: "."), transform: transform)
        }
        return TemplateName(content == "." ? [] : content.split(separator: "."), transform: nil)
    }
}
