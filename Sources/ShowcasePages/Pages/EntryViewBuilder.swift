import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// Turns a valid case study and its computed indicators into what templates see.
package enum EntryViewBuilder {
    /// The entry as lists show it: everything but its body and structured data (`EntryView.completed` adds them
    /// for its own page).
    package static func card(
        _ study: CaseStudy, derived: [ComputedIndicator], notComputed: [NotComputedView] = [], config: SiteConfig
    ) -> EntryView {
        let openData = OpenDataEntry(study: study, derived: derived)
        let path = SitePages.entryFile(study.slug)
        let sources = study.sources.enumerated().map { offset, source in
            SourceView(number: offset + 1, anchor: "source-\(offset + 1)", title: source.title,
                       publisher: source.publisher, date: source.date?.french, url: source.url)
        }
        let sourceByID = Dictionary(zip(study.sources.map(\.id), sources), uniquingKeysWith: { first, _ in first })
        return EntryView(
            slug: study.slug,
            path: path,
            absoluteURL: config.baseURL + path,
            title: study.title,
            shortTitle: study.shortTitle,
            updated: FeedDates.rfc3339(FeedDates.updated(study)),
            images: study.images.compactMap(ImageView.init),
            jsonLD: "",
            summary: study.summary,
            place: study.place,
            buyer: buyer(study.buyer),
            partners: study.partners.map { partner in
                PartnerView(name: partner.name, kind: partner.kind.value.id, kindLabel: partner.kindLabel ?? partner.kind.value.label,
                            role: partner.role?.label)
            },
            mechanisms: study.mechanisms.map { located in
                let mechanism = located.value
                return MechanismView(id: mechanism.id, article: mechanism.article, title: mechanism.title,
                                     explanation: mechanism.explanation, link: mechanism.link)
            },
            socialConsiderations: openData.socialConsiderations,
            environmentalConsiderations: study.environmentalConsiderations.map(\.label),
            contract: study.contract.map { contract in
                ContractView(nature: contract.nature?.label, procedure: contract.procedure?.label, technique: contract.technique?.label,
                             execution: contract.execution?.label, object: contract.object, lot: contract.lot,
                             cpv: contract.cpv, lots: contract.lots.map(lotView))
            },
            dates: study.dates.sorted { $0.date.value < $1.date.value }.map { date in
                DateView(kind: date.kind.id, label: date.kind.label, iso: date.date.value.htmlDatetime,
                         text: date.date.value.french, source: date.sourceID.flatMap { sourceByID[$0] })
            },
            award: study.award.map { award in
                AwardView(programme: award.programme.name, programmeURL: award.programme.url,
                          organiser: award.programme.organiser, edition: award.edition, category: award.category,
                          status: award.status.id, statusLabel: award.status.label, isWinner: award.status.id == "laureat")
            },
            figures: study.figures.compactMap { figure in
                guard let source = sourceByID[figure.sourceID] else { return nil }
                return FigureView(
                    id: figure.indicator.id, label: figure.indicator.label,
                    value: figure.valueWording,
                    rawValue: MachineNumber.format(figure.value.value), definition: figure.indicator.definition,
                    note: figure.note, quote: figure.quote, page: figure.page, source: source, detail: figure.detailWording)
            },
            derived: derived.map { indicator in
                DerivedView(id: indicator.definition.id, label: indicator.definition.label, value: indicator.formatted,
                            rawValue: MachineNumber.format(indicator.value), equation: indicator.equation,
                            definition: indicator.definition.definition)
            },
            notComputed: notComputed,
            sources: sources,
            bodyHTML: "",
            isDraft: study.isDraft,
            territory: study.territory.map(\.words).flatMap { $0.isEmpty ? nil : $0 },
            evidence: evidence(study, derived: derived, sources: sourceByID),
            decpURL: study.decp?.publicURL)
    }

    /// For each criterion of the entry's programme, what the entry cites, each piece with its anchor in the page;
    /// a criterion it cites nothing for is listed too, as missing.
    private static func evidence(_ study: CaseStudy, derived: [ComputedIndicator], sources: [String: SourceView]) -> [EvidenceView] {
        guard let award = study.award else { return [] }
        return award.programme.criteria.map { criterion in
            let given = award.evidence.first { $0.criterion.id == criterion.id }
            var items: [EvidenceItemView] = []
            for name in given?.figures ?? [] {
                if let figure = study.figure(name) {
                    items.append(EvidenceItemView(kind: .figure, label: "\(figure.indicator.label) : \(figure.valueWording)",
                                                  target: "chiffre-\(name)"))
                } else if let computed = derived.first(where: { $0.definition.id == name }) {
                    items.append(EvidenceItemView(kind: .figure, label: "\(computed.definition.label) : \(computed.formatted)",
                                                  target: "indicateur-\(name)"))
                }
            }
            for section in given?.sections ?? [] {
                items.append(EvidenceItemView(kind: .section, label: section.value,
                                              target: RenderedMarkdown.anchorPrefix + section.value))
            }
            for id in given?.sources ?? [] {
                guard let source = sources[id] else { continue }
                items.append(EvidenceItemView(kind: .source, label: "[\(source.number)] \(source.title)", target: source.anchor))
            }
            return EvidenceView(criterionID: criterion.id, title: criterion.title, question: criterion.question,
                                text: given?.text, items: items)
        }
    }

    /// Why each derived indicator of the catalogue is missing from this entry.
    package static func notComputed(_ study: CaseStudy, catalogue: IndicatorCatalogue, computed: [ComputedIndicator]) -> [NotComputedView] {
        IndicatorCompiler.missing(study, catalogue: catalogue, computed: computed).filter { $0.indicator.concerns(study) }
            .map { indicator, lacking in
            NotComputedView(id: indicator.id, label: indicator.label,
                            reason: NotComputedReason.text(lacking: lacking))
        }
    }

    private static func lotView(_ lot: Lot) -> LotView {
        let euros = Units.defaults.first { $0.id == "euros" }
        let amount = lot.amount.flatMap { value in
            euros.map { $0.format(value, decimals: nil) + (lot.taxBasis?.suffix ?? "") }
        }
        return LotView(number: lot.number, object: lot.object, amount: amount,
                       mechanism: lot.mechanism.map { "\($0.title) (art. \($0.article))" }, holder: lot.holder)
    }

    private static func buyer(_ buyer: Buyer) -> BuyerView {
        let unnamed = "Acheteur non nommé par les sources"
        return BuyerView(
            name: buyer.name ?? (buyer.kind.map { "\($0.label) (non nommé par les sources)" } ?? unnamed),
            isNamed: buyer.name != nil,
            kind: buyer.kind?.label,
            departement: buyer.departement.map { Departements.displayName($0.id) },
            departementCode: buyer.departement?.id,
            siret: buyer.siret)
    }
}
