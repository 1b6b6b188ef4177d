import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// A build that reuses what the previous one remembered (`.showcase-cache/`) writes exactly the bytes a clean
/// build of the same project writes, whatever changed in between.
@Suite("Constructions incrémentales", .serialized)
struct IncrementalBuildTests {
    /// A project of 130 entries (the shipped four and copies of Angresse's), so that the home, theme and compare
    /// pages run over several pages and an edit moves entries between them.
    static func largeProject() -> String {
        let root = TestSupport.copyOfShippedProject()
        let model = TestSupport.text(root + "/content/landes-college-angresse.md")
        let departements = ["40", "47", "29", "2A", "971", "33"]
        var files: [String: String] = [:]
        for number in 0..<126 {
            files["content/copie-\(number).md"] = model
                .replacingOccurrences(of: "titre: \"Le collège d'Angresse", with: "titre: \"Copie \(number) : le collège d'Angresse")
                .replacingOccurrences(of: "titre_court: \"Collège d'Angresse (Landes)\"", with: "titre_court: \"Copie \(number)\"")
                .replacingOccurrences(of: "departement: 40", with: "departement: \(departements[number % departements.count])")
                .replacingOccurrences(of: "valeur: 9000", with: "valeur: \(9000 + number * 10)")
        }
        TestSupport.write(files, into: root)
        return root
    }

    /// One change a writer or a designer makes between two builds.
    enum Change: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case storySentence, summary, figure, title, addition, deletion, template, configuration, photo

        var testDescription: String {
            switch self {
            case .storySentence: "une phrase du récit"
            case .summary: "le résumé"
            case .figure: "un chiffre"
            case .title: "un titre, qui déplace la fiche dans les listes"
            case .addition: "une fiche ajoutée"
            case .deletion: "une fiche supprimée"
            case .template: "un gabarit"
            case .configuration: "la configuration"
            case .photo: "une photo remplacée sous le même nom"
            }
        }

