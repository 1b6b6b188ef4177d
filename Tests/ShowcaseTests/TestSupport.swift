import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// Shared helpers: the project's own catalogue and configuration, temporary folders, inline sites.
enum TestSupport {
    /// The package root, found from this file's place.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/ShowcaseTests/Fixtures"
    /// The case studies shipped in `content/`: written down, so that a reading which loses one fails.
    static let shippedEntries = 8

    /// The shipped catalogue and configuration: tests check the rules the product really applies.
    static let catalogue: IndicatorCatalogue = {
        let file = sourceFile(atProjectPath: "indicateurs.yaml")
        return CatalogueParser.parse(file).catalogue
    }()

    static let config: SiteConfig = SiteConfigParser.parse(sourceFile(atProjectPath: "showcase.yaml")).config

    static func sourceFile(atProjectPath path: String) -> SourceFile {
        let bytes = try! FileSystem.disk.readFile(packageRoot + "/" + path)
        return TextDecoder.decode(bytes, path: path).file
    }

    /// Reads one case study with the shipped catalogue and configuration.
    static func read(_ text: String, path: String = "content/essai.md") -> ReadCaseStudy {
        read(Array(text.utf8), path: path)
    }

    static func read(_ bytes: [UInt8], path: String = "content/essai.md") -> ReadCaseStudy {
        CaseStudyReader(parser: CaseStudyParser(catalogue: catalogue, config: config)).read(bytes, path: path)
    }

    /// Every diagnostic of one case study, rendered as a writer sees them.
    static func renderedDiagnostics(_ text: String, path: String = "content/essai.md") -> String {
        let result = read(text, path: path)
        return DiagnosticRenderer(sources: [result.file.path: result.file]).render(result.diagnostics)
    }

    /// A new empty folder, inside one folder per test run that is removed when the run ends.
    static func temporaryFolder() -> String {
        makeFolder(runFolder + "/XXXXXX")
    }

    private static let runFolder: String = {
        let folder = makeFolder(NSTemporaryDirectory() + "/showcase-tests-XXXXXX")
        atexit { try? FileSystem.disk.removeTree(TestSupport.runFolder) }
        return folder
    }()

    private static func makeFolder(_ pattern: String) -> String {
        var template = Array(pattern.utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in String(cString: mkdtemp(buffer.baseAddress!)!) }
    }

    /// Writes files (path relative to `root` → text), creating folders.
    static func write(_ files: [String: String], into root: String) {
        for (path, text) in files {
            let full = root + "/" + path
            try! FileSystem.disk.createDirectories(Path.parent(full))
            try! FileSystem.disk.writeFile(full, Array(text.utf8))
        }
    }

    /// A copy of the shipped project (configuration, catalogue, templates, content) in a new folder.
    static func copyOfShippedProject() -> String {
        let root = temporaryFolder()
        for item in ["showcase.yaml", "indicateurs.yaml", "templates", "content"] {
            copy(packageRoot + "/" + item, to: root + "/" + item)
        }
        return root
    }

    /// Copies a file or folder, following symbolic links (the repository's templates/ is one).
    static func copy(_ source: String, to target: String) {
        let source = FileSystem.disk.realPath(source) ?? source
        switch FileSystem.disk.kind(source) {
        case .directory:
            try! FileSystem.disk.createDirectories(target)
            for entry in try! FileSystem.disk.listDirectory(source) {
                copy(source + "/" + entry.name, to: target + "/" + entry.name)
            }
        default:
            try! FileSystem.disk.writeFile(target, try! FileSystem.disk.readFile(source))
        }
    }

    /// Every file under `root`, relative path → bytes.
    static func snapshot(_ root: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        func walk(_ relative: String) {
            let full = relative.isEmpty ? root : root + "/" + relative
            for entry in (try? FileSystem.disk.listDirectory(full)) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.kind == .directory { walk(path) } else { files[path] = try? FileSystem.disk.readFile(root + "/" + path) }
            }
        }
        walk("")
        return files
    }

    /// A build that gave errors, as a thrown error carrying them: the tests built on its site then fail.
    static func requireSuccess(_ report: BuildReport) throws {
        guard report.succeeded else { throw BuildFailed(diagnostics: report.diagnostics) }
    }

    struct BuildFailed: Error, CustomStringConvertible {
        let diagnostics: [Diagnostic]
        var description: String { DiagnosticRenderer(sources: [:]).render(diagnostics) }
    }

    static func text(_ path: String) -> String {
        String(decoding: (try? FileSystem.disk.readFile(path)) ?? [], as: UTF8.self)
    }
}

extension BuildReport {
    /// The diagnostics about the content, without the warning every build of the shipped project carries (its
    /// `base_url` is the example's address).
    var contentDiagnostics: [Diagnostic] { diagnostics.filter { $0.code != .exampleAddress } }
}

/// A valid case study used as the base of many tests; each test changes one thing in it.
enum Sample {
    static let valid = """
    ---
    titre: "Un chantier d'insertion"
    resume: Un collège construit avec une clause sociale.
    porteur:
      nom: Département des Landes
      type: departement
      departement: 40
    mecanismes:
      - clause-sociale
    chiffres:
      heures_insertion:
        valeur: 9000
        source: depliant
      personnes_embauchees:
        valeur: 24
        source: depliant
      beneficiaires_rsa:
        valeur: 16
        source: depliant
    sources:
      - id: depliant
        titre: La commande publique inclusive
        editeur: Département des Landes
    ---

    ## Le chantier

    Du texte.

    """

    /// `valid` with `old` replaced by `new` (which must occur once).
    static func replacing(_ old: String, with new: String) -> String {
        // A test whose premise is gone fails, instead of crashing the run or testing the unchanged sample.
        if valid.components(separatedBy: old).count != 2 { Issue.record("« \(old) » doit apparaître une fois dans l'exemple") }
        return valid.replacingOccurrences(of: old, with: new)
    }
}
