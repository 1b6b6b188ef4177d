import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// What the pages that list entries need to know of one entry: enough to sort, group, total and chart every
/// entry without reading it again. An incremental build remembers it between runs (`BuildMemory`), so that a
/// site of 10 000 entries can be planned after one edit without parsing the 9 999 others. A class: planning
/// passes 10 000 of them through many arrays, and a reference costs one retain where these fields cost twenty.
package final class EntrySummary: Sendable {
    /// The content file, from the project root (`content/angresse.md`).
    package let path: String
    package let slug: String
    package let title: String
    package let shortTitle: String
    /// RFC 3339, for the feed.
    package let updated: String
    /// Legal mechanism ids, in the entry's order.
    package let mechanisms: [String]
    /// Environmental consideration ids, in the entry's order.
    package let environment: [String]
    /// The départements of its territory (`territoire: departements:`), besides its buyer's.
    package let territory: [String]
    package let departement: String?
    package let award: AwardKey?
    /// The figures the entry reports, in its order.
    package let figures: [FigureValue]
    /// The derived indicators it could compute.
    package let derivedIDs: [String]
    /// Where its photos are published (`images/chantier-3f2a….jpg`).
    package let imageOutputs: [String]
    /// Changes whenever anything the entry shows in a list changes: its front matter, or a photo.
    package let cardFingerprint: UInt64
    /// The title folded for sorting (case and accents aside).
    let sortKey: String
    /// The fingerprint of the fields pages are planned from (all but the fingerprints and photos).
    package let planningHash: UInt64

    /// - Parameter sortKey: the folded title, when already known (it is remembered with the rest).
    package init(path: String, slug: String, title: String, shortTitle: String, updated: String, mechanisms: [String],
                environment: [String] = [], territory: [String] = [], departement: String?, award: AwardKey?, figures: [FigureValue], derivedIDs: [String],
                imageOutputs: [String], cardFingerprint: UInt64, sortKey: String? = nil) {
        self.path = path
        self.slug = slug
        self.title = title
        self.shortTitle = shortTitle
        self.updated = updated
        self.mechanisms = mechanisms
        self.environment = environment
        self.territory = territory
        self.departement = departement
        self.award = award
        self.figures = figures
        self.derivedIDs = derivedIDs
        self.imageOutputs = imageOutputs
        self.cardFingerprint = cardFingerprint
        self.sortKey = sortKey ?? Suggestion.fold(title)
        var planning = BinaryWriter()
        Self.writePlanningFields(path: path, slug: slug, title: title, shortTitle: shortTitle, updated: updated,
                                 mechanisms: mechanisms, environment: environment, territory: territory, departement: departement, award: award,
                                 figures: figures, derivedIDs: derivedIDs, to: &planning)
        planningHash = ContentHash.hash(planning.bytes)
    }

    /// What every build needs of it, even one that plans nothing.
    package var key: EntryKey {
        EntryKey(path: path, slug: slug, cardFingerprint: cardFingerprint, planningHash: planningHash, imageOutputs: imageOutputs)
    }

    package convenience init(study: CaseStudy, derived: [ComputedIndicator], cardFingerprint: UInt64 = 0) {
        self.init(
            path: study.path, slug: study.slug, title: study.title, shortTitle: study.shortTitle,
            updated: FeedDates.rfc3339(FeedDates.updated(study)), mechanisms: study.mechanisms.map(\.value.id),
            environment: study.environmentalConsiderations.map(\.id), territory: study.territory?.departements.map(\.id) ?? [],
            departement: study.buyer.departement?.id,
            award: study.award.map { AwardKey(programme: $0.programme.id, edition: $0.edition, category: $0.category, status: $0.status.id) },
            figures: study.figures.map(FigureValue.init),
            derivedIDs: derived.map(\.definition.id), imageOutputs: study.images.flatMap { $0.variants.map(\.path) },
            cardFingerprint: cardFingerprint)
    }

    package var isWinner: Bool { award?.status == "laureat" }

    /// The fields pages are planned from, encoded: their bytes are remembered, and their fingerprint is the
    /// `planningHash` (when no entry's changes, every page keeps its place, its title and its totals).
    fileprivate static func writePlanningFields(
        path: String, slug: String, title: String, shortTitle: String, updated: String, mechanisms: [String],
        environment: [String], territory: [String], departement: String?, award: AwardKey?, figures: [FigureValue],
        derivedIDs: [String], to writer: inout BinaryWriter
    ) {
        for text in [path, slug, title, shortTitle, updated] { writer.write(text) }
        writer.write(mechanisms)
        writer.write(environment)
        writer.write(territory)
        writer.write(departement)
        writer.write(award != nil)
        if let award {
            writer.write(award.programme)
            writer.write(award.edition)
            writer.write(award.category)
            writer.write(award.status)
        }
        writer.write(figures.count)
        for figure in figures {
            writer.write(figure.id)
            writer.write(figure.value)
            writer.write(figure.qualifier)
            writer.write(figure.period)
            writer.write(figure.taxBasis)
        }
        writer.write(derivedIDs)
    }
}

