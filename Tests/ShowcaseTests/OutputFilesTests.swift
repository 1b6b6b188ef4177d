import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// The marker that lists a site's files, and reading files whatever size the system reports.
@Suite("Fichiers du site")
struct OutputFilesTests {
    static func manifest(_ paths: [String]) -> Manifest {
        Manifest(files: Dictionary(uniqueKeysWithValues: paths.map { ($0, ContentHash.hex(Array($0.utf8))) }))
    }

    @Test("Un marqueur écrit après un autre liste ses fichiers dans le même ordre qu'un marqueur neuf")
    func markerMergedFromThePreviousOne() throws {
        let previous = try #require(Manifest(Self.manifest(["b.html", "fiches/b.html", "fiches/d.html", "index.html"]).bytes))
        // Removed (fiches/b.html), kept, and added before, between and after the kept ones.
        let next = Self.manifest(["a.html", "b.html", "fiches/c.html", "fiches/d.html", "fiches/é.html", "index.html", "z.xml"])
        let merged = next.bytes(after: previous)
        #expect(merged == next.bytes)
        #expect(Manifest(merged) == next)
        let lines = String(decoding: merged, as: UTF8.self).split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] }
        #expect(lines == ["a.html", "b.html", "fiches/c.html", "fiches/d.html", "fiches/é.html", "index.html", "z.xml"])
    }

    @Test("Un marqueur dont les lignes ne sont pas en ordre est relu, et le suivant est trié quand même")
    func markerOutOfOrder() throws {
        let shuffled = Array("showcase 1\n0000000000000002 b.html\n0000000000000001 a.html\n".utf8)
        let previous = try #require(Manifest(shuffled))
        #expect(previous.files == ["a.html": "0000000000000001", "b.html": "0000000000000002"])
        let next = Self.manifest(["b.html", "a.html", "c.html"])
        #expect(next.bytes(after: previous) == next.bytes)
    }

    @Test("Un fichier dont le système ne donne pas la taille est lu jusqu'au bout")
    func fileOfUnknownSize() throws {
        // /proc reports a size of 0 for files that are not.
        let status = try FileSystem.disk.readFile("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        #expect(status.count > 100)
    }

    @Test("Un fichier est lu octet pour octet, vide ou de plusieurs mégaoctets")
    func filesReadWhole() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileSystem.disk.removeTree(folder) }
        for size in [0, 1, 4096, 3 << 20] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try FileSystem.disk.writeFile(folder + "/f", bytes)
            #expect(try FileSystem.disk.readFile(folder + "/f") == bytes)
        }
    }
}
