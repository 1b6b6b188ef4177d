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
        var writer = JSONWriter(indented: true, level: 2, capacity: 4096)
        write(entry, config: config, catalogue: catalogue, to: &writer)
        return Array("    ".utf8) + writer.bytes
    }

    /// One entry on one line.
    static func compact(_ entry: OpenDataEntry, config: SiteConfig, catalogue: IndicatorCatalogue) -> String {
        var writer = JSONWriter()
        write(entry, config: config, catalogue: catalogue, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// One figure: its value and unit, how it is worded when it is not a plain total, and where it comes from.
    private static func write(_ figure: Figure, label: String? = nil, to json: inout JSONWriter) {
        json.object { json in
            if let label { json.field("libelle", label) }
            json.field("valeur", figure.value.value)
            json.field("unite", figure.indicator.unit.id)
            // The wording only when the figure is not a plain total: 10 000 entries of nulls would add a third to
            // the file that every edit rewrites.
            if let qualifier = figure.qualifier { json.field("qualificatif", qualifier.rawValue) }
            if figure.period != .total { json.field("periode", figure.period.machine) }
            if let scope = figure.scope { json.field("perimetre", scope) }
            if let target = figure.target { json.field("objectif", target) }
            if let rate = figure.achievementRate { json.field("taux_atteinte", FrenchNumber.round(rate, decimals: 1)) }
            if let basis = figure.taxBasis { json.field("taxes", basis.rawValue) }
            json.field("source", figure.sourceID)
            json.field("citation", figure.quote)
            json.field("page", figure.page)
            json.field("note", figure.note)
        }
    }

    private static func write(_ entry: OpenDataEntry, config: SiteConfig, catalogue: IndicatorCatalogue, to json: inout JSONWriter) {
        let study = entry.study
        json.object { json in
            json.field("identifiant", study.slug)
            json.field("titre", study.title)
            json.field("resume", study.summary)
            json.field("url", entry.url(baseURL: config.baseURL))
            json.key("porteur")
            json.object { json in
                json.field("nom", study.buyer.name)
                json.field("type", study.buyer.kind?.id)
                json.field("departement", study.buyer.departement?.id)
                json.field("siret", study.buyer.siret)
            }
            json.field("lieu", study.place)
            json.key("territoire")
            if let territory = study.territory {
                json.object { json in
                    json.key("departements")
                    json.strings(territory.departements.map(\.id))
                    json.field("region", territory.region?.id)
                    json.key("national")
                    json.bool(territory.isNational)
                }
            } else {
                json.null()
            }
            json.key("partenaires")
            json.objects(study.partners) { json, partner in
                json.field("nom", partner.name)
                json.field("type", partner.kind.value.id)
                json.field("libelle_type", partner.kindLabel)
                json.field("role", partner.role?.id)
                json.key("sirets")
                json.strings(partner.sirets)
                json.field("siren", partner.siren)
            }
            json.key("mecanismes")
            json.objects(study.mechanisms) { json, mechanism in
                json.field("id", mechanism.value.id)
                json.field("article", mechanism.value.article)
            }
            json.key("considerationsSociales")
            json.strings(entry.socialConsiderations)
            json.key("considerationsEnvironnementales")
            json.strings(entry.environmentalConsiderations)
            json.key("contrat")
            if let contract = study.contract {
                json.object { json in
                    json.field("nature", contract.nature?.label)
                    json.field("techniques", contract.technique?.label)
                    json.field("modalitesExecution", contract.execution?.label)
                    json.field("objet", contract.object)
                    json.field("lot", contract.lot)
                    json.field("codeCPV", contract.cpv)
                    json.key("lots")
                    json.objects(contract.lots) { json, lot in
                        json.field("numero", lot.number)
                        json.field("objet", lot.object)
                        json.key("montant")
                        if let amount = lot.amount { json.number(amount) } else { json.null() }
                        json.field("taxes", lot.taxBasis?.rawValue)
                        json.field("mecanisme", lot.mechanism?.id)
                        json.field("titulaire", lot.holder)
                    }
                }
            } else {
                json.null()
            }
            json.key("prix")
            if let award = study.award {
                json.object { json in
                    json.field("programme", award.programme.id)
                    json.field("programme_nom", award.programme.name)
                    json.key("edition")
                    json.number(award.edition)
                    json.field("categorie", award.category)
                    json.field("statut", award.status.id)
                }
            } else {
                json.null()
            }
            json.key("dates")
            json.object { json in
                for date in study.dates { json.field(date.kind.id, date.date.value.description) }
            }
            json.key("chiffres")
            json.object { json in
                for figure in catalogue.reported.compactMap({ study.figure($0.id) }) {
                    json.key(figure.indicator.id)
                    write(figure, to: &json)
                }
            }
            // Figures an entry defines for itself: apart, with their label, as nothing else names them.
            json.key("chiffres_propres")
            json.object { json in
                for figure in study.figures where figure.indicator.isOwn {
                    json.key(figure.indicator.id)
                    write(figure, label: figure.indicator.label, to: &json)
                }
            }
            json.key("indicateurs_calcules")
            json.object { json in
                for computed in entry.derived {
                    json.key(computed.definition.id)
                    json.object { json in
                        json.field("valeur", computed.value)
                        json.field("unite", computed.definition.unit.id)
                        if let qualifier = computed.qualifier { json.field("qualificatif", qualifier.rawValue) }
                        if computed.period != .total { json.field("periode", computed.period.machine) }
                        json.field("calcul", computed.equation)
                    }
                }
            }
            json.key("sources")
            json.objects(study.sources) { json, source in
                json.field("id", source.id)
                json.field("titre", source.title)
                json.field("editeur", source.publisher)
                json.field("date", source.date?.description)
                json.field("url", source.url)
            }
        }
    }
}
