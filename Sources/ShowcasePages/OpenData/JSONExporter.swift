import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The entries as JSON, with a JSON Schema beside it; field names follow DECP v2 where it has one.
package enum JSONExporter {
    /// The whole document, as `showcase export` prints it and `build` writes it.
    package static func json(_ entries: [OpenDataEntry], config: SiteConfig, catalogue: IndicatorCatalogue) -> [UInt8] {
        file(config: config).assemble(entries.map { record($0, config: config, catalogue: catalogue) })
    }

    /// `{"$schema": …, "titre": …, "fiches": [ … ]}`, indented by two spaces: each entry is a record of the
    /// `fiches` array, so that an incremental build can replace one without writing the others again.
    package static func file(config: SiteConfig) -> RecordFile {
        var opening = Array("{\n  \"$schema\": ".utf8)
        JSONValue.appendQuoted(OpenDataFiles.schemaName, to: &opening)
        opening += Array(",\n  \"titre\": ".utf8)
        JSONValue.appendQuoted(config.title, to: &opening)
        opening += Array(",\n  \"generateur\": ".utf8)
        JSONValue.appendQuoted(ShowcaseVersion.generator, to: &opening)
        opening += Array(",\n  \"fiches\": ".utf8)
        return RecordFile(opening: opening + Array("[\n".utf8), separator: Array(",\n".utf8), closing: Array("\n  ]\n}\n".utf8),
                          whenEmpty: opening + Array("[]\n}\n".utf8))
    }

    /// One entry of the `fiches` array, indented for its place.
    package static func record(_ entry: OpenDataEntry, config: SiteConfig, catalogue: IndicatorCatalogue) -> [UInt8] {
        Array("    ".utf8) + self.entry(entry, config: config, catalogue: catalogue).prettyBytes(level: 2)
    }

    /// One figure: its value and unit, how it is worded when it is not a plain total, and where it comes from.
    private static func figureValue(_ figure: Figure, label: String? = nil) -> JSONValue {
        // The wording only when the figure is not a plain total: 10 000 entries of nulls would add a third to
        // the file that every edit rewrites.
        var wording: [(String, JSONValue)] = []
        if let qualifier = figure.qualifier { wording.append(("qualificatif", .string(qualifier.rawValue))) }
        if figure.period != .total { wording.append(("periode", .string(figure.period.machine))) }
        if let scope = figure.scope { wording.append(("perimetre", .string(scope))) }
        if let target = figure.target { wording.append(("objectif", .number(target))) }
        if let rate = figure.achievementRate { wording.append(("taux_atteinte", .number(FrenchNumber.round(rate, decimals: 1)))) }
        if let basis = figure.taxBasis { wording.append(("taxes", .string(basis.rawValue))) }
        let labelled: [(String, JSONValue)] = label.map { [("libelle", .string($0))] } ?? []
        return .object(labelled + [
            ("valeur", .number(figure.value.value)),
            ("unite", .string(figure.indicator.unit.id)),
        ] + wording + [
            ("source", .string(figure.sourceID)),
            ("citation", .optional(figure.quote)),
            ("page", .optional(figure.page)),
            ("note", .optional(figure.note)),
        ])
    }

    static func entry(_ entry: OpenDataEntry, config: SiteConfig, catalogue: IndicatorCatalogue) -> JSONValue {
        let study = entry.study
        let figures = catalogue.reported.compactMap { study.figure($0.id) }.map { ($0.indicator.id, figureValue($0)) }
        // Figures an entry defines for itself: apart, with their label, as nothing else names them.
        let ownFigures = study.figures.filter(\.indicator.isOwn).map { figure in
            (figure.indicator.id, figureValue(figure, label: figure.indicator.label))
        }
        let derived = entry.derived.map { computed -> (String, JSONValue) in
            var fields: [(String, JSONValue)] = [("valeur", .number(computed.value)), ("unite", .string(computed.definition.unit.id))]
            if let qualifier = computed.qualifier { fields.append(("qualificatif", .string(qualifier.rawValue))) }
            if computed.period != .total { fields.append(("periode", .string(computed.period.machine))) }
            fields.append(("calcul", .string(computed.equation)))
            return (computed.definition.id, .object(fields))
        }
        return .object([
            ("identifiant", .string(study.slug)),
            ("titre", .string(study.title)),
            ("resume", .string(study.summary)),
            ("url", .string(entry.url(baseURL: config.baseURL))),
            ("porteur", .object([
                ("nom", .optional(study.buyer.name)),
                ("type", .optional(study.buyer.kind?.id)),
                ("departement", .optional(study.buyer.departement?.id)),
                ("siret", .optional(study.buyer.siret)),
            ])),
            ("lieu", .optional(study.place)),
            ("territoire", study.territory.map { territory in
                .object([("departements", .array(territory.departements.map { JSONValue.string($0.id) })),
                         ("region", .optional(territory.region?.id)), ("national", .bool(territory.isNational))])
            } ?? .null),
            ("partenaires", .array(study.partners.map { partner in
                .object([("nom", .string(partner.name)), ("type", .string(partner.kind.value.id)),
                         ("libelle_type", .optional(partner.kindLabel)), ("role", .optional(partner.role?.id)),
                         ("sirets", .array(partner.sirets.map(JSONValue.string))), ("siren", .optional(partner.siren))])
            })),
            ("mecanismes", .array(study.mechanisms.map { .object([("id", .string($0.value.id)), ("article", .string($0.value.article))]) })),
            ("considerationsSociales", .array(entry.socialConsiderations.map(JSONValue.string))),
            ("considerationsEnvironnementales", .array(entry.environmentalConsiderations.map(JSONValue.string))),
            ("contrat", study.contract.map { contract in
                .object([
                    ("nature", .optional(contract.nature?.label)), ("techniques", .optional(contract.technique?.label)),
                    ("modalitesExecution", .optional(contract.execution?.label)), ("objet", .optional(contract.object)),
                    ("lot", .optional(contract.lot)), ("codeCPV", .optional(contract.cpv)),
                    ("lots", .array(contract.lots.map { lot in
                        .object([("numero", .optional(lot.number)), ("objet", .string(lot.object)),
                                 ("montant", lot.amount.map(JSONValue.number) ?? .null), ("taxes", .optional(lot.taxBasis?.rawValue)),
                                 ("mecanisme", .optional(lot.mechanism?.id)), ("titulaire", .optional(lot.holder))])
                    })),
                ])
            } ?? .null),
            ("prix", study.award.map { award in
                .object([
                    ("programme", .string(award.programme.id)), ("programme_nom", .string(award.programme.name)),
                    ("edition", .number(award.edition)), ("categorie", .optional(award.category)),
                    ("statut", .string(award.status.id)),
                ])
            } ?? .null),
            ("dates", .object(study.dates.map { ($0.kind.id, .string($0.date.value.description)) })),
            ("chiffres", .object(figures)),
            ("chiffres_propres", .object(ownFigures)),
            ("indicateurs_calcules", .object(derived)),
            ("sources", .array(study.sources.map { source in
                .object([("id", .string(source.id)), ("titre", .string(source.title)), ("editeur", .string(source.publisher)),
                         ("date", .optional(source.date?.description)), ("url", .optional(source.url))])
            })),
        ])
    }
}
