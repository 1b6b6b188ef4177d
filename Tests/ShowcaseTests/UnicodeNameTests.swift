import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseSite

/// `café` precomposed and decomposed are equal as Swift strings but two names on the disk (and one on a Mac):
/// a pair of them in the project is reported, and the site keeps no copy under a name its content dropped.
@Suite("Noms qui ne diffèrent que par la forme Unicode", .serialized)
struct UnicodeNameTests {
    static let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"

    @Test("Une clé de chemin compare les octets, pas l'équivalence canonique")
    func pathKeysCompareBytes() {
        #expect(PathKey(Self.precomposed) != PathKey(Self.decomposed))
        #expect(Set([PathKey(Self.precomposed), PathKey(Self.decomposed), PathKey("caf\u{E9}")]).count == 2)
        #expect(PathKey("a/b.html") == PathKey("a/b.html"[...]))
    }

    @Test("Deux dossiers de ressources nommés pareil à la forme Unicode près arrêtent la construction, les deux nommés")
    func twoAssetFoldersNamedAlike() async throws {
        let (precomposed, decomposed) = (Self.precomposed, Self.decomposed)
        #expect(Array(precomposed.utf8) != Array(decomposed.utf8) && precomposed == decomposed)
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["templates/assets/\(precomposed)/a.txt": "un"], into: root)
        TestSupport.write(["templates/assets/\(decomposed)/b.txt": "deux"], into: root)

        let report = try await Pipeline().build(ProjectPaths(root: root))

        #expect(!report.succeeded)
        let alike = report.diagnostics.filter { $0.code == .fileNamesAlike }
        #expect(alike.count == 1)
        #expect(alike.first?.message.contains("deux dossiers s'appellent « templates/assets/café »") == true)
        #expect(FileSystem.disk.kind(root + "/site/assets/\(precomposed)/a.txt") == nil)
    }

    @Test("Deux fiches nommées pareil à la forme Unicode près sont signalées par check")
    func twoEntriesNamedAlike() async throws {
        let root = TestSupport.copyOfShippedProject()
        let entry = TestSupport.text(root + "/content/landes-college-angresse.md")
        TestSupport.write(["content/\(Self.precomposed).md": entry], into: root)
        TestSupport.write(["content/\(Self.decomposed).md": entry], into: root)

        let report = try await Pipeline().check(ProjectPaths(root: root))

        #expect(report.diagnostics.filter { $0.code == .fileNamesAlike }.count == 1)
    }

    @Test("Un fichier renommé d'une forme Unicode à l'autre ne laisse pas son ancienne copie dans le site")
    func assetRenamedToTheOtherForm() async throws {
        let root = TestSupport.copyOfShippedProject()
        let (old, new) = ("templates/assets/\(Self.decomposed).txt", "templates/assets/\(Self.precomposed).txt")
        TestSupport.write([old: "un"], into: root)
        try TestSupport.requireSuccess(try await Pipeline().build(ProjectPaths(root: root)))
        #expect(TestSupport.text(root + "/site/assets/\(Self.decomposed).txt") == "un")

        try FileSystem.disk.rename(root + "/" + old, root + "/" + new)
        try TestSupport.requireSuccess(try await Pipeline().build(ProjectPaths(root: root)))

        #expect(TestSupport.text(root + "/site/assets/\(Self.precomposed).txt") == "un")
        #expect(FileSystem.disk.kind(root + "/site/assets/\(Self.decomposed).txt") == nil)
    }
}
