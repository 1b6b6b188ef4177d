import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// The whole path one content file takes through showcase: decoding, front matter, YAML, schema, rules across
/// fields, indicators, diagnostics in every format (text for people, JSON and annotations for CI), Markdown, the
/// entry's page with the shipped templates, and its records in the data files. For the fuzzer
/// (`Sources/ShowcaseFuzz`, `script/fuzz`) and for the tests that replay what it found: any input must go
/// through without a crash or a hang, and every diagnostic must point inside the file.
public enum WholePath {
    public struct Outcome: Sendable {
        public let file: SourceFile
        public let diagnostics: [Diagnostic]
        /// The diagnostics as people, CI and GitHub see them.
        package let renderedDiagnostics: [String]
        /// The entry's page, when the file is a valid case study.
        public let page: [UInt8]?

        /// Diagnostics that point outside the file they name, or outside its lines and columns.
        public var misplacedDiagnostics: [Diagnostic] {
            diagnostics.filter { diagnostic in
                guard let location = diagnostic.location else { return false }
                guard location.file == file.path, location.column >= 1, location.length >= 0,
                      let line = file.line(location.line) else { return true }
                return location.column > line.unicodeScalars.count + 1
            }
        }
    }

    /// The shipped configuration, catalogue and templates, read once through the loader `build` uses, from a
    /// project that exists only in memory.
    package static let settings: ProjectSettings? = {
        guard let skeleton = try? Scaffold.skeletonFiles() else { return nil }
        let root = "/showcase-sans-projet"
        let files = Dictionary(skeleton.map { (Path.join(root, $0.path), $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return try? ProjectLoader(fileSystem: .inMemory(files)).settings(ProjectPaths(root: root))
    }()

    public static func run(_ bytes: [UInt8], path: String = "content/essai.md") -> Outcome {
        guard let settings else { return Outcome(file: SourceFile(path: path, text: ""), diagnostics: [], renderedDiagnostics: [], page: nil) }
        let read = settings.reader.read(bytes, path: path)
        var diagnostics = read.diagnostics
        var page: [UInt8]?
        if let study = read.study, !diagnostics.hasErrors {
            let rendered = SiteRenderer(settings: settings).renderEntry(study, read: read)
            diagnostics += rendered.diagnostics
            page = rendered.page
        }
        let rendered = [
            DiagnosticRenderer(sources: [read.file.path: read.file]).render(diagnostics),
            DiagnosticRenderer(sources: [read.file.path: read.file], colors: true).render(diagnostics),
            DiagnosticEncoder.json(diagnostics),
            DiagnosticEncoder.githubAnnotations(diagnostics),
        ]
        return Outcome(file: read.file, diagnostics: diagnostics, renderedDiagnostics: rendered, page: page)
    }
}
