import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseImages
@testable import ShowcaseContent
@testable import ShowcasePages
@testable import ShowcaseSite

/// Photos published upright, light, in several widths and without their metadata (issue 15).
@Suite("Photos publiées", .serialized)
struct PhotoTests {
    static let folder = TestSupport.fixtures + "/photos/"

    static func fixture(_ name: String) -> [UInt8] { (try? FileSystem.disk.readFile(folder + name)) ?? [] }

    /// The shipped project with Angresse's entry showing `file` (copied beside it as `chantier.<ext>`).
    static func project(_ file: String, alt: String = "Des ouvriers posent la charpente du préau") -> (root: String, name: String) {
        let root = TestSupport.copyOfShippedProject()
        let name = "chantier." + (file.split(separator: ".").last.map(String.init) ?? "jpg")
        try! FileSystem.disk.writeFile(root + "/content/" + name, fixture(file))
        let entry = root + "/content/landes-college-angresse.md"
        let text = TestSupport.text(entry).replacingOccurrences(
            of: "porteur:\n", with: "images:\n  - fichier: \(name)\n    alt: \(alt)\n    credit: © Département des Landes\nporteur:\n")
        try! FileSystem.disk.writeFile(entry, Array(text.utf8))
        return (root, name)
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in bytes[start..<start + needle.count].elementsEqual(needle) }
    }

    static func variants(_ root: String) -> [String] {
        TestSupport.snapshot(root + "/site").keys.filter { $0.hasPrefix("images/") }.sorted()
    }

    @Test("L'en-tête d'une photo de téléphone : tenue de côté, elle se montre en portrait")
    func facts() throws {
        let facts = try Photos.facts(Self.fixture("telephone.jpg")).get()
        #expect((facts.width, facts.height, facts.orientation) == (1200, 1600, 6))
        #expect(PhotoWidths.widths(for: 1200) == [480, 960, 1200])
        #expect(PhotoWidths.widths(for: 4000) == [480, 960, 1200, 1600])
        #expect(PhotoWidths.widths(for: 300) == [300])
    }

    @Test("Chaque fichier publié est droit, sans EXIF ni position GPS, jamais plus large que l'original ; la page a srcset et og:image")
    func published() async throws {
        let (root, _) = Self.project("telephone.jpg")
        let report = try await Pipeline().build(ProjectPaths(root: root))
        try TestSupport.requireSuccess(report)
        let files = Self.variants(root)
        #expect(files.count == 6)
        #expect(report.photosEncoded == 6)
        for file in files {
            let bytes = try FileSystem.disk.readFile(root + "/site/" + file)
            let facts = try Photos.facts(bytes).get()
            #expect(facts.height > facts.width, "\(file) est couchée")
            #expect(facts.orientation == 1 && facts.width <= 1200, "\(file)")
            for secret in ["Exif", "GPS", "Telephone", "XMP", "ICC_PROFILE"] {
                #expect(!Self.contains(bytes, secret), "\(file) contient \(secret)")
            }
            #expect(facts.loader.lowercased().contains(file.hasSuffix(".webp") ? "webp" : "jpeg"), "\(facts.loader)")
        }
        let page = TestSupport.text(root + "/site/fiches/landes-college-angresse.html")
        let base = try #require(files.first { $0.hasSuffix("-960.jpg") }).dropLast("-960.jpg".count)
        #expect(page.contains("<img src=\"../\(base)-960.jpg\" srcset=\"../\(base)-480.jpg 480w, ../\(base)-960.jpg 960w, ../\(base)-1200.jpg 1200w\""))
        #expect(page.contains("width=\"960\" height=\"1280\" decoding=\"async\">"))
        #expect(page.contains("<source type=\"image/webp\" srcset=\"../\(base)-480.webp 480w"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/vitrine/\(base)-1200.jpg\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("alt=\"Des ouvriers posent la charpente du préau\""))
        #expect(page.contains("<span class=\"credit\">© Département des Landes</span>"))
    }

    @Test("Une retouche du texte, un site effacé : aucune photo n'est réencodée ; le site reste celui d'une construction complète")
    func cached() async throws {
        let (root, _) = Self.project("telephone.jpg")
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let entry = root + "/content/landes-college-angresse.md"
        try FileSystem.disk.writeFile(entry, Array(TestSupport.text(entry).replacingOccurrences(of: "Du texte", with: "Un texte").utf8))
        let edited = try await Pipeline().build(ProjectPaths(root: root))
        #expect(edited.photosEncoded == 0)
        try FileSystem.disk.removeTree(root + "/site")
        let again = try await Pipeline().build(ProjectPaths(root: root))
        #expect(again.photosEncoded == 0)
        #expect(TestSupport.snapshot(root + "/site") == (try await CacheTrustTests.cleanSite(of: root)))
    }

    @Test("Une photo changée ne réencode qu'elle ; un fichier gardé abîmé est réencodé plutôt que publié")
    func changedAndTampered() async throws {
        let (root, name) = Self.project("telephone.jpg")
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let store = root + "/" + PhotoStore.folder
        let kept = try FileManager.default.contentsOfDirectory(atPath: store).sorted()
        var damaged = try FileSystem.disk.readFile(store + "/" + kept[0])
        damaged[damaged.count / 2] ^= 0xFF
        try FileSystem.disk.writeFile(store + "/" + kept[0], damaged)
        try FileSystem.disk.removeTree(root + "/site")
        let repaired = try await Pipeline().build(ProjectPaths(root: root))
        #expect(repaired.photosEncoded == 6)  // the photo's variants are encoded together, from one decoding
        try FileSystem.disk.writeFile(root + "/content/" + name, Self.fixture("cmjn.jpg"))
        let changed = try await Pipeline().build(ProjectPaths(root: root))
        #expect(changed.photosEncoded == 8)  // 1 600 pixels wide: 480, 960, 1 200 and 1 600, in WebP and JPEG
        #expect(Self.variants(root).count == 8)
        #expect(TestSupport.snapshot(root + "/site") == (try await CacheTrustTests.cleanSite(of: root)))
    }

    /// A photo copied from a Mac is named with `e` and an accent where the writer's keyboard types `é`.
    @Test("Une photo nommée comme sur un Mac (accents décomposés) est trouvée sous le nom tapé")
    func photoNamedTheMacWay() async throws {
        let (root, name) = Self.project("telephone.jpg")
        let (typed, onDisk) = ("chantier-\u{E9}t\u{E9}.jpg", "chantier-e\u{301}te\u{301}.jpg")
        try FileSystem.disk.rename(root + "/content/" + name, root + "/content/" + onDisk)
        let entry = root + "/content/landes-college-angresse.md"
        try FileSystem.disk.writeFile(entry, Array(TestSupport.text(entry).replacingOccurrences(of: "fichier: \(name)", with: "fichier: \(typed)").utf8))
        #expect(FileSystem.disk.kind(root + "/content/" + typed) == nil)

        let report = try await Pipeline().build(ProjectPaths(root: root))

        try TestSupport.requireSuccess(report)
        #expect(report.diagnostics.filter { $0.code != .exampleAddress }.isEmpty)
        #expect(Self.variants(root).count == 6)
    }

    @Test("Les photos difficiles : chacune son diagnostic, et rien ne plante", arguments: [
        ("cmjn.jpg", "photo-a-revoir", "couleurs d'imprimerie"),
        ("animation.gif", "photo-a-revoir", "seule la première est publiée"),
        ("petite.jpg", "photo-a-revoir", "ne fait que 320 pixels de large"),
        ("immense.png", "fichier-trop-gros", "8000 × 6000 pixels"),
    ])
    func awkward(file: String, code: String, words: String) async throws {
        let (root, _) = Self.project(file)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        let photo = report.diagnostics.filter { $0.code != .exampleAddress }
        #expect(photo.map(\.code.rawValue) == [code])
        #expect(photo.first?.message.contains(words) == true, "\(photo.map(\.message))")
        if code == "photo-a-revoir" {
            try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
            for file in Self.variants(root) {
                let facts = try Photos.facts(FileSystem.disk.readFile(root + "/site/" + file)).get()
                #expect(!facts.isCMYK && !facts.isSixteenBits && !facts.isAnimated && facts.bands == 3, "\(file)")
            }
        }
    }

    @Test("Une photo en 16 bits est publiée en 8 bits")
    func sixteenBits() async throws {
        #expect(try Photos.facts(Self.fixture("seize-bits.png")).get().isSixteenBits)
        let (root, _) = Self.project("seize-bits.png")
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let files = Self.variants(root)
        #expect(!files.isEmpty)
        for file in files { #expect(try !Photos.facts(FileSystem.disk.readFile(root + "/site/" + file)).get().isSixteenBits) }
    }

    @Test("Une photo tronquée arrête la construction en disant laquelle ; le site précédent reste entier")
    func truncated() async throws {
        let (root, name) = Self.project("telephone.jpg")
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let before = TestSupport.snapshot(root + "/site")
        try FileSystem.disk.writeFile(root + "/content/" + name, Self.fixture("tronquee.jpg"))
        await #expect {
            _ = try await Pipeline().build(ProjectPaths(root: root))
        } throws: { error in
            (error as? EnvironmentError)?.diagnostic.message.contains("content/\(name)") == true
        }
        #expect(TestSupport.snapshot(root + "/site") == before)
    }

    @Test("Un texte alternatif qui répète le nom du fichier ou le titre est signalé", arguments: ["chantier", "chantier.jpg"])
    func altRepeatsName(alt: String) async throws {
        let (root, _) = Self.project("telephone.jpg", alt: alt)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.diagnostics.map(\.code).contains(.altRepeatsName))
    }
}
