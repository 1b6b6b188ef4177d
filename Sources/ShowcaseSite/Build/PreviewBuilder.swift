import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// What one rebuild of the preview found and did.
public struct PreviewOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    /// Content files parsed again (the others were reused unchanged).
    package var reparsed: Int
    /// Entry pages rendered again.
    package var rerendered: Int
    /// Site files whose bytes changed since the previous good build.
    package var changedFiles: [String]
    public var seconds: Double

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Builds the site in memory for `showcase serve`, again and again, with the same incremental mechanism as
/// `showcase build` (`SiteBuilder`), its memory kept in the process: a rebuild reads only the content files that
/// changed and renders only their pages and the lists that show them. The readings of content files are kept
/// too, so that a change of template renders every page without parsing anything again. The last good site
/// stays available while the content is invalid.
public actor PreviewBuilder {
    let paths: ProjectPaths
    let fileSystem: FileSystem
    private var readings: [String: ReadCaseStudy] = [:]
    private var memory: BuildMemory?
    /// The last site that built without errors, by path.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The last rebuild's outcome.
    public private(set) var lastOutcome: PreviewOutcome?

    public init(paths: ProjectPaths) {
        self.init(paths: paths, fileSystem: .disk)
    }

    package init(paths: ProjectPaths, fileSystem: FileSystem) {
        self.paths = paths
        self.fileSystem = fileSystem
    }

    public func rebuild() async -> PreviewOutcome {
        let outcome: PreviewOutcome
        do throws(EnvironmentError) {
            outcome = try await build()
        } catch {
            outcome = PreviewOutcome(diagnostics: [error.diagnostic], sources: [:], reparsed: 0, rerendered: 0,
                                     changedFiles: [], seconds: 0)
        }
        lastOutcome = outcome
        return outcome
    }

    private func build() async throws(EnvironmentError) -> PreviewOutcome {
        var stopwatch = Stopwatch()
        let settings = try ProjectLoader(fileSystem: fileSystem).settings(paths)
        var builder = SiteBuilder(settings: settings, fileSystem: fileSystem, readings: readings, startedAt: POSIX.now())
        builder.keepsReadings = true
        builder.includesDrafts = true
        let (built, sink) = try await builder.build(memory: memory, into: MemorySink(previous: files)) {
            MemorySink(previous: [:])
        }
        readings.merge(built.readings) { _, new in new }
        var outcome = PreviewOutcome(diagnostics: built.diagnostics, sources: built.sources, reparsed: built.parsed,
                                     rerendered: built.renderedEntries, changedFiles: [], seconds: 0)
        if built.succeeded, let next = built.memory {
            let site = sink.site
            let present = Set(next.entries.map(\.key.path)).union(built.readings.keys)
            readings = readings.filter { present.contains($0.key) }
            outcome.changedFiles = site.filter { files[$0.key] != $0.value }.map(\.key).sorted()
                + files.keys.filter { site[$0] == nil }.sorted()
            files = site
            memory = next
        }
        stopwatch.lap("")
        outcome.seconds = stopwatch.total
        return outcome
    }
}
