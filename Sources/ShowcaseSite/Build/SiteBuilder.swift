import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// One build of the site, reusing what the previous one remembered (`BuildMemory`): a content file whose stamp
/// or bytes did not change is not read again and its page is kept; a page that lists entries is rendered again
/// only when its plan or one of its entries changed; a data file is rewritten from the records that changed and
/// the previous file's other records. With no memory, everything is rendered: both paths run the same code, so
/// that an incremental build gives the bytes of a clean one.
struct SiteBuilder: Sendable {
    let settings: ProjectSettings
    let fileSystem: FileSystem
    /// Earlier readings of content files by path (the preview keeps them): a file whose bytes did not change and
    /// that names no photo is not parsed again.
    let readings: [String: ReadCaseStudy]
    /// Seconds since 1970 when the build started: stamps more recent than that prove nothing.
    let startedAt: Int64
    /// Whether the outcome keeps every reading (the preview does; a build lets them go once rendered).
    var keepsReadings = false
    /// Whether drafts (`brouillon: true`) are part of the site, marked as such: in the preview, and with
    /// `build --drafts`.
    var includesDrafts = false

    struct Outcome: Sendable {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var entryCount = 0
        /// Content files parsed (the others were remembered unchanged).
        var parsed = 0
        /// Entry pages rendered, and pages listing entries rendered or kept.
        var renderedEntries = 0
        var renderedPages = 0
        var keptPages = 0
        /// What the next build may reuse; `nil` when this one failed.
        var memory: BuildMemory?
        /// Every reading made or reused, by path, for the preview to keep.
        var readings: [String: ReadCaseStudy] = [:]
        var laps: [(stage: String, seconds: Double)] = []
        /// What the writer should know that is not a problem of the content (a memory that could not be used).
        var notices: [String] = []
        /// Drafts read and left out of the site.
        var draftsLeftOut = 0
        /// Photo variants encoded (not found in the photo store).
        var photosEncoded = 0

        var succeeded: Bool { !diagnostics.hasErrors }
        /// HTML and XML files of the site (entries and lists).
        var pageCount: Int { entryCount + renderedPages + keptPages }
    }

    /// Each content file, remembered unchanged or read, and, once rendered, what its page gave.
    struct Entries {
        var contents: [ContentState]
        var rendered: [RenderedEntry?]
        /// What every build needs of each entry, in content order.
        var keys: [EntryKey]
        /// What lists show of the entries rendered or read again, by position: encoded in the scratch file.
        var listed: [Int: Range<Int>]

        /// Each file's content hash, in content order.
        var sourceHashes: [UInt64] {
            contents.map { content in
                switch content {
                case .remembered(let entry): entry.sourceHash
                case .read(let reading, _, _, _): reading.sourceHash
                case .rendered(let fresh): fresh.sourceHash
                }
            }
        }
    }

    /// A build that reuses `memory`; when the memory turns out not to match the previous site, what it wrote is
    /// abandoned and a build that reuses nothing starts again into the sink `restart` gives. On failure, what
    /// was written is abandoned.
    func build<Sink: SiteSink>(
        memory: BuildMemory?, into sink: Sink, restart: () throws(EnvironmentError) -> Sink
    ) async throws(EnvironmentError) -> (outcome: Outcome, sink: Sink) {
        do throws(BuildError) {
            return (try await build(memory: memory, into: sink), sink)
        } catch {
            sink.abandon()
            guard case .memoryUnusable = error else { throw error.environment }
        }
        let fresh = try restart()
        do throws(BuildError) {
            var outcome = try await build(memory: nil, into: fresh)
            outcome.notices.append(Self.unusableMemoryNotice)
            return (outcome, fresh)
        } catch {
            fresh.abandon()
            throw error.environment
        }
    }

    /// What a memory is valid for: these settings, and drafts in or out (a draft remembered by a build that
    /// showed it must not be kept by one that publishes).
    private var memoryKey: String { settings.hash + (includesDrafts ? " brouillons" : "") }

    static let unusableMemoryNotice = "la mémoire de la construction précédente ne correspondait plus au site ou aux fiches : toutes les pages ont été refaites"