        func apply(to root: String) {
            let copy = "content/copie-7.md"
            let edit = { (path: String, change: (String) -> String) in
                TestSupport.write([path: change(TestSupport.text(root + "/" + path))], into: root)
            }
            switch self {
            case .storySentence: edit(copy) { $0 + "\nUne phrase ajoutée au récit.\n" }
            case .summary: edit(copy) { $0.replacingOccurrences(of: "resume: >-\n", with: "resume: >-\n  Modifié.\n") }
            case .figure: edit(copy) { $0.replacingOccurrences(of: "valeur: 24\n", with: "valeur: 25\n") }
            case .title: edit(copy) { $0.replacingOccurrences(of: "titre: \"Copie 7 :", with: "titre: \"Au début, copie 7 :") }
            case .addition: edit("content/nouvelle.md") { _ in TestSupport.text(root + "/" + copy).replacingOccurrences(of: "Copie 7", with: "Nouvelle") }
            case .deletion: try! FileSystem.disk.removeTree(root + "/" + copy)
            case .template: edit("templates/partiels/carte.mustache") { $0 + "<!-- carte -->\n" }
            case .configuration: edit("showcase.yaml") { $0.replacingOccurrences(of: "base_url: https://example.org/vitrine/", with: "base_url: https://example.org/autre/") }
            case .photo: try! FileSystem.disk.writeFile(root + "/content/chantier.png", ImageTests.png + [0])
            }
        }
    }

    @Test("Après chaque sorte de modification, le site incrémental est identique octet pour octet au site reconstruit de zéro",
          arguments: Change.allCases)
    func equalsCleanBuild(_ change: Change) async throws {
        let root = Self.largeProject()
        if change == .photo {
            try FileSystem.disk.writeFile(root + "/content/chantier.png", ImageTests.png)
            TestSupport.write(["content/copie-3.md": TestSupport.text(root + "/content/copie-3.md")
                .replacingOccurrences(of: "porteur:\n", with: "images:\n  - fichier: chantier.png\n    alt: Le chantier\nporteur:\n")], into: root)
        }
        let first = try await Pipeline().build(ProjectPaths(root: root))
        #expect(first.succeeded)
        #expect(first.pagesRendered == first.pagesWritten)

        change.apply(to: root)
        let incremental = try await Pipeline().build(ProjectPaths(root: root))
        #expect(incremental.succeeded)
        let clean = TestSupport.temporaryFolder()
        for item in ["showcase.yaml", "indicateurs.yaml", "templates", "content"] {
            TestSupport.copy(root + "/" + item, to: clean + "/" + item)
        }
        let reference = try await Pipeline().build(ProjectPaths(root: clean))
        #expect(reference.succeeded)
        let built = TestSupport.snapshot(root + "/site"), expected = TestSupport.snapshot(clean + "/site")
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected where built[path] != bytes {
            Issue.record("« \(path) » diffère de la construction complète")
        }
        #expect(incremental.pagesWritten == reference.pagesWritten)
        switch change {
        case .storySentence:
            // The story is on the entry's own page and in the search index only.
            #expect(incremental.pagesRendered == 1)
        case .summary, .photo:
            // The entry's page, and the few list pages that show its card.
            #expect(incremental.pagesRendered > 1)
            #expect(incremental.pagesRendered < 12)
        case .template, .configuration:
            #expect(incremental.pagesRendered == incremental.pagesWritten)
        default:
            #expect(incremental.pagesRendered < incremental.pagesWritten)
        }
    }

    @Test("Sans rien changer, rien n'est refait ; un fichier de données retouché à la main est réécrit")
    func nothingChanged() async throws {
        let root = Self.largeProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let before = TestSupport.snapshot(root + "/site")
        let again = try await Pipeline().build(ProjectPaths(root: root))
        #expect(again.pagesRendered == 0)
        #expect(TestSupport.snapshot(root + "/site") == before)

        let edited = TestSupport.text(root + "/content/copie-1.md").replacingOccurrences(of: "## L'opération", with: "Ajout en tête.\n\n## L'opération")
        TestSupport.write(["site/recherche.json": "[]\n", "content/copie-1.md": edited], into: root)
        let repaired = try await Pipeline().build(ProjectPaths(root: root))
        #expect(repaired.succeeded)
        let search = TestSupport.text(root + "/site/recherche.json")
        let (complete, updated) = (search.contains("\"chemin\":\"fiches/copie-100.html\""), search.contains("Ajout en tête."))
        #expect(complete)
        #expect(updated)
    }

    @Test("Les résumés ont leur propre fichier : une phrase du récit le laisse tel quel ; abîmé, il est ignoré")
    func summariesFile() async throws {
        let root = Self.largeProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let summaries = root + "/.showcase-cache/resumes"
        let written = try #require(FileSystem.disk.stamp(summaries))

        Change.storySentence.apply(to: root)
        #expect(try await Pipeline().build(ProjectPaths(root: root)).pagesRendered == 1)
        #expect(FileSystem.disk.stamp(summaries) == written)

        // A new title moves the entry in the lists, which are planned again from the summaries: damaged, they are
        // not believed, and the build is a complete one.
        try FileSystem.disk.writeFile(summaries, Array("abîmé".utf8))
        Change.title.apply(to: root)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        #expect(report.pagesRendered == report.pagesWritten)
        #expect(FileSystem.disk.stamp(summaries) != written)
        #expect(try await Pipeline().build(ProjectPaths(root: root)).pagesRendered == 0)
    }

    @Test("Une mémoire abîmée ou d'une autre version est ignorée : la construction est alors complète")
    func damagedMemory() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let memory = root + "/.showcase-cache/memoire"
        let bytes = try FileSystem.disk.readFile(memory)
        guard case .usable = BuildMemory.read(bytes, summaries: { nil }) else {
            Issue.record("la mémoire écrite n'est pas relue")
            return
        }
        var flipped = bytes
        flipped[bytes.count / 3] ^= 0x04
        // (bytes, whether the build says the memory was damaged)
        let cases: [([UInt8], Bool)] = [
            (Array(bytes.prefix(bytes.count / 2)), true), (flipped, true), (bytes.dropLast() + [bytes.last! ^ 1], true),
            ([], false), (Array("showcase-cache 0\n".utf8) + bytes.dropFirst(17), false),
        ]
        for (damaged, noticed) in cases {
            try FileSystem.disk.writeFile(memory, damaged)
            let report = try await Pipeline().build(ProjectPaths(root: root))
            #expect(report.succeeded)
            #expect(report.pagesRendered == report.pagesWritten)
            #expect(report.notices.contains(BuildCache.damagedNotice) == noticed)
        }
    }

    @Test("L'aperçu suit le même chemin : une phrase à la fin du récit ne change que la page de la fiche")
    func previewUsesTheSameMechanism() async throws {
        let root = Self.largeProject()
        let builder = PreviewBuilder(paths: ProjectPaths(root: root))
        _ = await builder.rebuild()
        Change.storySentence.apply(to: root)
        let outcome = await builder.rebuild()
        #expect(outcome.succeeded)
        // The search index keeps the beginning of each story only.
        #expect(outcome.changedFiles == ["fiches/copie-7.html"])
        #expect((outcome.reparsed, outcome.rerendered) == (1, 1))
    }
}
