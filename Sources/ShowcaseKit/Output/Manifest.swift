/// Every file showcase wrote in an output folder, with a fingerprint of its bytes (one line each:
/// `<fingerprint> <path>`), kept in the marker file. Nothing in it depends on when the site was built: two
/// builds of the same content give the same marker.
struct Manifest: Sendable, Equatable {
    static let header = "showcase 1"
    var files: [String: String]

    init(files: [String: String] = [:]) {
        self.files = files
    }

    /// `nil` for a marker from an older showcase, which did not list its files.
    init?(_ bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"))[...]
        guard let first = lines.popFirst(), first.elementsEqual(Self.header.utf8) else { return nil }
        var files: [String: String] = [:]
        files.reserveCapacity(lines.count)
        for line in lines {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            files[String(decoding: line[(space + 1)...], as: UTF8.self)] = String(decoding: line[..<space], as: UTF8.self)
        }
        self.files = files
    }

    var bytes: [UInt8] {
        var out = Array(Self.header.utf8) + [UInt8(ascii: "\n")]
        for (path, fingerprint) in files.sorted(by: { $0.key < $1.key }) {
            out += "\(fingerprint) \(path)\n".utf8
        }
        return out
    }
}
