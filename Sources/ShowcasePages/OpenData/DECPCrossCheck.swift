import ShowcaseFoundation
import ShowcaseContent

/// Compares what case studies say of their contract with the contract's record in the essential data
/// (`showcase check --decp FILE`): amount, CPV code, notification date, procedure, social and environmental
/// considerations. Each disagreement is a warning at the entry's `decp:` line, with both values and the
/// record's id; an entry whose record is not in the file is told so.
package enum DECPCrossCheck {
    package static func check(_ studies: [CaseStudy], records: [String: DECPRecord]) -> [Diagnostic] {
        studies.flatMap { study -> [Diagnostic] in
            guard let reference = study.decp else { return [] }
            guard let record = records[reference.uid] else {
                return [.warning(.decpRecordNotFound, "le marché « \(reference.id) » de l'acheteur \(reference.buyerSIRET) n'est pas dans le fichier DECP",
                                 at: reference.location,
                                 help: "vérifiez `id` et `acheteur` sous `decp:` ; le fichier ne couvre peut-être pas l'année de notification ou cet acheteur")]
            }
            return differences(study, record).map { field, ours, theirs in
                .warning(.decpMismatch, "\(field) : la fiche dit « \(ours) », le registre DECP « \(theirs) » (marché \(record.uid))",
                         at: reference.location,
                         help: "vérifiez la fiche et sa source ; si le registre se trompe, dites-le dans le récit plutôt que de copier son chiffre")
            }
        }
    }

    /// Each field both sides give and on which they disagree: its name, the entry's value, the record's.
    static func differences(_ study: CaseStudy, _ record: DECPRecord) -> [(String, String, String)] {
        var found: [(String, String, String)] = []
        let euros = Units.defaults.first { $0.id == "euros" }
        // The register gives the amount before tax: an amount with tax included is not compared.
        if let figure = study.figure("montant_euros"), let amount = record.amount, figure.taxBasis != .includingTax {
            let tolerance = figure.qualifier == nil ? 0.5 : amount * 0.1
            if abs(figure.value.value - amount) > tolerance, let euros {
                found.append(("montant", figure.valueWording, euros.format(amount, decimals: nil)))
            }
        }
        if let ours = study.contract?.cpv, let theirs = record.cpv, ours.prefix(8) != theirs.prefix(8) {
            found.append(("code CPV", ours, theirs))
        }
        if let award = study.dates.first(where: { $0.kind.id == "attribution" })?.date.value, let notified = record.notification,
           let date = PartialDate(iso: String(notified.prefix(10))), !award.covers(date) {
            found.append(("date d'attribution", award.french, date.french))
        }
        if let ours = study.contract?.procedure?.label, let theirs = record.procedure,
           ours.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            != theirs.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) {
            found.append(("procédure", ours, theirs))
        }
        let entry = OpenDataEntry(study: study, derived: study.derived)
        if !entry.socialConsiderations.isEmpty, !record.social.isEmpty, Set(entry.socialConsiderations) != Set(record.social) {
            found.append(("considérations sociales", entry.socialConsiderations.joined(separator: ", "), record.social.joined(separator: ", ")))
        }
        if !entry.environmentalConsiderations.isEmpty, !record.environmental.isEmpty,
           Set(entry.environmentalConsiderations) != Set(record.environmental) {
            found.append(("considérations environnementales", entry.environmentalConsiderations.joined(separator: ", "),
                          record.environmental.joined(separator: ", ")))
        }
        return found
    }
}