    func build(memory: BuildMemory?, into sink: SiteSink) async throws(BuildError) -> Outcome {
        var stopwatch = Stopwatch()
        var outcome = Outcome()
        let today = settings.config.today
        // A result held back until a day now come makes the remembered pages out of date.
        let memory = memory.flatMap { memory in
            memory.settingsHash == memoryKey && (PartialDate(iso: memory.embargoLifts).map { today < $0 } ?? true) ? memory : nil
        }
        let renderer = SiteRenderer(settings: settings, fileSystem: fileSystem)
        outcome.diagnostics = settings.diagnostics
        outcome.sources = settings.sources

        // 1. Content: remembered when unchanged, read otherwise; the pages of the files read, rendered at once.
        let spool = try wrap { () throws(EnvironmentError) in try sink.scratchFile() }
        let (contents, rendered) = try await readContent(remembered: memory?.entries ?? [], renderer: renderer, sink: sink,
                                                         spool: spool, outcome: &outcome)
        stopwatch.lap("lecture, validation et rendu des fiches")
        guard !outcome.diagnostics.hasErrors else {
            outcome.laps = stopwatch.laps
            return outcome
        }

        var entries = Self.entries(contents, rendered: rendered, outcome: &outcome)

        // 2. Data files from each entry's record, and the files copied as they are. The home page's order comes
        // from the remembered plan while the plan's digest stays the same (then pages need not be planned at all).
        let digest = SitePages.planDigest(entries.keys)
        var planned: [PlannedPage]?
        let layouts: [PageLayout], homeOrder: [Int]
        let records: (slots: [[RecordSlot]], fingerprints: [UInt64])
        if let memory, memory.planDigest == digest, memory.homeOrder.count == entries.keys.count,
           memory.homeOrder.allSatisfy(entries.keys.indices.contains),
           memory.layouts.allSatisfy({ $0.members.allSatisfy(entries.keys.indices.contains) }) {
            (layouts, homeOrder) = (memory.layouts, memory.homeOrder)
            records = try await writeRecordFiles(entries, spool: spool, homeOrder: homeOrder, memory: memory, renderer: renderer, sink: sink)
        } else {
            // The pages are planned while the data files are written: neither needs the other.
            let summaries = try allSummaries(entries)
            homeOrder = SitePages.homeOrder(summaries)
            async let pages = renderer.plan(summaries)
            records = try await writeRecordFiles(entries, spool: spool, homeOrder: homeOrder, memory: memory, renderer: renderer, sink: sink)
            let plan = await pages
            (planned, layouts) = (plan, plan.map(\.layout))
        }
        try await copyFiles(entries, renderer: renderer, sink: sink, outcome: &outcome)
        stopwatch.lap("recherche, données ouvertes et fichiers copiés")

        // 3. Pages that list entries: rendered when their plan or one of their entries changed. While the plan's
        // digest stays the same, so do the pages and the entries they list: the remembered plan says which.
        // A page holding its entries in full changes with their stories too.
        let sourceHashes = layouts.contains { JuryPages.fullEntryTemplates.contains($0.template) } ? entries.sourceHashes : []
        let fingerprints = layouts.map { layout in
            layout.fingerprint(planDigest: digest, entries: entries.keys,
                               contents: JuryPages.fullEntryTemplates.contains(layout.template) ? sourceHashes : nil)
        }
        let dirty = layouts.indices.filter { memory?.pages[layouts[$0].file] != fingerprints[$0] || !sink.has(layouts[$0].file) }
        // Only pages to render need their views: plan them then, from every summary.
        var pages = planned ?? []
        if !dirty.isEmpty, planned == nil { pages = renderer.plan(try allSummaries(entries)) }
        try await renderPages(dirty.map { pages[$0] }, entries: &entries, spool: spool, renderer: renderer, sink: sink, outcome: &outcome)
        let dirtySet = Set(dirty)
        sink.keep(layouts.indices.filter { !dirtySet.contains($0) }.map { layouts[$0].file })
        outcome.keptPages = layouts.count - dirty.count
        stopwatch.lap("pages des listes")

        // 4. What the next build may reuse.
        // The remembered entries' embargoes are all on or after the previous memory's first one.
        let embargoes = entries.rendered.compactMap { $0?.embargoedUntil } + [memory.flatMap { PartialDate(iso: $0.embargoLifts) }].compactMap { $0 }
        outcome.memory = BuildMemory(
            settingsHash: memoryKey, embargoLifts: embargoes.min()?.description ?? "",
            output: "", siteMarker: 0, entries: remember(entries, records: records.slots),
            planDigest: digest, layouts: layouts, homeOrder: homeOrder,
            pages: Dictionary(zip(layouts.map(\.file), fingerprints), uniquingKeysWith: { first, _ in first }),
            recordFiles: records.fingerprints)
        outcome.laps = stopwatch.laps
        return outcome
    }

