import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// The entries as a CSV file that opens right in a French spreadsheet: `;` between fields, a UTF-8 byte-order
/// mark, decimal commas without thousands separators, CRLF line ends, one row per entry.
package enum CSVExporter {
    /// The whole file, as `showcase export` prints it and `build` writes it.
    package static func csv(_ entries: [OpenDataEntry], config: SiteConfig, catalogue: IndicatorCatalogue) -> [UInt8] {
        file(config: config, catalogue: catalogue).assemble(entries.map { row($0, config: config, catalogue: catalogue) })
    }

    /// The byte-order mark and the header row; then one row per entry.
    package static func file(config: SiteConfig, catalogue: IndicatorCatalogue) -> RecordFile {
        var header = [
            "identifiant", "titre", "url", "porteur", "porteur_type", "departement_code", "departement", "lieu",
            "territoire_departements", "territoire_region", "territoire_national",
            "partenaires", "partenaires_types", "mecanismes", "articles", "considerationsSociales",
            "considerationsEnvironnementales", "nature", "techniques", "modalitesExecution", "objet", "lot", "lots", "codeCPV",
            "programme", "edition", "categorie", "statut",
        ]
        header += Vocabularies.dateKinds.terms.map { "date_\($0.id)" }
        for indicator in catalogue.indicators {
            header.append(indicator.id)
            guard !indicator.isDerived else { continue }
            header += ["qualificatif", "periode", "perimetre", "objectif"].map { "\(indicator.id)_\($0)" }
            if indicator.unit.isAmount { header.append("\(indicator.id)_taxes") }
            header.append("\(indicator.id)_source")
        }
        header += ["chiffres_propres", "sources"]
        return RecordFile(opening: [0xEF, 0xBB, 0xBF] + line(header), separator: [], closing: [])
    }

    /// One entry's row, with its line end.
    package static func row(_ entry: OpenDataEntry, config: SiteConfig, catalogue: IndicatorCatalogue) -> [UInt8] {
        let study = entry.study
        var row = [
            study.slug, study.title, entry.url(baseURL: config.baseURL), study.buyer.name ?? "",
            study.buyer.kind?.label ?? "", study.buyer.departement?.id ?? "", study.buyer.departement?.label ?? "",
            study.place ?? "", list(study.territory?.departements.map(\.id) ?? []), study.territory?.region?.label ?? "",
            study.territory.map { $0.isNational ? "oui" : "" } ?? "", list(study.partners.map(\.name)), list(study.partners.map(\.kind.value.id)),
            list(study.mechanisms.map(\.value.id)), list(study.mechanisms.map(\.value.article)),
            list(entry.socialConsiderations), list(entry.environmentalConsiderations),
            study.contract?.nature?.label ?? "", study.contract?.technique?.label ?? "",
            study.contract?.execution?.label ?? "", study.contract?.object ?? "", study.contract?.lot ?? "",
            list((study.contract?.lots ?? []).map { lot in (lot.number.map { "\($0) : " } ?? "") + lot.object }),
            study.contract?.cpv ?? "", study.award?.programme.name ?? "", study.award.map { String($0.edition) } ?? "",
            study.award?.category ?? "", study.award?.status.label ?? "",
        ]
        row += Vocabularies.dateKinds.terms.map { kind in study.dates.first { $0.kind.id == kind.id }?.date.value.description ?? "" }
        for indicator in catalogue.indicators {
            if indicator.isDerived {
                row.append(entry.derived.first { $0.definition.id == indicator.id }.map { number($0.value) } ?? "")
            } else {
                let figure = study.figure(indicator.id)
                row.append(figure.map { number($0.value.value) } ?? "")
                // How the figure is worded, each in its column: a spreadsheet can then sort and filter on it.
                row.append(figure?.qualifier?.rawValue ?? "")
                row.append(figure.map { $0.period.machine } ?? "")
                row.append(figure?.scope ?? "")
                row.append(figure?.target.map(number) ?? "")
                if indicator.unit.isAmount { row.append(figure?.taxBasis?.rawValue ?? "") }
                row.append(figure.flatMap { study.source($0.sourceID) }.map(describe) ?? "")
            }
        }
        // Figures an entry defines for itself have no column of their own: each in words, label first.
        row.append(list(study.figures.filter(\.indicator.isOwn).map { "\($0.indicator.label) : \($0.valueWording)" }))
        row.append(list(study.sources.map(describe)))
        return line(row)
    }

    private static func line(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        for (offset, value) in fields.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ";")) }
            appendField(value, to: &out)
        }
        out += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        return out
    }

    /// `5,6`, `17000000`: what a French spreadsheet reads as a number.
    static func number(_ value: Double) -> String {
        let text = MachineNumber.format(value)
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    private static func list(_ items: [String]) -> String { items.joined(separator: " | ") }

    private static func describe(_ source: SourceReference) -> String {
        var text = "\(source.title), \(source.publisher)"
        if let date = source.date { text += ", \(date)" }
        if let url = source.url { text += " <\(url)>" }
        return text
    }

    /// Text a spreadsheet would take for a formula (`=`, `+`, `@`, or `-` before something that is not a number)
    /// starts with an apostrophe, which spreadsheets hide and which turns it back into text: opening the open data
    /// must never run anything.
    static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return "'" + text
        case UInt8(ascii: "-") where Double(text.replacingOccurrences(of: ",", with: ".")) == nil:
            return "'" + text
        default:
            return text
        }
    }

    /// Quoted when it holds the separator, a quote, a line end, or spaces at either end.
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendField(_ text: String, to out: inout [UInt8]) {
        let text = neutralized(text)
        let bytes = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            || bytes.first.map(isSpace) == true || bytes.last.map(isSpace) == true
        guard needsQuotes else { out += bytes; return }
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
