import Foundation
import ShowcaseFoundation

/// The fields of one YAML mapping, by name, once unknown names have been reported.
struct Fields {
    /// Where the mapping starts, for "missing field" diagnostics.
    let location: SourceLocation
    /// The mapping, each name once (the YAML reader refuses a key written twice); `nil` when written empty. A
    /// name that is not allowed was reported, and no caller asks for it.
    private let mapping: YAMLNode?
    /// Allowed names a misspelled key was taken for: already reported, so not reported missing as well.
    let misspelled: Set<String>
    /// The names the schema allows here, the only ones it may ask for (checked in debug builds: a name that is
    /// not allowed would find the pair that was reported as unknown).
    private let allowed: [String]

    init(location: SourceLocation, mapping: YAMLNode?, allowed: [String], misspelled: Set<String> = []) {
        self.location = location
        self.mapping = mapping
        self.allowed = allowed
        self.misspelled = misspelled
    }

    subscript(name: String) -> (key: Located<String>, value: YAMLNode)? {
        assert(allowed.contains(name), "« \(name) » is asked for but not allowed here")
        return mapping?.pair(named: name)
    }

    /// The given names present here, in the order of `names`.
    func present(_ names: [String]) -> [String] { names.filter { self[$0] != nil } }
}

/// Walks YAML nodes into typed values against what the schema expects, collecting every problem as a
/// diagnostic (never throwing) so that one run reports them all.
struct NodeReader {
    package let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: Structure

