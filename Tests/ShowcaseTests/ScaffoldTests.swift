import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Nouvelle fiche et nouveau projet", .serialized)
struct ScaffoldTests {
    static let today = PartialDate(iso: "2026-11-23")!

    @Test("showcase new écrit une fiche valide telle quelle, au nom tiré du titre")
    func newCaseStudyIsValid() async throws {
        let root = TestSupport.copyOfShippedProject()
        let path = try ProjectCreator().newCaseStudy(title: "Électroménager « réemploi » : 2ᵉ lot", in: ProjectPaths(root: root), today: Self.today)
        #expect(path == "content/electromenager-reemploi-2e-lot.md")
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(!report.diagnostics.hasErrors)
        #expect(Set(report.diagnostics.map(\.code)) == [.placeholderLeft])
        #expect(report.diagnostics.allSatisfy { $0.location?.file == path })
        let text = TestSupport.text(root + "/" + path)
        #expect(text.contains("titre: \"Électroménager « réemploi » : 2ᵉ lot\""))
        #expect(text.contains("mise_a_jour: 2026-11-23"))
        for field in CaseStudyParser.topFields { #expect(text.contains("\(field):"), "« \(field) » manque dans la fiche") }
        for indicator in TestSupport.catalogue.reported { #expect(text.contains("#   \(indicator.id) : ")) }
    }

    @Test("showcase new n'écrase jamais une fiche existante")
    func neverOverwrites() throws {
        let root = TestSupport.copyOfShippedProject()
        let before = TestSupport.text(root + "/content/landes-college-angresse.md")
        #expect(throws: EnvironmentError.self) {
            try ProjectCreator().newCaseStudy(title: "Landes : collège Angresse", in: ProjectPaths(root: root), today: Self.today)
        }
        #expect(TestSupport.text(root + "/content/landes-college-angresse.md") == before)
    }

    @Test("Un titre avec des guillemets et des barres obliques reste un en-tête valide", arguments: [
        "Le \"plan\" d'achat", "Chemin\\de\\fer", "Titre : avec deux-points # et dièse",
    ])
    func hostileTitles(_ title: String) throws {
        let root = TestSupport.copyOfShippedProject()
        let path = try ProjectCreator().newCaseStudy(title: title, in: ProjectPaths(root: root), today: Self.today)
        let read = TestSupport.read(TestSupport.text(root + "/" + path), path: path)
        #expect(!read.diagnostics.hasErrors)
        #expect(read.study?.title == title)
    }

    @Test("showcase init dans un dossier vide, puis showcase build, passent")
    func newProjectBuilds() async throws {
        let folder = TestSupport.temporaryFolder() + "/nouveau"
        let written = try ProjectCreator().newProject(at: folder, today: Self.today)
        #expect(written.contains("showcase.yaml"))
        #expect(written.contains("indicateurs.yaml"))
        #expect(written.contains("templates/fiche.mustache"))
        #expect(written.contains("content/premier-achat-a-presenter.md"))
        #expect(TestSupport.text(folder + "/.gitignore") == "/site/\n/.site.showcase-*\n/.showcase-cache/\n/.showcase-outil/\n")
        // The first fiche is a draft: built, not published; shown, marked, with --drafts.
        let report = try await Pipeline().build(ProjectPaths(root: folder))
        #expect(report.succeeded)
        #expect(report.notices.contains { $0.hasPrefix("1 brouillon n'est pas publié") })
        #expect(FileSystem.disk.kind(folder + "/site/fiches/premier-achat-a-presenter.html") == nil)
        #expect(report.diagnostics.map(\.code) == [.exampleAddress])
        let review = try await Pipeline().build(ProjectPaths(root: folder), includingDrafts: true)
        #expect(review.succeeded)
        #expect(TestSupport.text(folder + "/site/fiches/premier-achat-a-presenter.html").contains("<strong>Brouillon</strong>"))
    }

    @Test("Les gabarits et le catalogue du modèle sont ceux du dépôt")
    func skeletonMatchesRepository() throws {
        for (path, bytes) in try Scaffold.skeletonFiles() where path != "showcase.yaml" {
            #expect(try FileSystem.disk.readFile(TestSupport.packageRoot + "/" + path) == bytes, "\(path)")
        }
    }

    @Test("showcase init refuse un dossier qui n'est pas vide")
    func refusesNonEmptyFolder() throws {
        let folder = TestSupport.temporaryFolder()
        TestSupport.write(["notes.txt": "à garder"], into: folder)
        #expect(throws: EnvironmentError.self) { try ProjectCreator().newProject(at: folder, today: Self.today) }
        #expect(try FileSystem.disk.listDirectory(folder).map(\.name) == ["notes.txt"])
    }
}
