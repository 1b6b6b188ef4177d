import ShowcaseFoundation

/// Reads `indicateurs.yaml` into an `IndicatorCatalogue`, checking it with the same diagnostics as case studies:
/// unknown units, formulas naming unknown indicators, cycles, and divisions by a figure that can be zero.
package enum CatalogueParser {
    static let indicatorFields = [
        "libelle", "unite", "nombre", "min", "max", "definition", "formule", "decimales", "au_plus", "alerte_au_dela", "somme",
        "themes",
    ]

    /// What `themes:` may name: legal mechanisms, environmental considerations, contract natures.
    static let themeVocabulary = Vocabulary(
        name: "un mécanisme, une considération environnementale ou une nature de marché connus",
        terms: LegalMechanisms.vocabulary.terms + Vocabularies.environmentalConsiderations.terms + Vocabularies.contractNatures.terms)
    static let constantFields = ["libelle", "valeur", "unite", "definition", "min", "max"]
    static let unitFields = ["singulier", "pluriel", "symbole", "dimension", "millions", "milliards"]

    package static func parse(_ file: SourceFile) -> (catalogue: IndicatorCatalogue, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        var constants: [ConstantDefinition] = []
        var indicators: [IndicatorDefinition] = []
        var formulaTexts: [String: Located<String>] = [:]
        var units = Units.defaults

        switch YAMLReader.read(file.text, in: file) {
        case .failure(let diagnostic):
            reader.report(diagnostic)
        case .success(nil):
            reader.report(.error(.missingField, "le catalogue des indicateurs est vide", at: .startOf(file.path),
                                 help: "déclarez au moins un indicateur sous `indicateurs:`"))
        case .success(let root?):
            guard let top = reader.fields(of: root, allowed: ["unites", "constantes", "indicateurs"], context: "") else { break }
            if reader.value(top, "unites", required: false) != nil {
                units = entries(top, "unites", identifiers: .unit, reader: &reader).compactMap { unit($0, $1, reader: &reader) }
            }
            for (key, node) in entries(top, "constantes", reader: &reader) {
                if let constant = constant(key, node, units: units, reader: &reader) { constants.append(constant) }
            }
            for (key, node) in entries(top, "indicateurs", reader: &reader) {
                if let (indicator, formulaText) = indicator(key, node, units: units, reader: &reader) {
                    indicators.append(indicator)
                    if let formulaText { formulaTexts[indicator.id] = formulaText }
                }
            }
        }
        let order = CatalogueChecks.check(indicators: indicators, constants: constants,
                                          formulaTexts: formulaTexts, reader: &reader)
        return (IndicatorCatalogue(indicators: indicators, constants: constants, derivedInDependencyOrder: order, units: units),
                reader.diagnostics)
    }

    /// How the names of a section's entries are written: indicators and constants with `_`, units with `-`.
    private enum IdentifierStyle {
        case name, unit

        var separator: Character { self == .unit ? "-" : "_" }
    }

    private static func entries(_ fields: Fields, _ name: String, identifiers: IdentifierStyle = .name,
                                reader: inout NodeReader) -> [(Located<String>, YAMLNode)] {
        guard let node = reader.value(fields, name, required: name == "indicateurs") else { return [] }
        guard node.shape == .mapping else {
            reader.report(.error(.wrongType, "« \(name) » doit être un groupe d'entrées nommées", at: node.location,
                                 help: "écrivez chaque entrée sous la forme `identifiant:` suivie de ses champs indentés"))
            return []
        }
        return node.pairs.filter { pair in
            let valid = pair.key.value.first?.isLetter == true
                && pair.key.value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == identifiers.separator) }
            if !valid {
                reader.report(.error(.wrongType, "identifiant « \(pair.key.value) » invalide", at: pair.key.location,
                                     help: "un identifiant s'écrit en minuscules sans accent, avec `\(identifiers.separator)` entre les mots"))
            }
            return valid
        }.map { ($0.key, $0.value) }
    }

    /// One unit of `unites:`.
    private static func unit(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> Unit? {
        guard let fields = reader.fields(of: node, allowed: unitFields, context: key.value) else { return nil }
        // A bare number (`nombre`) has no word: both may be left out.
        let singular = reader.text(fields, "singulier", required: false)
        let plural = reader.text(fields, "pluriel", required: false)
        let symbol = reader.text(fields, "symbole", required: false)
        let dimension = reader.value(fields, "dimension", required: true, example: "dimension: quantite")
            .flatMap { reader.term($0, name: "dimension", in: Units.dimensions) }
        let millions = reader.text(fields, "millions", required: false)
        let billions = reader.text(fields, "milliards", required: false)
        if (singular == nil) != (plural == nil) {
            reader.report(.error(.missingField, "l'unité « \(key.value) » a un \(singular == nil ? "pluriel" : "singulier") mais pas de \(singular == nil ? "singulier" : "pluriel")",
                                 at: key.location, help: "écrivez les deux, par exemple `singulier: repas` et `pluriel: repas`"))
        }
        guard let dimension else { return nil }
        return Unit(id: key.value, singular: singular?.value ?? "", plural: plural?.value ?? "", symbol: symbol?.value,
                    dimension: dimension.value.id, millions: millions?.value, billions: billions?.value)
    }

    /// The unit named by `unite`; `nil` when absent (reported if `required`) or unknown (always reported).
    private static func unit(_ fields: Fields, required: Bool, units: [Unit], reader: inout NodeReader) -> Unit? {
        guard let raw = reader.text(fields, "unite", required: required) else { return nil }
        if let unit = units.first(where: { $0.id == raw.value }) { return unit }
        let ids = units.map(\.id)
        let help = Suggestion.closest(to: raw.value, among: ids).map { "vouliez-vous dire « \($0) » ?" }
            ?? "unités connues : " + ids.map { "`\($0)`" }.joined(separator: ", ")
        reader.report(.error(.unknownUnit, "unité inconnue « \(raw.value) »", at: raw.location,
                             help: help + " ; une nouvelle unité se déclare sous `unites:` en tête du catalogue"))
        return nil
    }

    private static func bounds(_ fields: Fields, default fallback: ClosedRange<Double>, reader: inout NodeReader) -> ClosedRange<Double> {
        let low = reader.value(fields, "min", required: false).flatMap { reader.number($0, name: "min", integer: false) }
        let high = reader.value(fields, "max", required: false).flatMap { reader.number($0, name: "max", integer: false) }
        let lower = low?.value ?? fallback.lowerBound, upper = high?.value ?? fallback.upperBound
        guard lower <= upper else {
            reader.report(.error(.outOfBounds, "« min » est plus grand que « max »", at: low?.location ?? fields.location,
                                 help: "inversez les deux bornes"))
            return fallback
        }
        return lower...upper
    }

    private static func constant(_ key: Located<String>, _ node: YAMLNode, units: [Unit], reader: inout NodeReader) -> ConstantDefinition? {
        guard let fields = reader.fields(of: node, allowed: constantFields, context: key.value) else { return nil }
        let label = reader.text(fields, "libelle", required: true)
        let definition = reader.text(fields, "definition", required: true)
        let value = reader.value(fields, "valeur", required: true).flatMap { reader.number($0, name: "valeur", integer: false) }
        let unit = unit(fields, required: false, units: units, reader: &reader)
        guard let label, let definition, let value else { return nil }
        let bounds = bounds(fields, default: value.value...value.value, reader: &reader)
        return ConstantDefinition(id: key.value, label: label.value, value: value.value, unit: unit,
                                  definition: definition.value, bounds: bounds, location: key.location)
    }

    private static func indicator(
        _ key: Located<String>, _ node: YAMLNode, units: [Unit], reader: inout NodeReader
    ) -> (IndicatorDefinition, Located<String>?)? {
        guard let fields = reader.fields(of: node, allowed: indicatorFields, context: key.value) else { return nil }
        let label = reader.text(fields, "libelle", required: true)
        let definition = reader.text(fields, "definition", required: true)
        let unitResult = unit(fields, required: true, units: units, reader: &reader)
        let summable = reader.flag(fields, "somme")
        let themes = reader.list(fields, "themes")?.compactMap { reader.term($0, name: "themes", in: themeVocabulary)?.value.id }
        let kind = reader.value(fields, "nombre", required: false).flatMap {
            reader.term($0, name: "nombre", in: Vocabulary(name: "un type de nombre connu", terms: [
                Term("entier", "Nombre entier"), Term("decimal", "Nombre décimal"),
            ]))
        }
        let decimals = reader.value(fields, "decimales", required: false)
            .flatMap { reader.number($0, name: "decimales", integer: true, bounds: 0...6) }
        let atMost = reader.text(fields, "au_plus", required: false)
        let warnAbove = reader.value(fields, "alerte_au_dela", required: false)
            .flatMap { reader.number($0, name: "alerte_au_dela", integer: false) }
        let bounds = bounds(fields, default: 0...Double.greatestFiniteMagnitude, reader: &reader)
        var formula: Formula?
        let formulaText = reader.text(fields, "formule", required: false)
        if let text = formulaText {
            switch FormulaParser.parse(text.value) {
            case .success(let parsed): formula = parsed
            case .failure(let error):
                var location = text.location
                location.column += error.offset
                location.length = 1
                reader.report(.error(.formulaSyntax, "formule illisible : \(error.message)", at: location,
                                     help: "une formule combine des identifiants et des nombres avec + - * / et des parenthèses"))
                return nil
            }
        }
        guard let label, let definition, let unit = unitResult else { return nil }
        let indicator = IndicatorDefinition(
            id: key.value, label: label.value, unit: unit,
            isInteger: formula == nil && kind?.value.id != "decimal", bounds: bounds, definition: definition.value,
            formula: formula, decimals: decimals.map { Int($0.value) } ?? (formula == nil ? nil : 1),
            atMost: atMost?.value, warnAbove: warnAbove?.value, isSummable: summable, themes: themes, location: key.location)
        if summable == true, !unit.isAdditive {
            reader.report(.error(.wrongType, "« \(key.value) » est en \(unit.plural.isEmpty ? unit.id : unit.plural) (une part ou un rapport) : l'additionner d'une fiche à l'autre n'aurait pas de sens",
                                 at: fields.location, help: "supprimez `somme: true`"))
        }
        if let atMost, indicator.isDerived {
            reader.report(.error(.wrongType, "« au_plus » ne s'applique qu'à un chiffre déclaré, pas à un indicateur calculé",
                                 at: atMost.location, help: "supprimez la ligne `au_plus`"))
        }
        return (indicator, formulaText)
    }
}
