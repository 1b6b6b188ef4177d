import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// The marker that lists a site's files, and reading files whatever size the system reports.
@Suite("Fichiers du site")
struct OutputFilesTests {
    /// The marker and stamps of a site of these files, written after `previous`' site (or into an empty folder).
    static func finished(_ paths: [String], after previous: Manifest? = nil) -> SiteListing.Finished {
        var listing = SiteListing(previous: previous)
        for (number, path) in paths.enumerated() {
            let key = PathKey(path)
            listing.record(key, at: previous?.position(of: key), .init(fingerprint: ContentHash.hash(Array(path.utf8)), stamp: stamp(number)))
        }
        return listing.finished()
    }

    static func stamp(_ number: Int) -> FileStamp {
        FileStamp(size: Int64(number), modifiedSeconds: 0, modifiedNanoseconds: 0, changedSeconds: 0, changedNanoseconds: 0, inode: 0, device: 0)
    }

    @Test("Un marqueur écrit après un autre liste ses fichiers dans le même ordre qu'un marqueur neuf, avec leurs empreintes")
    func markerMergedFromThePreviousOne() throws {
        let previous = try #require(Manifest(Self.finished(["b.html", "fiches/b.html", "fiches/d.html", "index.html"]).marker))
        // Removed (fiches/b.html), kept, and added before, between and after the kept ones; given out of order.
        let paths = ["z.xml", "a.html", "b.html", "fiches/c.html", "fiches/d.html", "fiches/é.html", "index.html"]
        let merged = Self.finished(paths, after: previous)
        #expect(merged.marker == Self.finished(paths).marker)
        #expect(merged.stale == ["fiches/b.html"])
        let lines = String(decoding: merged.marker, as: UTF8.self).split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        #expect(lines.map { String($0[1]) } == ["a.html", "b.html", "fiches/c.html", "fiches/d.html", "fiches/é.html", "index.html", "z.xml"])
        #expect(lines.allSatisfy { String($0[0]) == ContentHash.hex(Array($0[1].utf8)) })
        // Each stamp at its path's line.
        #expect(merged.stamps == [1, 2, 3, 4, 5, 6, 0].map(Self.stamp))
        let reread = try #require(Manifest(merged.marker))
        #expect(reread.paths == lines.map { String($0[1]) } && reread.isSorted)
    }

    @Test("Un marqueur dont les lignes ne sont pas en ordre ou se répètent est relu, et le suivant est trié quand même")
    func markerOutOfOrder() throws {
        let shuffled = Array("showcase 1\n00000000000000a2 b.html\n0000000000000001 a.html\n0000000000000003 b.html\nzz c.html\n".utf8)
        let previous = try #require(Manifest(shuffled))
        #expect(previous.paths == ["b.html", "a.html", "c.html"] && previous.fingerprints == [0xA2, 1, nil])
        #expect(!previous.isSorted)
        let next = Self.finished(["b.html", "d.html"], after: previous)
        #expect(next.marker == Self.finished(["b.html", "d.html"]).marker)
        #expect(next.stale == ["a.html", "c.html"])
    }

    @Test("Une empreinte s'écrit en seize chiffres hexadécimaux en minuscules, et se relit")
    func fingerprintDigits() {
        var random = SystemRandomNumberGenerator()
        for value in [0, 0xA2, UInt64.max, 1 << 63] + (0..<200).map({ _ in random.next() as UInt64 }) {
            let text = String(value, radix: 16)
            #expect(ContentHash.hex(value) == String(repeating: "0", count: 16 - text.count) + text)
            #expect(ContentHash.value(ofHex: Array(ContentHash.hex(value).utf8)) == value)
        }
        #expect(ContentHash.value(ofHex: Array("00000000000000A2".utf8)) == nil)
        #expect(ContentHash.value(ofHex: Array("a2".utf8)) == nil)
    }

