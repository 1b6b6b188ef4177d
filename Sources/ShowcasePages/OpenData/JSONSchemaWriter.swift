import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The JSON Schema (draft 2020-12) of `indicateurs.json`, generated from the catalogue and vocabularies so that it
/// never drifts from what `showcase` writes.
package enum JSONSchemaWriter {
    package static func schema(catalogue: IndicatorCatalogue) -> String {
        let text = JSONValue.object([("type", .string("string"))])
        let optionalText = JSONValue.object([("type", .array([.string("string"), .string("null")]))])
        func strictObject(_ properties: [(String, JSONValue)], required: [String]? = nil) -> JSONValue {
            .object([
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("required", .array((required ?? properties.map(\.0)).map(JSONValue.string))),
                ("additionalProperties", .bool(false)),
            ])
        }
        func enumeration(_ values: [String], nullable: Bool = false) -> JSONValue {
            .object([("enum", .array(values.map(JSONValue.string) + (nullable ? [.null] : [])))])
        }
        let number = JSONValue.object([("type", .string("number"))])
        let optionalNumber = JSONValue.object([("type", .array([.string("number"), .string("null")]))])
        let qualifier = enumeration(Qualifier.allCases.map(\.rawValue), nullable: true)
        let period = JSONValue.object([("type", .string("string")),
                                       ("pattern", .string("^(total|par-jour|par-mois|par-an|[0-9]{4}-[0-9]{4})$"))])
        // A figure's wording is there only when it is not a plain total.
        let figureFields: [(String, JSONValue)] = [
            ("valeur", number), ("unite", text), ("qualificatif", qualifier), ("periode", period), ("perimetre", text),
            ("objectif", number), ("taux_atteinte", number), ("taxes", enumeration(TaxBasis.allCases.map(\.rawValue))),
            ("source", text), ("citation", optionalText), ("page", optionalText), ("note", optionalText),
        ]
        let figureRequired = ["valeur", "unite", "source", "citation", "page", "note"]
        let figure = strictObject(figureFields, required: figureRequired)
        // A figure an entry defines for itself, under a name of its own.
        let ownFigure = strictObject([("libelle", text)] + figureFields, required: ["libelle"] + figureRequired)
        let computed = strictObject([("valeur", number), ("unite", text), ("qualificatif", qualifier), ("periode", period),
                                     ("calcul", text)], required: ["valeur", "unite", "calcul"])
        // ISO dates, and the seasons and spans of the Extended Date/Time Format (`2024-21`, `2018/2024`).
        let isoDate = JSONValue.object([("type", .string("string")),
                                        ("pattern", .string("^([0-9]{4}(-[0-9]{2}){0,2}|[0-9]{4}/[0-9]{4})$"))])

        let entry = strictObject([
            ("identifiant", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))])),
            ("titre", text), ("resume", text), ("url", text),
            ("porteur", strictObject([
                ("nom", optionalText),
                ("type", enumeration(Vocabularies.buyerKinds.terms.map(\.id), nullable: true)),
                ("departement", enumeration(Departements.vocabulary.terms.map(\.id), nullable: true)),
                ("siret", .object([("type", .array([.string("string"), .string("null")])), ("pattern", .string("^[0-9]{14}$"))])),
            ])),
            ("lieu", optionalText),
            ("territoire", .object([("oneOf", .array([.object([("type", .string("null"))]), strictObject([
                ("departements", .object([("type", .string("array")),
                                          ("items", enumeration(Departements.vocabulary.terms.map(\.id)))])),
                ("region", enumeration(Territory.regions.terms.map(\.id), nullable: true)),
                ("national", .object([("type", .string("boolean"))])),
            ])]))])),
            ("partenaires", .object([("type", .string("array")), ("items", strictObject([
                ("nom", text), ("type", enumeration(Vocabularies.partnerKinds.terms.map(\.id))), ("libelle_type", optionalText),
                ("role", enumeration(Vocabularies.partnerRoles.terms.map(\.id), nullable: true)),
                ("sirets", .object([("type", .string("array")),
                                    ("items", .object([("type", .string("string")), ("pattern", .string("^[0-9]{14}$"))]))])),
                ("siren", .object([("type", .array([.string("string"), .string("null")])), ("pattern", .string("^[0-9]{9}$"))])),
            ]))])),
            ("mecanismes", .object([("type", .string("array")), ("items", strictObject([
                ("id", enumeration(LegalMechanisms.all.map(\.id))), ("article", text),
            ]))])),
            ("considerationsSociales", .object([("type", .string("array")), ("items", enumeration(["Clause sociale", "Critère social", "Marché réservé"]))])),
            ("considerationsEnvironnementales", .object([("type", .string("array")),
                                                         ("items", enumeration(EnvironmentalConsiderations.all.compactMap(\.decpValue)))])),
            ("contrat", .object([("oneOf", .array([.object([("type", .string("null"))]), strictObject([
                ("nature", optionalText), ("techniques", optionalText), ("modalitesExecution", optionalText),
                ("objet", optionalText), ("lot", optionalText),
                ("codeCPV", .object([("type", .array([.string("string"), .string("null")])), ("pattern", .string("^[0-9]{8}(-[0-9])?$"))])),
                ("lots", .object([("type", .string("array")), ("items", strictObject([
                    ("numero", optionalText), ("objet", text), ("montant", optionalNumber),
                    ("taxes", enumeration(TaxBasis.allCases.map(\.rawValue), nullable: true)),
                    ("mecanisme", enumeration(LegalMechanisms.all.map(\.id), nullable: true)), ("titulaire", optionalText),
                ]))])),
            ])]))])),
            ("prix", .object([("oneOf", .array([.object([("type", .string("null"))]), strictObject([
                ("programme", text), ("programme_nom", text), ("edition", .object([("type", .string("integer"))])),
                ("categorie", optionalText), ("statut", enumeration(Vocabularies.awardStatuses.terms.map(\.id))),
            ])]))])),
            ("dates", strictObject(Vocabularies.dateKinds.terms.map { ($0.id, isoDate) }, required: [])),
            ("chiffres", strictObject(catalogue.reported.map { ($0.id, figure) }, required: [])),
            ("chiffres_propres", .object([
                ("type", .string("object")),
                ("propertyNames", .object([("pattern", .string("^[a-z0-9][a-z0-9_]*$"))])),
                ("additionalProperties", ownFigure),
            ])),
            ("indicateurs_calcules", strictObject(catalogue.derived.map { ($0.id, computed) }, required: [])),
            ("sources", .object([("type", .string("array")), ("items", strictObject([
                ("id", text), ("titre", text), ("editeur", text), ("date", .object([("type", .array([.string("string"), .string("null")]))])),
                ("url", optionalText),
            ]))])),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(OpenDataFiles.schemaName)),
            ("title", .string("Fiches de la vitrine des achats publics inclusifs et durables")),
            ("type", .string("object")),
            ("properties", .object([
                ("$schema", text), ("titre", text), ("generateur", text),
                ("fiches", .object([("type", .string("array")), ("items", entry)])),
            ])),
            ("required", .array([.string("titre"), .string("fiches")])),
            ("additionalProperties", .bool(false)),
        ]).pretty
    }
}