    /// What every later step needs of each entry, remembered or rendered.
    private static func entries(_ contents: [ContentState], rendered: [RenderedEntry?], outcome: inout Outcome) -> Entries {
        var entries = Entries(contents: contents, rendered: rendered, keys: [], listed: [:])
        entries.keys.reserveCapacity(contents.count)
        for (position, (content, rendered)) in zip(contents, rendered).enumerated() {
            if case .remembered(let remembered) = content {
                entries.keys.append(remembered.key)
            } else if let rendered {
                outcome.renderedEntries += 1
                entries.listed[position] = rendered.spooledCard
                entries.keys.append(rendered.summary.key)
            }
        }
        return entries
    }

    /// Every entry's summary, decoding the remembered ones: only when pages must be planned again.
    private func allSummaries(_ entries: Entries) throws(BuildError) -> [EntrySummary] {
        var summaries: [EntrySummary] = []
        for (content, rendered) in zip(entries.contents, entries.rendered) {
            if let rendered {
                summaries.append(rendered.summary)
            } else if case .remembered(let remembered) = content {
                do throws(MalformedBinary) {
                    summaries.append(try remembered.decodedSummary())
                } catch {
                    throw .memoryUnusable
                }
            }
        }
        return summaries
    }

    /// Renders and writes pages that list entries, reading again the unchanged entries they show; each page
    /// decodes the cards it shows from the scratch file.
    private func renderPages(_ pages: [PlannedPage], entries: inout Entries, spool: ScratchFile, renderer: SiteRenderer,
                             sink: SiteSink, outcome: inout Outcome) async throws(BuildError) {
        let missing = Set(pages.filter { !$0.showsFullEntries.0 }.flatMap(\.members)).subtracting(entries.listed.keys).sorted()
        let keys = entries.keys
        let reread = await missing.concurrentMap { position -> Result<(card: Range<Int>, parsed: Bool), BuildError> in
            do throws(BuildError) {
                let again = try listedAgain(keys[position], renderer: renderer)
                let card = try wrap { () throws(EnvironmentError) in
                    try attempt { () throws(FileSystemError) in try spool.append(again.listed.encoded) }
                }
                return .success((card, again.parsed))
            } catch {
                return .failure(error)
            }
        }
        for (position, result) in zip(missing, reread) {
            let again = try result.get()
            entries.listed[position] = again.card
            if again.parsed { outcome.parsed += 1 }
        }
        let listed = entries.listed
        let failures = await pages.filter { !$0.showsFullEntries.0 }.concurrentMap { page -> EnvironmentError? in
            do throws(EnvironmentError) {
                let members = try page.members.compactMap { listed[$0] }.map { card throws(EnvironmentError) in try Self.card(card, in: spool) }
                try sink.write(page.file, renderer.render(page, members: members))
            } catch {
                return error
            }
            return nil
        }
        try await renderFullPages(pages.filter { $0.showsFullEntries.0 }, keys: entries.keys, renderer: renderer, sink: sink,
                                  outcome: &outcome)
        if let failure = failures.compactMap({ $0 }).first { throw .environment(failure) }
        outcome.renderedPages = pages.count
    }

    /// Renders the pages that hold their entries in full (a jury's matrix and dossiers), one edition at a time:
    /// its entries are read again, story included, once for all its pages, then let go, so that memory holds one
    /// edition's entries and not every entry ever entered for an award.
    private func renderFullPages(_ pages: [PlannedPage], keys: [EntryKey], renderer: SiteRenderer, sink: SiteSink,
                                 outcome: inout Outcome) async throws(BuildError) {
        // `prix/<programme>/<edition>/…`: the matrix and the dossiers of one edition share their entries.
        let editions = Dictionary(grouping: pages.indices, by: { pages[$0].file.split(separator: "/").prefix(3).joined(separator: "/") })
        for folder in editions.keys.sorted() {
            let group = editions[folder]!.map { pages[$0] }
            let positions = Set(group.flatMap(\.members)).sorted()
            let reread = await positions.concurrentMap { position -> Result<(view: EntryView, parsed: Bool), BuildError> in
                do throws(BuildError) {
                    return .success(try fullAgain(keys[position], renderer: renderer))
                } catch {
                    return .failure(error)
                }
            }
            var full: [Int: EntryView] = [:]
            for (position, result) in zip(positions, reread) {
                let again = try result.get()
                full[position] = again.view
                if again.parsed { outcome.parsed += 1 }
            }
            let views = full
            let failures = await group.concurrentMap { page -> EnvironmentError? in
                let prefixed = page.showsFullEntries.prefixed
                let members = page.members.compactMap { views[$0] }.map { prefixed ? $0.prefixed() : $0 }
                do throws(EnvironmentError) {
                    try sink.write(page.file, renderer.render(page, full: members))
                } catch {
                    return error
                }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw .environment(failure) }
        }
    }

