import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Step 1 of a build: which content files are as the previous build left them, and what reading the others gives.
extension SiteBuilder {
    enum ContentState: Sendable {
        case remembered(RememberedEntry)
        /// `parsed` is false when an earlier reading of the same bytes was reused. Boxed: a reading is large, and
        /// 10 000 states are copied between stages.
        indirect case read(ReadCaseStudy, stamp: FileStamp?, images: [(path: String, stamp: FileStamp?)], parsed: Bool)
        /// Read and rendered: what the next build needs to recognise it, the reading itself let go.
        case rendered(FreshEntry)
    }

    struct FreshEntry: Sendable {
        let sourceHash: UInt64
        let stamp: FileStamp?
        let images: [(path: String, stamp: FileStamp?)]
        /// No diagnostic when read or rendered: the next build may reuse it.
        let clean: Bool
    }

    /// What step 1 gives for one content file.
    enum Produced: Sendable {
        case remembered(RememberedEntry)
        case read(ReadFile)
    }

    /// A content file read and, when valid, rendered. A class: 10 000 of them pass from the tasks to the build,
    /// and a reading or a rendered entry held by value would be copied whole.
    final class ReadFile: Sendable {
        /// `.rendered` when valid, else `.read`.
        let content: ContentState
        /// Its page, rendered and written at once when the file was valid.
        let rendered: RenderedEntry?
        /// The reading, kept when the outcome needs it: for its diagnostics and source lines, or for the preview.
        let reading: ReadCaseStudy?
        let parsed: Bool
        /// A draft this build does not publish: neither its page nor its problems are part of the site.
        let leftOut: Bool

        init(content: ContentState, rendered: RenderedEntry? = nil, reading: ReadCaseStudy?, parsed: Bool, leftOut: Bool = false) {
            self.content = content
            self.rendered = rendered
            self.reading = reading
            self.parsed = parsed
            self.leftOut = leftOut
        }
    }

    /// Every content file, in path order, with the diagnostics of those read (and of the rules across files).
    /// A file read and valid is rendered and written at once, so that its parsed form is let go before the next
    /// file is read: a build of 10 000 entries never holds 10 000 parsed files. If another file turns out invalid,
    /// the pages written are abandoned with the rest of the new site.
    func readContent(remembered: [RememberedEntry], renderer: SiteRenderer, sink: SiteSink, spool: ScratchFile,
                     outcome: inout Outcome) async throws(BuildError) -> (contents: [ContentState], rendered: [RenderedEntry?]) {
        let loader = ContentLoader(fileSystem: fileSystem, paths: settings.paths)
        let (paths, listingProblems) = try wrap { () throws(EnvironmentError) in try loader.contentPaths() }
        outcome.diagnostics += listingProblems
        let reader = settings.reader
        let projectStamps = fileSystem.folderStamps(settings.paths.root)
        let results = await Array(zip(paths, Self.matching(paths, remembered))).concurrentMap { path, remembered -> Result<Produced, EnvironmentError> in
            do throws(EnvironmentError) {
                let content = try state(of: path, remembered: remembered, stamps: projectStamps, sink: sink, loader: loader, reader: reader)
                return .success(try produce(content, renderer: renderer, sink: sink, spool: spool))
            } catch {
                return .failure(error)
            }
        }
        var contents: [ContentState] = [], rendered: [RenderedEntry?] = []
        contents.reserveCapacity(results.count)
        rendered.reserveCapacity(results.count)
        var slugs: [(slug: String, path: String)] = []
        for result in results {
            switch try wrap({ () throws(EnvironmentError) in try result.get() }) {
            case .remembered(let entry):
                contents.append(.remembered(entry))
                rendered.append(nil)
                slugs.append((entry.key.slug, entry.key.path))
            case .read(let file) where file.leftOut:
                outcome.draftsLeftOut += 1
            case .read(let file):
                contents.append(file.content)
                rendered.append(file.rendered)
                if file.parsed { outcome.parsed += 1 }
                if let read = file.reading {
                    if keepsReadings { outcome.readings[read.file.path] = read }
                    outcome.diagnostics += read.diagnostics
                    outcome.sources[read.file.path] = read.file
                }
                if let entry = file.rendered {
                    outcome.diagnostics += entry.diagnostics
                    slugs.append((entry.summary.slug, entry.summary.path))
                } else if let study = file.reading?.study {
                    slugs.append((study.slug, study.path))
                }
            }
        }
        outcome.entryCount = contents.count
        outcome.diagnostics += ProjectRules.check(slugs)
        return (contents, rendered)
    }

    /// Keeps the page and photos of a file remembered unchanged; renders and writes the page of a file read and
    /// valid, and says what is kept of its reading.
    private func produce(_ content: ContentState, renderer: SiteRenderer, sink: SiteSink,
                         spool: ScratchFile) throws(EnvironmentError) -> Produced {
        switch content {
        case .remembered(let entry):
            sink.keep([SitePages.entryFile(entry.key.slug)] + entry.key.imageOutputs)
            return .remembered(entry)
        case .rendered:
            preconditionFailure("a file is rendered once it is read")
        case .read(let read, let stamp, let images, let parsed):
            if read.study?.isDraft == true, !includesDrafts {
                return .read(ReadFile(content: content, reading: nil, parsed: parsed, leftOut: true))
            }
            guard let study = read.study, !read.diagnostics.hasErrors else {
                return .read(ReadFile(content: content, reading: read, parsed: parsed))
            }
            var entry = renderer.renderEntry(study, read: read)
            try sink.write(entry.file, entry.page)
            // Written, and put aside: 10 000 pages, their 60 MB of records and 50 MB of cards need not stay in memory.
            entry.page = []
            let card = entry.listed?.encoded ?? []
            let ranges = try attempt { () throws(FileSystemError) in try spool.append(entry.records + [card]) }
            entry.spooled = zip(entry.records, ranges).map { record, range in RecordSlot(range: range, fingerprint: ContentHash.hash(record)) }
            entry.spooledCard = ranges[entry.records.count]
            entry.records = []
            entry.listed = nil
            let fresh = FreshEntry(sourceHash: read.sourceHash, stamp: stamp, images: images,
                                   clean: read.diagnostics.isEmpty && entry.diagnostics.isEmpty)
            // Diagnostics point into the file: its lines are kept to show them.
            let keepsReading = keepsReadings || !fresh.clean
            return .read(ReadFile(content: .rendered(fresh), rendered: entry, reading: keepsReading ? read : nil, parsed: parsed))
        }
    }