    @Test("Deux chemins qui ne diffèrent que par la forme Unicode sont deux lignes du marqueur")
    func pathsAlikeButForUnicodeForm() throws {
        let previous = try #require(Manifest(Self.finished(["caf\u{E9}.txt"]).marker))
        let next = Self.finished(["cafe\u{301}.txt"], after: previous)
        #expect(next.stale == ["caf\u{E9}.txt"])
        #expect(try #require(Manifest(next.marker)).paths.map { Array($0.utf8) } == [Array("cafe\u{301}.txt".utf8)])
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

    @Test("L'empreinte change avec chaque octet, l'ordre des mots et la longueur, jamais deux fois la même ici")
    func hashTellsVersionsApart() {
        var generator = SeededGenerator(seed: 5)
        let bytes = (0..<100).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var seen: Set<UInt64> = [ContentHash.hash(bytes)]
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x01
            #expect(seen.insert(ContentHash.hash(changed)).inserted, "octet \(position)")
        }
        // Two words of a block exchanged, two blocks exchanged, a zero added or removed at the end.
        for (first, second) in [(0, 8), (8, 40), (0, 32)] {
            var swapped = bytes
            for offset in 0..<8 { swapped.swapAt(first + offset, second + offset) }
            #expect(seen.insert(ContentHash.hash(swapped)).inserted, "mots \(first) et \(second)")
        }
        #expect(seen.insert(ContentHash.hash(bytes + [0])).inserted)
        #expect(seen.insert(ContentHash.hash(Array(bytes.dropLast()))).inserted)
        #expect(seen.insert(ContentHash.hash([UInt8](repeating: 0, count: 32))).inserted)
        #expect(seen.insert(ContentHash.hash([UInt8](repeating: 0, count: 31))).inserted)
        #expect(seen.insert(ContentHash.hash([])).inserted)
    }

    @Test("Un fichier écrit morceau par morceau a l'empreinte du fichier entier, quelle que soit la découpe")
    func streamedHashEqualsWholeHash() throws {
        var generator = SeededGenerator(seed: 17)
        for size in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 4099] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for _ in 0..<20 {
                var stream = ContentHash.Stream(length: size)
                var offset = 0
                while offset < size {
                    let piece = Int.random(in: 0...min(size - offset, 19), using: &generator)
                    stream.add(Array(bytes[offset..<offset + piece]))
                    offset += piece
                }
                #expect(stream.value == ContentHash.hash(bytes), "\(size) octets")
            }
        }
        // Written to disk in pieces larger and smaller than its megabyte buffer.
        let folder = TestSupport.temporaryFolder()
        defer { try? FileSystem.disk.removeTree(folder) }
        let large = (0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 131) }
        let file = try FileSystem.disk.streamFile(folder + "/f", large.count)
        for start in stride(from: 0, to: large.count, by: 700_001) { try file.append(large[start..<min(start + 700_001, large.count)]) }
        #expect(try file.finish() == ContentHash.hash(large))
        #expect(try FileSystem.disk.readFile(folder + "/f") == large)
        // Read back by ranges, as the next build reads the previous data file, and fingerprinted a megabyte at a time.
        let opened = try FileSystem.disk.openFile(folder + "/f")
        #expect(opened.count == large.count)
        #expect(try opened.read(1_000_000..<1_000_123) == Array(large[1_000_000..<1_000_123]))
        #expect(try opened.contentHash() == ContentHash.hash(large))
        #expect(throws: FileSystemError.self) { try opened.read(large.count - 1..<large.count + 1) }
    }

    @Test("Les octets mis de côté pendant une construction se relisent tels quels, sans laisser de fichier")
    func scratchFileKeepsBytes() async throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileSystem.disk.removeTree(folder) }
        let scratch = try FileSystem.disk.scratchFile(folder)
        #expect(try FileSystem.disk.listDirectory(folder).isEmpty)
        let records = (0..<200).map { index in Array("enregistrement \(index) ".utf8) + Array(repeating: UInt8(index % 251), count: index * 37) }
        // Put aside from several tasks at once, as entries are rendered.
        let ranges = await records.concurrentMap { record in try? scratch.append(record) }
        for (record, range) in zip(records, ranges) {
            let range = try #require(range)
            #expect(try scratch.read(range) == record)
        }
        #expect(Set(ranges.compactMap { $0?.lowerBound }).count == records.count)
        // An entry's records and card, put aside with one write, each found where it was said to lie.
        let pieces: [[UInt8]] = [Array("recherche".utf8), [], Array("csv;1".utf8), Array(repeating: 7, count: 3000)]
        let placed = try scratch.append(pieces)
        #expect(try placed.map { try scratch.read($0) } == pieces)
    }
}
