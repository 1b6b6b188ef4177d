#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseSite

/// The build cache speeds builds up and never decides what the site says: a damaged cache, an edit it cannot
/// see by size and date, a page edited by hand, each ends in the site a clean build writes.
@Suite("Un cache qui ne ment pas", .serialized)
struct CacheTrustTests {
    /// The site a build without any cache writes for the project as it is now.
    static func cleanSite(of root: String) async throws -> [String: [UInt8]] {
        let copy = TestSupport.temporaryFolder()
        for item in ["showcase.yaml", "indicateurs.yaml", "templates", "content"] { TestSupport.copy(root + "/" + item, to: copy + "/" + item) }
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: copy)))
        return TestSupport.snapshot(copy + "/site")
    }

    @Test("Un octet changé n'importe où dans un fichier du cache donne quand même le site d'une construction complète",
          arguments: ["memoire", "resumes"])
    func flippedByte(file: String) async throws {
        let root = IncrementalBuildTests.largeProject()
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let path = root + "/.showcase-cache/" + file
        let original = try FileSystem.disk.readFile(path)
        var generator = SeededGenerator(seed: 7)
        for round in 0..<6 {
            var damaged = try FileSystem.disk.readFile(path)
            let position = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[position] ^= UInt8(1 << (round % 8))
            try FileSystem.disk.writeFile(path, damaged)
            // A new title plans the lists again, so that the summaries are needed too.
            let copy = root + "/content/copie-\(round).md"
            try FileSystem.disk.writeFile(copy, Array(TestSupport.text(copy).replacingOccurrences(
                of: "titre: \"Copie \(round) :", with: "titre: \"Au début, copie \(round) :").utf8))
            let report = try await Pipeline().build(ProjectPaths(root: root))
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(TestSupport.snapshot(root + "/site") == (try await Self.cleanSite(of: root)), "octet \(position) de \(file)")
        }
        #expect(try FileSystem.disk.readFile(path) != original)
    }

    @Test("Une modification qui garde la taille et la date du fichier est vue (par sa date de changement)")
    func editKeepingSizeAndTime() async throws {
        let root = TestSupport.copyOfShippedProject()
        let path = root + "/content/landes-college-angresse.md"
        // Stamps newer than a second before a build prove nothing: let them age, so that the cache trusts them.
        sleep(2)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        var info = stat()
        #expect(stat(path, &info) == 0)
        let text = TestSupport.text(path)
        let edited = text.replacingOccurrences(of: "Le Département des Landes a construit", with: "Le Département des Landes a bâtit!!!")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try FileSystem.disk.writeFile(path, Array(edited.utf8))
        #if canImport(Darwin)
        var times = [info.st_atimespec, info.st_mtimespec]
        #else
        var times = [info.st_atim, info.st_mtim]
        #endif
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(FileSystem.disk.stamp(path)?.size == Int64(info.st_size))
        #expect(FileSystem.disk.stamp(path)?.modifiedNanoseconds == Int64(times[1].tv_nsec))
        sleep(2)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        #expect(TestSupport.text(root + "/site/fiches/landes-college-angresse.html").contains("a bâtit!!!"))
    }

    @Test("Une page retouchée à la main est réécrite quand le cache a été supprimé")
    func handEditedPageAfterCacheDeleted() async throws {
        let root = TestSupport.copyOfShippedProject()
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let page = root + "/site/fiches/landes-college-angresse.html"
        let generated = try FileSystem.disk.readFile(page)
        try FileSystem.disk.writeFile(page, Array(TestSupport.text(page).replacingOccurrences(of: "Angresse", with: "Ailleurs").utf8))
        try FileSystem.disk.removeTree(root + "/.showcase-cache")
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        #expect(try FileSystem.disk.readFile(page) == generated)
    }
}

/// A small deterministic generator (SplitMix64), so that a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
