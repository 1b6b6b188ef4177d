import Testing
import Foundation
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// The site's marker lists what the previous build wrote; it is a plain file in a folder that is often synced
/// or committed, so nothing it says may lead a build to write or delete outside the site.
@Suite("Rien hors du site", .serialized)
struct OutputConfinementTests {
    @Test("Seuls les chemins relatifs simples sont à l'intérieur du site", arguments: [
        ("index.html", true), ("fiches/a.html", true), ("page/2/index.html", true), (".showcase-cache", true),
        ("...", true), ("a/.../b.html", true), ("a/..b", true),
        ("../content", false), ("/etc/passwd", false), ("a/../../b", false), ("./a", false), ("a//b", false),
        ("a/", false), ("", false), ("..", false), ("a/..", false), ("a\u{0}b", false),
    ])
    func confinedPaths(path: String, confined: Bool) {
        #expect(Path.isConfinedRelative(path) == confined)
    }

    /// The name a folder's sweep, a staging folder and a page's slug are made from.
    @Test("Le dernier composant d'un chemin", arguments: [
        ("content/angresse.md", "angresse.md"), ("angresse.md", "angresse.md"), ("a/b/c", "c"), ("/a", "a"),
        ("a/b/", "b"), ("a/b//", "b"), ("/", "/"), ("", ""), ("contenu/é té.md", "é té.md"),
    ])
    func lastComponent(path: String, last: String) {
        #expect(Path.lastComponent(path) == last)
    }

    /// A line added to the marker of a built site, then a second build: what it names outside the site survives.
    @Test("Une ligne du marqueur qui sort du site est ignorée avec un avertissement, et rien n'est supprimé", arguments: [
        "../content", "fiches/../../content", "a/../../content", "./../content", "ABSOLU",
    ])
    func markerLineOutsideTheSite(line: String) async throws {
        let root = TestSupport.copyOfShippedProject()
        let victim = TestSupport.temporaryFolder()
        TestSupport.write(["garde.txt": "à garder"], into: victim)
        let target = line == "ABSOLU" ? victim : line
        let contentBefore = TestSupport.snapshot(root + "/content")
        #expect(!contentBefore.isEmpty)
        #expect(try await Pipeline().build(ProjectPaths(root: root)).succeeded)
        let markerPath = root + "/site/" + SiteWriter.markerName
        let marker = TestSupport.text(markerPath)
        let lineNumber = marker.split(separator: "\n", omittingEmptySubsequences: false).count
        try FileSystem.disk.writeFile(markerPath, Array((marker + "0000000000000000 \(target)\n").utf8))

        let report = try await Pipeline().build(ProjectPaths(root: root))

        #expect(report.succeeded)
        #expect(TestSupport.snapshot(root + "/content") == contentBefore)
        #expect(TestSupport.text(victim + "/garde.txt") == "à garder")
        let warning = try #require(report.diagnostics.first { $0.code == .markerLineIgnored })
        #expect(warning.severity == .warning)
        #expect(warning.location?.file == "site/" + SiteWriter.markerName)
        #expect(warning.location?.line == lineNumber)
        let rendered = DiagnosticRenderer(sources: report.sources).render(warning)
        #expect(rendered.contains("0000000000000000 \(target)"), "la ligne en cause est recopiée : \(rendered)")
        // The marker is written again from what the build wrote: the line is gone.
        #expect(!TestSupport.text(markerPath).contains(" \(target)\n"))
    }

    @Test("Une page listée dans un sous-dossier qui est un lien symbolique n'est pas supprimée à travers le lien")
    func staleFileBehindALink() async throws {
        let root = TestSupport.copyOfShippedProject()
        let outside = TestSupport.temporaryFolder()
        TestSupport.write(["page.html": "ailleurs"], into: outside)
        #expect(try await Pipeline().build(ProjectPaths(root: root)).succeeded)
        #expect(symlink(outside, root + "/site/lien") == 0)
        let markerPath = root + "/site/" + SiteWriter.markerName
        try FileSystem.disk.writeFile(markerPath, Array((TestSupport.text(markerPath) + "0000000000000000 lien/page.html\n").utf8))

        let report = try await Pipeline().build(ProjectPaths(root: root))

        #expect(report.succeeded)
        #expect(TestSupport.text(outside + "/page.html") == "ailleurs")
    }

    /// `café` precomposed and decomposed are equal as Swift strings and two folders on the disk. A folder of
    /// assets written decomposed is put in place first (its file changed), then a line added to the marker
    /// names a page under the precomposed name, which is a link: the real folder, looked at first, must not
    /// vouch for the link when the stale page is deleted.
    @Test("Un lien dont le nom ne diffère d'un vrai dossier que par la forme Unicode n'est pas traversé")
    func linkNamedLikeARealFolder() async throws {
        let root = TestSupport.copyOfShippedProject()
        let outside = TestSupport.temporaryFolder()
        TestSupport.write(["page.html": "ailleurs"], into: outside)
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(Array(precomposed.utf8) != Array(decomposed.utf8) && precomposed == decomposed)
        TestSupport.write(["templates/assets/\(decomposed)/logo.txt": "un"], into: root)
        #expect(try await Pipeline().build(ProjectPaths(root: root)).succeeded)
        #expect(symlink(outside, root + "/site/assets/" + precomposed) == 0)
        let markerPath = root + "/site/" + SiteWriter.markerName
        try FileSystem.disk.writeFile(markerPath, Array((TestSupport.text(markerPath)
            + "0000000000000000 assets/\(precomposed)/page.html\n").utf8))
        TestSupport.write(["templates/assets/\(decomposed)/logo.txt": "deux"], into: root)

        _ = try? await Pipeline().build(ProjectPaths(root: root))

        #expect(TestSupport.text(outside + "/page.html") == "ailleurs")
    }

    @Test("Un sous-dossier du site remplacé par un lien symbolique arrête la construction sans écrire à travers lui")
    func folderOfPagesReplacedByALink() async throws {
        let root = TestSupport.copyOfShippedProject()
        #expect(try await Pipeline().build(ProjectPaths(root: root)).succeeded)
        // The pages folder moves out of the site, and a link takes its place.
        let outside = TestSupport.temporaryFolder() + "/fiches"
        try FileSystem.disk.rename(root + "/site/fiches", outside)
        #expect(symlink(outside, root + "/site/fiches") == 0)
        let edited = root + "/content/landes-college-angresse.md"
        try FileSystem.disk.writeFile(edited, try FileSystem.disk.readFile(edited) + Array("\nUne phrase de plus.\n".utf8))
        let before = TestSupport.snapshot(outside)
        #expect(!before.isEmpty)

        let error = await #expect(throws: EnvironmentError.self) { try await Pipeline().build(ProjectPaths(root: root)) }

        #expect(error?.diagnostic.code == .unsafeOutputFolder)
        #expect(error?.diagnostic.message.contains("lien symbolique") == true)
        #expect(TestSupport.snapshot(outside) == before)
        #expect(try FileSystem.disk.listDirectory(outside).allSatisfy { !$0.name.hasPrefix(".") })
    }
}
