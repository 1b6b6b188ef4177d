import ShowcaseFoundation
import ShowcaseImages

/// What lists show of an entry, as compact bytes: a build keeps one run of bytes per entry (put aside on disk)
/// rather than some sixty objects, and decodes each card when a page that lists it is rendered. Every field of
/// the card is written, in declaration order; the sources once, the figures and dates naming theirs by position.
extension ListedEntry {
    package var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.reserveCapacity(2048)
        Self.write(card, to: &writer)
        writer.write(filterKeys)
        // Last, so that a card read back keeps them as the bytes that end the record.
        writer.write(cells) { writer, cell in
            writer.write(cell.value)
            writer.write(cell.rawValue)
            writer.write(cell.isKnown)
            writer.write(cell.reason)
        }
        return writer.bytes
    }

    /// As `encoded` wrote it; the cells stay encoded until the compare table asks for them.
    package convenience init(encoded bytes: [UInt8]) throws(MalformedBinary) {
        var reader = BinaryReader(bytes[...])
        let card = try Self.readCard(&reader)
        let filterKeys = try reader.readString()
        let cells = reader.rest
        // Read once without building anything, so that reading them later cannot fail.
        _ = try Self.readCells(cells, building: false)
        self.init(card: card, storedCells: .encoded(cells), filterKeys: filterKeys)
    }

    /// The cells as `encoded` wrote them, which must be the whole of `bytes`; without `building`, only checked.
    static func readCells(_ bytes: ArraySlice<UInt8>, building: Bool = true) throws(MalformedBinary) -> [CellView] {
        var reader = BinaryReader(bytes)
        var cells: [CellView] = []
        for _ in 0..<(try reader.readCount()) {
            if building {
                cells.append(CellView(value: try reader.readString(), rawValue: try reader.readString(), isKnown: try reader.readBool(),
                                      reason: try reader.readOptionalString()))
            } else {
                try reader.skipString()
                try reader.skipString()
                _ = try reader.readBool()
                if try reader.readBool() { try reader.skipString() }
            }
        }
        guard reader.isAtEnd else { throw MalformedBinary() }
        return cells
    }

    /// The card: its body, structured data and anchor prefix are empty (only its own page fills them).
    private static func write(_ card: EntryView, to writer: inout BinaryWriter) {
        for text in [card.slug, card.path, card.absoluteURL, card.title, card.shortTitle, card.updated] { writer.write(text) }
        writer.write(card.images) { writer, image in
            writer.write(image.path)
            writer.write(image.alt)
            writer.write(image.width)
            writer.write(image.height)
            writer.write(image.caption)
            writer.write(image.credit)
            for photos in [image.webp, image.jpeg] {
                writer.write(photos) { writer, photo in
                    writer.write(photo.path)
                    writer.write(photo.format.rawValue)
                    writer.write(photo.width)
                    writer.write(photo.height)
                }
            }
        }
        writer.write(card.summary)
        writer.write(card.place)
        let buyer = card.buyer
        writer.write(buyer.name)
        writer.write(buyer.isNamed)
        for text in [buyer.kind, buyer.departement, buyer.departementCode, buyer.siret] { writer.write(text) }
        writer.write(card.partners) { writer, partner in
            writer.write(partner.name)
            writer.write(partner.kind)
            writer.write(partner.kindLabel)
            writer.write(partner.role)
        }
        writer.write(card.mechanisms) { writer, mechanism in
            for text in [mechanism.id, mechanism.article, mechanism.title, mechanism.explanation, mechanism.link] { writer.write(text) }
        }
        writer.write(card.socialConsiderations)
        writer.write(card.environmentalConsiderations)
        writer.write(card.contract) { writer, contract in
            for text in [contract.nature, contract.procedure, contract.technique, contract.execution, contract.object, contract.lot,
                         contract.cpv] { writer.write(text) }
            writer.write(contract.lots) { writer, lot in
                writer.write(lot.number)
                writer.write(lot.object)
                for text in [lot.amount, lot.mechanism, lot.holder] { writer.write(text) }
            }
        }
        // Sources first: figures and dates name theirs by position (-1: none).
        writer.write(card.sources) { writer, source in
            writer.write(source.number)
            writer.write(source.anchor)
            writer.write(source.title)
            writer.write(source.publisher)
            writer.write(source.date)
            writer.write(source.url)
        }
        let position = { (source: SourceView?) -> Int in source.flatMap { source in card.sources.firstIndex { $0 === source } } ?? -1 }
        writer.write(card.dates) { writer, date in
            for text in [date.kind, date.label, date.iso, date.text] { writer.write(text) }
            writer.write(position(date.source))
        }
        writer.write(card.award) { writer, award in
            writer.write(award.programme)
            writer.write(award.programmeURL)
            writer.write(award.organiser)
            writer.write(award.edition)
            writer.write(award.category)
            writer.write(award.status)
            writer.write(award.statusLabel)
            writer.write(award.isWinner)
        }
        writer.write(card.figures) { writer, figure in
            for text in [figure.id, figure.label, figure.value, figure.rawValue, figure.definition] { writer.write(text) }
            for text in [figure.note, figure.quote, figure.page, figure.detail] { writer.write(text) }
            writer.write(position(figure.source))
        }
        writer.write(card.derived) { writer, derived in
            for text in [derived.id, derived.label, derived.value, derived.rawValue, derived.equation, derived.definition] {
                writer.write(text)
            }
        }
        writer.write(card.notComputed) { writer, missing in
            for text in [missing.id, missing.label, missing.reason] { writer.write(text) }
        }
        writer.write(card.isDraft)
        writer.write(card.territory)
        writer.write(card.evidence) { writer, evidence in
            for text in [evidence.criterionID, evidence.title, evidence.question] { writer.write(text) }
            writer.write(evidence.text)
            writer.write(evidence.items) { writer, item in
                writer.write(item.kind.rawValue)
                writer.write(item.label)
                writer.write(item.target)
            }
        }
        writer.write(card.decpURL)
    }

    private static func readCard(_ reader: inout BinaryReader) throws(MalformedBinary) -> EntryView {
        let slug = try reader.readString(), path = try reader.readString(), absoluteURL = try reader.readString()
        let title = try reader.readString(), shortTitle = try reader.readString(), updated = try reader.readString()
        let images = try reader.readArray { reader throws(MalformedBinary) in
            let path = try reader.readString(), alt = try reader.readString(), width = try reader.readInt()
            let height = try reader.readInt(), caption = try reader.readOptionalString(), credit = try reader.readOptionalString()
            let photos = { (reader: inout BinaryReader) throws(MalformedBinary) -> [PublishedPhoto] in
                try reader.readArray { reader throws(MalformedBinary) in
                    let path = try reader.readString()
                    guard let format = PhotoFormat(rawValue: try reader.readString()) else { throw MalformedBinary() }
                    return PublishedPhoto(path: path, format: format, width: try reader.readInt(), height: try reader.readInt())
                }
            }
            return ImageView(path: path, alt: alt, width: width, height: height, caption: caption, credit: credit,
                             webp: try photos(&reader), jpeg: try photos(&reader))
        }
        let summary = try reader.readString(), place = try reader.readOptionalString()
        let buyer = BuyerView(name: try reader.readString(), isNamed: try reader.readBool(), kind: try reader.readOptionalString(),
                              departement: try reader.readOptionalString(), departementCode: try reader.readOptionalString(),
                              siret: try reader.readOptionalString())
        let partners = try reader.readArray { reader throws(MalformedBinary) in
            PartnerView(name: try reader.readString(), kind: try reader.readString(), kindLabel: try reader.readString(),
                        role: try reader.readOptionalString())
        }
        let mechanisms = try reader.readArray { reader throws(MalformedBinary) in
            MechanismView(id: try reader.readString(), article: try reader.readString(), title: try reader.readString(),
                          explanation: try reader.readString(), link: try reader.readString())
        }
        let social = try reader.readStrings(), environmental = try reader.readStrings()
        let contract = try reader.readOptional { reader throws(MalformedBinary) in
            ContractView(nature: try reader.readOptionalString(), procedure: try reader.readOptionalString(),
                         technique: try reader.readOptionalString(), execution: try reader.readOptionalString(),
                         object: try reader.readOptionalString(), lot: try reader.readOptionalString(),
                         cpv: try reader.readOptionalString(), lots: try reader.readArray { reader throws(MalformedBinary) in
                LotView(number: try reader.readOptionalString(), object: try reader.readString(), amount: try reader.readOptionalString(),
                        mechanism: try reader.readOptionalString(), holder: try reader.readOptionalString())
            })
        }
        let sources = try reader.readArray { reader throws(MalformedBinary) in
            SourceView(number: try reader.readInt(), anchor: try reader.readString(), title: try reader.readString(),
                       publisher: try reader.readString(), date: try reader.readOptionalString(), url: try reader.readOptionalString())
        }
        let source = { (reader: inout BinaryReader) throws(MalformedBinary) -> SourceView? in
            let position = try reader.readInt()
            guard position >= 0 else { return nil }
            guard position < sources.count else { throw MalformedBinary() }
            return sources[position]
        }
        let dates = try reader.readArray { reader throws(MalformedBinary) in
            DateView(kind: try reader.readString(), label: try reader.readString(), iso: try reader.readString(),
                     text: try reader.readString(), source: try source(&reader))
        }
        let award = try reader.readOptional { reader throws(MalformedBinary) in
            AwardView(programme: try reader.readString(), programmeURL: try reader.readOptionalString(),
                      organiser: try reader.readOptionalString(), edition: try reader.readInt(), category: try reader.readOptionalString(),
                      status: try reader.readString(), statusLabel: try reader.readString(), isWinner: try reader.readBool())
        }
        let figures = try reader.readArray { reader throws(MalformedBinary) in
            let id = try reader.readString(), label = try reader.readString(), value = try reader.readString()
            let rawValue = try reader.readString(), definition = try reader.readString()
            let note = try reader.readOptionalString(), quote = try reader.readOptionalString(), page = try reader.readOptionalString()
            let detail = try reader.readOptionalString()
            guard let cited = try source(&reader) else { throw MalformedBinary() }
            return FigureView(id: id, label: label, value: value, rawValue: rawValue, definition: definition, note: note, quote: quote,
                              page: page, source: cited, detail: detail)
        }
        let derived = try reader.readArray { reader throws(MalformedBinary) in
            DerivedView(id: try reader.readString(), label: try reader.readString(), value: try reader.readString(),
                        rawValue: try reader.readString(), equation: try reader.readString(), definition: try reader.readString())
        }
        let notComputed = try reader.readArray { reader throws(MalformedBinary) in
            NotComputedView(id: try reader.readString(), label: try reader.readString(), reason: try reader.readString())
        }
        let isDraft = try reader.readBool(), territory = try reader.readOptionalString()
        let evidence = try reader.readArray { reader throws(MalformedBinary) in
            EvidenceView(criterionID: try reader.readString(), title: try reader.readString(), question: try reader.readString(),
                         text: try reader.readOptionalString(), items: try reader.readArray { reader throws(MalformedBinary) in
                guard let kind = EvidenceItemView.Kind(rawValue: try reader.readString()) else { throw MalformedBinary() }
                return EvidenceItemView(kind: kind, label: try reader.readString(), target: try reader.readString())
            })
        }
        return EntryView(slug: slug, path: path, absoluteURL: absoluteURL, title: title, shortTitle: shortTitle, updated: updated,
                         images: images, jsonLD: "", summary: summary, place: place, buyer: buyer, partners: partners,
                         mechanisms: mechanisms, socialConsiderations: social, environmentalConsiderations: environmental,
                         contract: contract, dates: dates, award: award, figures: figures, derived: derived, notComputed: notComputed,
                         sources: sources, bodyHTML: "", isDraft: isDraft, territory: territory, evidence: evidence,
                         decpURL: try reader.readOptionalString())
    }
}