/// What every build needs of each entry, remembered or just read: where it is, what its page is called, and the
/// fingerprints that tell whether the pages listing it changed.
package struct EntryKey: Sendable {
    package let path: String
    package let slug: String
    package let cardFingerprint: UInt64
    package let planningHash: UInt64
    package let imageOutputs: [String]

    package init(path: String, slug: String, cardFingerprint: UInt64, planningHash: UInt64, imageOutputs: [String]) {
        self.path = path
        self.slug = slug
        self.cardFingerprint = cardFingerprint
        self.planningHash = planningHash
        self.imageOutputs = imageOutputs
    }
}

/// An entry's award programme, edition, category and status, by their ids.
package struct AwardKey: Sendable, Equatable {
    package let programme: String
    package let edition: Int
    package let category: String?
    /// `laureat`, `candidat`…
    package let status: String

    package init(programme: String, edition: Int, category: String?, status: String) {
        self.programme = programme
        self.edition = edition
        self.category = category
        self.status = status
    }
}

/// A figure an entry reports: the indicator's id and the value.
package struct FigureValue: Sendable, Equatable {
    package let id: String
    package let value: Double
    /// How the source words it (`Qualifier.rawValue`), its period (`FigurePeriod.machine`) and, for an amount,
    /// its tax basis: what totals need to add only what adds up.
    package let qualifier: String?
    package let period: String
    package let taxBasis: String?

    package init(id: String, value: Double, qualifier: String? = nil, period: String = "total", taxBasis: String? = nil) {
        self.id = id
        self.value = value
        self.qualifier = qualifier
        self.period = period
        self.taxBasis = taxBasis
    }

    init(_ figure: Figure) {
        self.init(id: figure.indicator.id, value: figure.value.value, qualifier: figure.qualifier?.rawValue,
                  period: figure.period.machine, taxBasis: figure.taxBasis?.rawValue)
    }

    /// Over the whole purchase, and not capped: a total may add it.
    var isAddable: Bool { period == "total" && qualifier != Qualifier.lessThan.rawValue }
}

extension EntrySummary {
    func write(to writer: inout BinaryWriter) {
        Self.writePlanningFields(path: path, slug: slug, title: title, shortTitle: shortTitle, updated: updated,
                                 mechanisms: mechanisms, environment: environment, territory: territory, departement: departement, award: award,
                                 figures: figures, derivedIDs: derivedIDs, to: &writer)
        writer.write(imageOutputs)
        writer.write(cardFingerprint)
        writer.write(sortKey)
    }

    /// As `write(to:)` wrote it.
    package convenience init(encoded bytes: ArraySlice<UInt8>) throws(MalformedBinary) {
        var reader = BinaryReader(bytes)
        try self.init(from: &reader)
        guard reader.isAtEnd else { throw MalformedBinary() }
    }

    package var encoded: [UInt8] {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.bytes
    }

    convenience init(from reader: inout BinaryReader) throws(MalformedBinary) {
        let path = try reader.readString(), slug = try reader.readString(), title = try reader.readString()
        let shortTitle = try reader.readString(), updated = try reader.readString(), mechanisms = try reader.readStrings()
        let environment = try reader.readStrings(), territory = try reader.readStrings()
        let departement = try reader.readOptionalString()
        var award: AwardKey?
        if try reader.readBool() {
            award = AwardKey(programme: try reader.readString(), edition: try reader.readInt(),
                             category: try reader.readOptionalString(), status: try reader.readString())
        }
        var figures: [FigureValue] = []
        for _ in 0..<(try reader.readCount()) {
            figures.append(FigureValue(id: try reader.readString(), value: try reader.readDouble(),
                                       qualifier: try reader.readOptionalString(), period: try reader.readString(),
                                       taxBasis: try reader.readOptionalString()))
        }
        self.init(path: path, slug: slug, title: title, shortTitle: shortTitle, updated: updated, mechanisms: mechanisms,
                  environment: environment, territory: territory, departement: departement, award: award, figures: figures, derivedIDs: try reader.readStrings(),
                  imageOutputs: try reader.readStrings(), cardFingerprint: try reader.readUInt64(),
                  sortKey: try reader.readString())
    }
}
