import ShowcaseFoundation

/// What an entry brings to one criterion of its programme: its figures, sections of its story, its sources.
package struct CriterionEvidence: Sendable {
    package let criterion: AwardCriterion
    /// Names of the entry's figures, reported or computed.
    package var figures: [String] = []
    /// Anchors of the story's headings (`ce-que-cela-change`), checked once the story is rendered.
    package var sections: [Located<String>] = []
    /// Ids of the entry's sources.
    package var sources: [String] = []
    /// One or two sentences for the jury, when the writer gives them.
    package var text: String?

    package var isEmpty: Bool { figures.isEmpty && sections.isEmpty && sources.isEmpty && text == nil }
}

/// Reads `prix: preuves:` against the programme's criteria and the entry's own figures and sources, so that
/// evidence never points at nothing; and says which criteria an entry leaves without evidence.
struct AwardEvidenceReader {
    static let fields = ["chiffres", "sections", "sources", "texte"]

    let programme: AwardProgramme
    /// Every figure the entry publishes or computes.
    let figureNames: [String]
    let sourceIDs: [String]

    /// - Parameter node: the `preuves:` value, `nil` when the entry has none.
    /// - Parameter at: where `prix:` is written, for the warnings about criteria left without evidence.
    func read(_ node: YAMLNode?, at awardLocation: SourceLocation, _ reader: inout NodeReader) -> [CriterionEvidence] {
        let criteria = programme.criteria
        var evidence: [CriterionEvidence] = []
        if let node {
            guard !criteria.isEmpty else {
                reader.report(.error(.unknownField, "« \(programme.name) » ne déclare pas de critères : « preuves » n'a rien à quoi se rapporter",
                                     at: node.location,
                                     help: "supprimez « preuves », ou déclarez les critères du programme dans showcase.yaml, sous `criteres:`"))
                return []
            }
            guard let fields = reader.fields(of: node, allowed: criteria.map(\.id), context: "preuves",
                                             extraHelp: "critères de « \(programme.name) » : " + criteria.map { "`\($0.id)`" }.joined(separator: ", "))
            else { return [] }
            for criterion in criteria {
                guard let value = reader.value(fields, criterion.id, required: false),
                      let given = reader.fields(of: value, allowed: Self.fields, context: criterion.id) else { continue }
                var item = CriterionEvidence(criterion: criterion)
                item.figures = names(given, "chiffres", among: figureNames, kind: "chiffre", &reader)
                item.sources = names(given, "sources", among: sourceIDs, kind: "source", &reader)
                item.sections = (reader.list(given, "sections") ?? []).compactMap { reader.text($0, name: "sections") }
                item.text = reader.text(given, "texte", required: false)?.value
                evidence.append(item)
            }
        }
        for criterion in criteria where !evidence.contains(where: { $0.criterion.id == criterion.id && !$0.isEmpty }) {
            reader.report(.warning(
                .criterionWithoutEvidence, "le critère « \(criterion.title) » de « \(programme.name) » n'a pas de preuve dans cette fiche",
                at: awardLocation,
                help: "sous `prix:`, ajoutez `preuves:` puis `\(criterion.id): { chiffres: [\(figureNames.first ?? "un_chiffre")] }` : \(criterion.question.lowercasedFirstLetter)"))
        }
        return evidence
    }

    /// The names listed under `key`, each checked against what the entry has.
    private func names(_ fields: Fields, _ key: String, among known: [String], kind: String,
                       _ reader: inout NodeReader) -> [String] {
        (reader.list(fields, key) ?? []).compactMap { node -> String? in
            guard let name = reader.text(node, name: key) else { return nil }
            guard known.contains(name.value) else {
                let help = Suggestion.help(for: name.value, among: known, listing: "\(kind)s de cette fiche : ",
                                           whenNone: "cette fiche n'a aucun \(kind) à citer")
                reader.report(.error(.evidenceNotFound, "la preuve « \(name.value) » ne renvoie à aucun \(kind) de cette fiche",
                                     at: name.location, help: help))
                return nil
            }
            return name.value
        }
    }
}

/// The sections an entry cites as evidence, checked against the headings of its rendered story.
package enum EvidenceSections {
    package static func check(_ study: CaseStudy, anchors: [String]) -> [Diagnostic] {
        guard let award = study.award else { return [] }
        return award.evidence.flatMap(\.sections).compactMap { section -> Diagnostic? in
            guard !anchors.contains(section.value) else { return nil }
            let help = Suggestion.help(for: section.value, among: anchors, listing: "intertitres du récit : ",
                                       whenNone: "le récit n'a pas d'intertitre : ajoutez-en un (`## Ce que cela change`) pour le citer")
            return .error(.evidenceNotFound, "la section « \(section.value) » ne renvoie à aucun intertitre du récit",
                          at: section.location, help: help)
        }
    }
}
