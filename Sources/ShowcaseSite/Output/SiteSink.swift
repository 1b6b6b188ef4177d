import Synchronization
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Where a build puts the site: an output folder on disk (`SiteOutput`), or memory for the preview
/// (`MemorySink`). Knows the previous site, so that a build can keep the files that did not change.
package protocol SiteSink: Sendable {
    /// Writes a file of the new site. May be called from several tasks at once, for different files.
    func write(_ relativePath: String, _ bytes: [UInt8]) throws(EnvironmentError)
    /// Writes a file of the new site piece by piece, never held whole: `pieces` appends them, `length` bytes in all.
    func write(_ relativePath: String, length: Int, pieces: (StreamedFile) throws(FileSystemError) -> Void) throws(EnvironmentError)
    /// Room for bytes put aside until the build ends, out of memory when the site goes to disk.
    func scratchFile() throws(EnvironmentError) -> ScratchFile
    /// Keeps files of the previous site as they are.
    func keep(_ relativePaths: [String])
    /// Whether the previous site has this file as the previous build left it.
    func has(_ relativePath: String) -> Bool
    /// A file of the previous site, to read by ranges, if it is as the previous build left it.
    func previous(_ relativePath: String) -> (any RandomAccessBytes)?
    /// Lets go of what a failed build wrote; the previous site is as it was.
    func abandon()
}

/// The site in memory, for `showcase serve`: the previous site is the last one that built.
package final class MemorySink: SiteSink {
    private let before: [String: [UInt8]]
    private let files = Mutex<[String: [UInt8]]>([:])

    package init(previous: [String: [UInt8]]) {
        before = previous
    }

    package func write(_ relativePath: String, _ bytes: [UInt8]) {
        files.withLock { $0[relativePath] = bytes }
    }

    package func write(_ relativePath: String, length: Int, pieces: (StreamedFile) throws(FileSystemError) -> Void) throws(EnvironmentError) {
        let file = StreamedFile.collected(relativePath, length: length) { path, bytes in self.write(path, bytes) }
        try attempt { () throws(FileSystemError) in
            try pieces(file)
            _ = try file.finish()
        }
    }

    package func scratchFile() -> ScratchFile { .inMemory() }

    package func keep(_ relativePaths: [String]) {
        files.withLock { files in
            for path in relativePaths { files[path] = before[path] }
        }
    }

    package func has(_ relativePath: String) -> Bool { before[relativePath] != nil }

    package func previous(_ relativePath: String) -> (any RandomAccessBytes)? { before[relativePath] }

    /// Nothing to undo: the previous site is the one the preview kept.
    package func abandon() {}

    /// The new site.
    package var site: [String: [UInt8]] { files.withLock { $0 } }
}