    /// Each content path's remembered entry, both lists walked in byte order of the paths (a table of 10 000
    /// paths cost more). A memory out of that order only loses entries: their files are read again.
    static func matching(_ paths: [String], _ remembered: [RememberedEntry]) -> [RememberedEntry?] {
        var matched = [RememberedEntry?](repeating: nil, count: paths.count)
        var next = remembered.startIndex
        for (position, path) in paths.enumerated() {
            while next < remembered.endIndex, remembered[next].key.path.precedesInBytes(path) { next += 1 }
            if next < remembered.endIndex, remembered[next].key.path.utf8.elementsEqual(path.utf8) {
                matched[position] = remembered[next]
                next += 1
            }
        }
        return matched
    }

    /// Whether a content file is as remembered (by its stamp, else by its bytes), or what reading it gives.
    private func state(of path: String, remembered: RememberedEntry?, stamps: FolderStamps, sink: SiteSink,
                       loader: ContentLoader, reader: CaseStudyReader) throws(EnvironmentError) -> ContentState {
        let stamp = settled(stamps.stamp(path))
        if let remembered, sink.has(SitePages.entryFile(remembered.key.slug)), remembered.key.imageOutputs.allSatisfy(sink.has) {
            let imagesUnchanged = remembered.images.allSatisfy { image in
                image.stamp != nil && settled(stamps.stamp(image.path)) == image.stamp
            }
            if imagesUnchanged, stamp != nil, stamp == remembered.stamp { return .remembered(remembered) }
            guard case .bytes(let bytes) = try loader.readContent(path) else {
                return try read(path, stamp: stamp, loader: loader, reader: reader)
            }
            if imagesUnchanged, ContentHash.hash(bytes) == remembered.sourceHash {
                return .remembered(remembered.with(stamp: stamp))
            }
            return read(bytes, path: path, stamp: stamp, loader: loader, reader: reader)
        }
        return try read(path, stamp: stamp, loader: loader, reader: reader)
    }

    private func read(_ path: String, stamp: FileStamp?, loader: ContentLoader, reader: CaseStudyReader) throws(EnvironmentError) -> ContentState {
        switch try loader.readContent(path) {
        case .refused(let reading): return .read(reading, stamp: nil, images: [], parsed: true)
        case .bytes(let bytes): return read(bytes, path: path, stamp: stamp, loader: loader, reader: reader)
        }
    }

    private func read(_ bytes: [UInt8], path: String, stamp: FileStamp?, loader: ContentLoader, reader: CaseStudyReader) -> ContentState {
        // The preview keeps its readings: the same bytes naming no photo need not be parsed again.
        if let earlier = readings[path], earlier.study?.images.isEmpty != false, earlier.sourceHash == ContentHash.hash(bytes) {
            return .read(earlier, stamp: stamp, images: [], parsed: false)
        }
        let reading = loader.parse(bytes, path: path, reader: reader)
        let images = (reading.study?.images ?? []).map { image -> (path: String, stamp: FileStamp?) in
            (image.projectPath, settled(image.stamp))
        }
        return .read(reading, stamp: stamp, images: images, parsed: true)
    }

    /// An unchanged entry read again because a page that lists it must be rendered.
    func listedAgain(_ key: EntryKey, renderer: SiteRenderer) throws(BuildError) -> (listed: ListedEntry, parsed: Bool) {
        let (_, study, parsed) = try readAgain(key)
        return (renderer.listedEntry(study), parsed)
    }

    /// An unchanged entry in full, story included, for the pages that show it so (a jury's matrix and dossiers).
    func fullAgain(_ key: EntryKey, renderer: SiteRenderer) throws(BuildError) -> (view: EntryView, parsed: Bool) {
        let (reading, study, parsed) = try readAgain(key)
        return (renderer.fullView(study, read: reading), parsed)
    }

    /// An unchanged entry read again: from the preview's readings when it has them, else from its file.
    private func readAgain(_ key: EntryKey) throws(BuildError) -> (ReadCaseStudy, CaseStudy, parsed: Bool) {
        let earlier = readings[key.path].flatMap { $0.cardFingerprint == key.cardFingerprint ? $0 : nil }
        let reading: ReadCaseStudy
        if let earlier {
            reading = earlier
        } else {
            reading = try wrap { () throws(EnvironmentError) in
                try ContentLoader(fileSystem: fileSystem, paths: settings.paths).read(key.path, reader: settings.reader)
            }
        }
        // The file is not what the memory says (it changed during the build, or the memory lies): a build that
        // reuses nothing reads it again, rather than stopping.
        guard let study = reading.study, !reading.diagnostics.hasErrors, reading.cardFingerprint == key.cardFingerprint else {
            throw .memoryUnusable
        }
        return (reading, study, earlier == nil)
    }

    /// A stamp old enough to prove the file unchanged later, else `nil`.
    func settled(_ stamp: FileStamp?) -> FileStamp? {
        guard let stamp, stamp.isSettled(before: startedAt) else { return nil }
        return stamp
    }
}