    /// The JSON Schema, `templates/assets/`, and the photos of the entries rendered (the others' were kept):
    /// each variant from the photo store, encoded there only the first time, in parallel.
    private func copyFiles(_ entries: Entries, renderer: SiteRenderer, sink: SiteSink, outcome: inout Outcome) async throws(BuildError) {
        let schema = renderer.schemaFile
        try wrap { () throws(EnvironmentError) in
            try sink.write(schema.file, schema.bytes)
            for (file, bytes) in try renderer.assetFiles() { try sink.write(file, bytes) }
        }
        // One task per photo (two entries may show the same one), all its widths and formats together.
        // Keyed by bytes: two photos named alike but for their accents' encoding are two photos.
        var seen = Set<PathKey>()
        let variants = entries.rendered.compactMap { $0 }.flatMap(\.images).filter { seen.insert(PathKey($0.variant.path)).inserted }
        let photos = Dictionary(grouping: variants, by: { PathKey($0.source) }).sorted { $0.key.path.precedesInBytes($1.key.path) }
        let store = PhotoStore(fileSystem: fileSystem, paths: settings.paths)
        let results = await photos.concurrentMap { key, variants -> Result<Int, EnvironmentError> in
            let source = key.path
            do throws(EnvironmentError) {
                let (files, encoded) = try store.bytes(of: variants.map(\.variant), source: source)
                for (variant, bytes) in zip(variants, files) { try sink.write(variant.variant.path, bytes) }
                return .success(encoded)
            } catch {
                return .failure(error)
            }
        }
        for result in results { outcome.photosEncoded += try wrap { () throws(EnvironmentError) in try result.get() } }
    }

    /// The entries the next build may reuse: every one that gave no diagnostic.
    private func remember(_ entries: Entries, records: [[RecordSlot]]) -> [RememberedEntry] {
        var remembered: [RememberedEntry] = []
        for (position, (content, rendered)) in zip(entries.contents, entries.rendered).enumerated() {
            let slots = records.map { $0[position] }
            switch content {
            case .remembered(let entry):
                remembered.append(entry.with(records: slots))
            case .rendered(let fresh):
                guard let rendered, fresh.clean else { continue }
                let summary = rendered.summary.encoded
                remembered.append(RememberedEntry(stamp: fresh.stamp, sourceHash: fresh.sourceHash, images: fresh.images,
                                                  key: rendered.summary.key, summary: .encoded(summary[...]),
                                                  summaryHash: ContentHash.hash(summary), records: slots))
            case .read:
                continue
            }
        }
        return remembered
    }

    /// A card put aside in the scratch file, decoded.
    private static func card(_ range: Range<Int>, in spool: ScratchFile) throws(EnvironmentError) -> ListedEntry {
        let bytes = try attempt { () throws(FileSystemError) in try spool.read(range) }
        do throws(MalformedBinary) {
            return try ListedEntry(encoded: bytes)
        } catch {
            // Written by this build a moment ago: only a failing disk gets here.
            throw EnvironmentError(.readFailed, "le fichier de travail de la construction est illisible",
                                   help: "vérifiez le disque puis relancez")
        }
    }

    func wrap<T>(_ work: () throws(EnvironmentError) -> T) throws(BuildError) -> T {
        do {
            return try work()
        } catch {
            throw .environment(error)
        }
    }
}

/// Why a build stopped before its end.
enum BuildError: Error {
    case environment(EnvironmentError)
    /// What the previous build remembered does not match the site on disk: build again without it.
    case memoryUnusable

    /// As a problem to report; a build without memory never meets `memoryUnusable`.
    var environment: EnvironmentError {
        switch self {
        case .environment(let error): error
        case .memoryUnusable: EnvironmentError(.writeFailed, "le site précédent ne correspond pas à ce que showcase en avait retenu",
                                               help: "supprimez le dossier `.showcase-cache` puis relancez")
        }
    }
}