    /// The fields of `node`, which must be a mapping whose names are all in `allowed`.
    ///
    /// An unknown name is reported with the closest allowed one ("vouliez-vous dire…"); `context` names the group
    /// in the message (« dans « porteur » »), empty at the top level.
    /// - Parameter start: where "missing field" diagnostics point; the mapping's first key by default.
    mutating func fields(
        of node: YAMLNode, allowed: [String], context: String, extraHelp: String? = nil, start: SourceLocation? = nil
    ) -> Fields? {
        guard node.shape == .mapping else {
            if node.isNull { return Fields(location: node.location, mapping: nil, allowed: allowed) }
            report(.error(.wrongType, "\(context.isEmpty ? "l'en-tête" : "« \(context) »") doit être un groupe de champs, pas \(node.kindDescription)",
                          at: node.location,
                          help: "écrivez un champ par ligne, sous la forme `nom: valeur`, indenté sous « \(context) »"))
            return nil
        }
        var misspelled: Set<String> = []
        for key in node.pairs(outside: allowed).map(\.key) {
            let name = key.value
            let place = context.isEmpty ? "" : " dans « \(context) »"
            var help = "les champs permis\(place) sont : " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: name, among: allowed) {
                help = "vouliez-vous dire « \(suggestion) » ?"
                misspelled.insert(suggestion)
            } else if let extraHelp {
                help = extraHelp
            }
            report(.error(.unknownField, "champ inconnu « \(name) »\(place)", at: key.location, help: help))
        }
        return Fields(location: start ?? node.firstKeyLocation ?? node.location, mapping: node, allowed: allowed,
                      misspelled: misspelled)
    }

    /// The value of `name`, reporting its absence when `required`; a null value counts as absent but is reported.
    mutating func value(_ fields: Fields, _ name: String, required: Bool, example: String? = nil) -> YAMLNode? {
        guard let entry = fields[name] else {
            if required, !fields.misspelled.contains(name) {
                report(.error(.missingField, "champ obligatoire « \(name) » absent", at: fields.location,
                              help: example.map { "ajoutez une ligne `\($0)`" } ?? "ajoutez une ligne « \(name): » suivie de la valeur"))
            }
            return nil
        }
        if entry.value.isNull {
            if required {
                report(.error(.emptyValue, "le champ « \(name) » n'a pas de valeur", at: entry.key.location,
                              help: "écrivez la valeur après les deux-points, ou supprimez la ligne si elle est inconnue"))
            }
            return nil
        }
        return entry.value
    }

    /// A list; a single value is read as a list of one, since writers often write `mecanismes: clause-sociale`.
    mutating func list(_ fields: Fields, _ name: String, required: Bool = false, example: String? = nil) -> [YAMLNode]? {
        guard let node = value(fields, name, required: required, example: example) else { return nil }
        switch node.shape {
        case .sequence: return node.items
        case .scalar: return [node]
        case .mapping:
            report(.error(.wrongType, "« \(name) » doit être une liste, pas un groupe de champs", at: node.location,
                          help: "écrivez chaque élément sur sa propre ligne, indenté sous « \(name) » et précédé d'un tiret et d'une espace"))
            return nil
        }
    }

    // MARK: Scalars

    /// Text, trimmed; a list or group where text is expected is reported.
    mutating func text(_ node: YAMLNode, name: String) -> Located<String>? {
        guard let raw = node.text else {
            report(.error(.wrongType, "« \(name) » doit être du texte, pas \(node.kindDescription)", at: node.location,
                          help: Self.oneValueHelp(for: node, name: name)))
            return nil
        }
        let trimmed = raw.trimmingWhitespace
        guard !trimmed.isEmpty else {
            report(.error(.emptyValue, "« \(name) » est vide", at: node.location, help: "écrivez le texte ou supprimez la ligne"))
            return nil
        }
        return Located(trimmed, at: node.location)
    }

    /// The fix for a list or a group where one value is expected: keep one, on the field's own line.
    private static func oneValueHelp(for node: YAMLNode, name: String) -> String {
        if node.shape == .sequence, let text = node.items.first?.text {
            let value = text.contains(":") || text.contains("#") ? "\"\(text)\"" : text
            return "« \(name) » n'a qu'une valeur : remplacez la liste par celle-ci, sur la ligne de « \(name) », par exemple `\(name): \(value)`"
        }
        return "écrivez la valeur sur la ligne de « \(name) », entre guillemets si elle contient « : » ou « # » : `\(name): \"…\"`"
    }

    mutating func text(_ fields: Fields, _ name: String, required: Bool, example: String? = nil) -> Located<String>? {
        value(fields, name, required: required, example: example).flatMap { text($0, name: name) }
    }

    /// A yes-or-no field (`true` or `false`, also `oui` or `non`); `nil` when absent or not one of those.
    mutating func flag(_ fields: Fields, _ name: String) -> Bool? {
        guard let raw = text(fields, name, required: false) else { return nil }
        switch raw.value.lowercased() {
        case "true", "oui": return true
        case "false", "non": return false
        default:
            report(.error(.wrongType, "« \(raw.value) » n'est ni oui ni non", at: raw.location,
                          help: "écrivez `\(name): true` ou `\(name): false`"))
            return nil
        }
    }

    /// A number written the YAML way (`9000`, `17000000`, `1.5`), within `bounds`; integers only when `integer`.
    ///
    /// French habits (`9 000`, `17,5`, `17 M€`) are recognised to give the exact fix in the diagnostic. `name`
    /// is what the messages call the figure; `key`, the field as written on its line (`valeur` for a figure),
    /// which the fixes quote so that they can be copied onto that line.
    mutating func number(
        _ node: YAMLNode, name: String, key: String? = nil, integer: Bool, bounds: ClosedRange<Double>? = nil
    ) -> Located<Double>? {
        let key = key ?? name
        guard let raw = node.text else {
            report(.error(.wrongType, "« \(name) » doit être un nombre, pas \(node.kindDescription)", at: node.location,
                          help: "écrivez le nombre seul, par exemple `\(key): 9000`"))
            return nil
        }
        // Foundation's trimming only when an end may be a space: numbers are read by the tens of thousands.
        let quoted = node.isQuoted
        let text = raw.mayHaveSpaceAtAnEnd ? raw.trimmingCharacters(in: .whitespaces) : raw
        guard let value = NumberSyntax.parse(text), !quoted else {
            let help = NumberSyntax.help(forUnreadable: text, quoted: quoted, name: key)
            report(.error(.wrongType, "« \(name) » doit être un nombre, et « \(text) » n'en est pas un",
                          at: node.location, help: help))
            return nil
        }
        if abs(value) >= NumberSyntax.largest {
            report(.error(.outOfBounds, "« \(name) » vaut \(text.count > 30 ? String(text.prefix(30)) + "…" : text), bien au-delà de tout chiffre plausible",
                          at: node.location, help: "vérifiez le nombre de chiffres : showcase n'accepte pas de valeur d'un million de milliards ou plus"))
            return nil
        }
        if integer, value.rounded() != value {
            report(.error(.wrongType, "« \(name) » doit être un nombre entier, pas \(text)", at: node.location,
                          help: "arrondissez à l'unité : un nombre d'heures, de personnes ou d'unités est entier"))
            return nil
        }
        if let bounds, !bounds.contains(value) {
            report(.error(.outOfBounds, NumberSyntax.boundsMessage(name: name, text: text, bounds: bounds),
                          at: node.location, help: NumberSyntax.boundsHelp(bounds)))
            return nil
        }
        return Located(value, at: node.location)
    }

    /// A calendar date in ISO form: `2025-12-17`, `2025-12` or `2025`.
    mutating func date(_ node: YAMLNode, name: String) -> Located<PartialDate>? {
        guard let raw = text(node, name: name) else { return nil }
        guard let date = PartialDate(written: raw.value) else {
            report(.error(.invalidDate, "« \(raw.value) » n'est pas une date au format AAAA-MM-JJ", at: raw.location,
                          help: PartialDate.help(forUnreadable: raw.value, key: name)))
            return nil
        }
        return Located(date, at: raw.location)
    }

    /// One term of a closed vocabulary, matched without regard to case; an unknown value gets a suggestion.
    mutating func term(_ node: YAMLNode, name: String, in vocabulary: Vocabulary) -> Located<Term>? {
        text(node, name: name).flatMap { term($0, in: vocabulary) }
    }

    mutating func term(_ raw: Located<String>, in vocabulary: Vocabulary) -> Located<Term>? {
        if let term = vocabulary.term(matching: raw.value) { return Located(term, at: raw.location) }
        let ids = vocabulary.terms.map(\.id)
        let help = vocabulary.unknownHelp(raw.value)
            ?? Suggestion.closest(to: raw.value, among: ids).map { "vouliez-vous dire « \($0) » ?" }
            ?? "valeurs permises : " + ids.map { "`\($0)`" }.joined(separator: ", ")
        report(.error(.unknownValue, "« \(raw.value) » n'est pas \(vocabulary.name)", at: raw.location, help: help))
        return nil
    }
}
