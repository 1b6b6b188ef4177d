#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation

/// What putting a new version of the site in place does, step by step: the new files moved from the staging
/// folder into the site, the files the site no longer has deleted, and the marker moved last.
///
/// It is written whole (to a temporary name, then renamed) before the first step, and removed after the last: a
/// build killed during the steps leaves it, and the next build replays it before anything else, so that the
/// site is then the new version, whole. Every step can be replayed: a file already moved is no longer in the
/// staging folder, a file already deleted is no longer in the site.
struct CommitJournal: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case move(String)
        case delete(String)
    }

    static let header = "showcase-journal 1"
    var steps: [Step]

    init(steps: [Step]) {
        self.steps = steps
    }

    /// One line per step (`M path`, `D path`), then the checksum of all that precedes (`F <hex>`).
    var bytes: [UInt8] {
        var text = Self.header + "\n"
        for step in steps {
            switch step {
            case .move(let path): text += "M " + path + "\n"
            case .delete(let path): text += "D " + path + "\n"
            }
        }
        let body = Array(text.utf8)
        return body + Array("F \(ContentHash.hex(body))\n".utf8)
    }

    /// `nil` unless the bytes are a whole journal this version wrote, each path inside the site: a journal is
    /// never written halfway (it is renamed into place), so anything else was made by hand and is not followed.
    init?(_ bytes: [UInt8]) {
        guard let checksumLine = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
              bytes.last == UInt8(ascii: "\n"),
              Array(bytes[checksumLine...]) == Array("F \(ContentHash.hex(Array(bytes[..<checksumLine])))\n".utf8) else { return nil }
        var lines = String(decoding: bytes[..<checksumLine], as: UTF8.self).split(separator: "\n")[...]
        guard lines.popFirst() == Substring(Self.header) else { return nil }
        var steps: [Step] = []
        for line in lines {
            let path = String(line.dropFirst(2))
            guard Path.isConfinedRelative(path) else { return nil }
            switch line.prefix(2) {
            case "M ": steps.append(.move(path))
            case "D ": steps.append(.delete(path))
            default: return nil
            }
        }
        self.steps = steps
    }

    /// For the fault-injection tests only: a pause after each step (`SHOWCASE_TEST_STEP_DELAY_MICROSECONDS`), so
    /// that a test can kill a build in the middle of putting the site in place.
    private static let stepDelay = ProcessEnvironment.value("SHOWCASE_TEST_STEP_DELAY_MICROSECONDS").flatMap(UInt32.init)

    /// Takes every step that is still to take. Nothing goes through a folder of the site that is a link.
    func apply(_ folders: SiteFolders, fileSystem: FileSystem, links: LinkedFolders) throws(FileSystemError) {
        var existing = Set<PathKey>()
        for step in steps {
            if let delay = Self.stepDelay { usleep(delay) }
            switch step {
            case .move(let path):
                let from = Path.join(folders.staging, path), to = Path.join(folders.output, path)
                guard links.first(on: path) == nil, fileSystem.kind(from) != nil else { continue }
                let folder = Path.parent(to)
                if existing.insert(PathKey(folder)).inserted { try fileSystem.createDirectories(folder) }
                try fileSystem.rename(from, to)
            case .delete(let path):
                guard links.first(on: path) == nil else { continue }
                try fileSystem.removeTree(Path.join(folders.output, path))
                try Self.removeEmptyFolders(above: path, in: folders.output, fileSystem: fileSystem)
            }
        }
    }

    /// A page gone from a list's last page leaves `page/7/` empty: such folders go with it, up to the site.
    private static func removeEmptyFolders(above path: String, in output: String, fileSystem: FileSystem) throws(FileSystemError) {
        var folder = Path.parent(path)
        while folder != ".", fileSystem.kind(Path.join(output, folder)) == .directory,
              try fileSystem.listDirectory(Path.join(output, folder)).isEmpty {
            try fileSystem.removeTree(Path.join(output, folder))
            folder = Path.parent(folder)
        }
    }
}
