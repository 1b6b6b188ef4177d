import ShowcaseFoundation

/// Rules that tie several fields of one case study together. Each reports at the value a writer has to fix.
enum CaseStudyRules {
    static func check(_ study: CaseStudy, catalogue: IndicatorCatalogue) -> [Diagnostic] {
        figuresWithinTheirBound(study) + figuresArePlausible(study, catalogue: catalogue)
            + reservedMarketsHaveEligiblePartner(study) + reservationsAreCompatible(study) + datesAreInOrder(study)
    }

    /// A figure (reported or derived) above the catalogue's `alerte_au_dela` is possible but unlikely: a warning,
    /// at the value the writer typed (for a derived one, the first figure of its formula).
    static func figuresArePlausible(_ study: CaseStudy, catalogue: IndicatorCatalogue) -> [Diagnostic] {
        let reported = study.figures.compactMap { figure -> Diagnostic? in
            guard let limit = figure.indicator.warnAbove, figure.value.value > limit else { return nil }
            return implausible(figure.indicator, value: figure.value.value, limit: limit, at: figure.value.location,
                               inputs: [])
        }
        let derived = study.derived.compactMap { computed -> Diagnostic? in
            guard let limit = computed.definition.warnAbove, computed.value > limit else { return nil }
            let inputs = (computed.definition.formula?.names ?? []).compactMap { study.figure($0) }
            guard let first = inputs.first else { return nil }
            return implausible(computed.definition, value: computed.value, limit: limit, at: first.value.location,
                               inputs: inputs.map(\.indicator.id))
        }
        return reported + derived
    }

    private static func implausible(
        _ indicator: IndicatorDefinition, value: Double, limit: Double, at location: SourceLocation, inputs: [String]
    ) -> Diagnostic {
        let unit = indicator.unit
        let figures = inputs.isEmpty ? "ce chiffre" : inputs.map { "« \($0) »" }.joined(separator: " et ")
        return .warning(
            .implausibleFigure,
            "« \(indicator.id) » vaut \(unit.format(value, decimals: indicator.decimals)), au-delà de \(unit.format(limit, decimals: nil)) : chiffre peu plausible",
            at: location,
            help: "vérifiez \(figures) dans la source ; s'ils sont justes, dites dans `note` ce qu'ils couvrent (par exemple plusieurs années)")
    }

    /// A figure may not exceed the one the catalogue names in `au_plus` (RSA beneficiaries ≤ people hired).
    static func figuresWithinTheirBound(_ study: CaseStudy) -> [Diagnostic] {
        study.figures.compactMap { figure in
            guard let boundID = figure.indicator.atMost, let bound = study.figure(boundID),
                  figure.value.value > bound.value.value else { return nil }
            let unit = figure.indicator.unit
            return .error(
                .figureExceedsBound,
                "« \(figure.indicator.id) » (\(unit.format(figure.value.value, decimals: nil))) dépasse « \(boundID) » (\(bound.indicator.unit.format(bound.value.value, decimals: nil)))",
                at: figure.value.location,
                help: "« \(figure.indicator.label) » sont comptés parmi « \(bound.indicator.label) » et ne peuvent pas être plus nombreux : vérifiez les deux chiffres dans la source")
        }
    }

    /// A reserved market needs a partner of a kind the article allows to hold it; when roles are given, the
    /// holder (« titulaire ») must be that partner.
    static func reservedMarketsHaveEligiblePartner(_ study: CaseStudy) -> [Diagnostic] {
        let holders = study.partners.filter { $0.role?.id == "titulaire" }
        let candidates = holders.isEmpty ? study.partners : holders
        return study.mechanisms.compactMap { located in
            let mechanism = located.value
            guard let eligible = mechanism.eligiblePartnerKinds,
                  !candidates.contains(where: { eligible.contains($0.kind.value.id) }) else { return nil }
            let named = candidates.map { "« \($0.name) » (\($0.kind.value.id))" }.joined(separator: ", ")
            let who = holders.isEmpty ? "aucun partenaire" : "le titulaire \(named)"
            return .error(
                .ineligiblePartner,
                "marché réservé (art. \(mechanism.article)) mais \(who) n'est d'un type que l'article permet",
                at: located.location,
                help: "l'article \(mechanism.article) réserve le marché aux types " + eligible.map { "`\($0)`" }.joined(separator: ", ")
                    + " : corrigez le `type` du titulaire dans `partenaires`, ou le mécanisme")
        }
    }

    /// Production in prison (L. 2113-13-1) is not combined with the other reservations in one purchase.
    static func reservationsAreCompatible(_ study: CaseStudy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, first) in study.mechanisms.enumerated() {
            for second in study.mechanisms[(index + 1)...] where LegalMechanisms.areIncompatible(first.value.id, second.value.id) {
                diagnostics.append(.error(
                    .incompatibleReservations,
                    "« \(second.value.id) » (art. \(second.value.article)) ne se combine pas avec « \(first.value.id) » (art. \(first.value.article))",
                    at: second.location,
                    help: "une réservation à la production en détention (L. 2113-13-1) ne se cumule pas avec les réservations des articles L. 2113-12 à L. 2113-14 : gardez-en une, ou décrivez deux lots dans deux fiches"))
            }
        }
        return diagnostics
    }

    /// Launch, award and first delivery come in this order.
    static func datesAreInOrder(_ study: CaseStudy) -> [Diagnostic] {
        let ordered = Vocabularies.orderedDateKinds.compactMap { kind in study.dates.first { $0.kind.id == kind } }
        var diagnostics: [Diagnostic] = []
        for (index, later) in ordered.enumerated() {
            for earlier in ordered[..<index] where earlier.date.value.isSurelyAfter(later.date.value) {
                diagnostics.append(.error(
                    .datesOutOfOrder,
                    "« \(later.kind.id) » (\(later.date.value.french)) précède « \(earlier.kind.id) » (\(earlier.date.value.french))",
                    at: later.date.location,
                    help: "l'ordre attendu est : " + Vocabularies.orderedDateKinds.joined(separator: " ≤ ") + " ; vérifiez les deux dates dans la source"))
            }
        }
        return diagnostics
    }
}
