import ShowcaseFoundation
import ShowcaseImages
import ShowcaseContent

/// The published variants of photos, encoded once per photo content and width: kept in
/// `.showcase-cache/photos/` (named like the site's file, which names the photo's content), so that a build into
/// an empty folder, or after the site was deleted, does not encode them again. Each kept file ends with a
/// checksum of its bytes: a damaged or altered one is encoded again rather than published.
struct PhotoStore: Sendable {
    static let folder = Path.join(BuildCache.folder, "photos")

    let fileSystem: FileSystem
    let paths: ProjectPaths

    /// The bytes of every variant of one photo, from the cache, or all encoded together from the photo (decoded
    /// once) when one is missing, then kept for the next builds; and how many were encoded.
    func bytes(of variants: [PublishedPhoto], source: String) throws(EnvironmentError) -> (files: [[UInt8]], encoded: Int) {
        let kept = variants.map { paths.onDisk(Path.join(Self.folder, Path.lastComponent($0.path))) }
        let stored = kept.map { path in (try? fileSystem.readFile(path)).flatMap(Self.checked) }
        if stored.allSatisfy({ $0 != nil }) { return (stored.map { $0! }, 0) }
        let original: [UInt8]
        do throws(FileSystemError) {
            original = try fileSystem.readFile(paths.onDisk(source))
        } catch {
            throw EnvironmentError(.readFailed, "impossible de lire la photo « \(source) » : \(FrenchErrno.describe(error.code))",
                                   help: FrenchErrno.help(error.code))
        }
        switch Photos.encode(original, as: variants) {
        case .success(let files):
            for (bytes, path) in zip(files, kept) { keep(bytes, at: path) }
            return (files, files.count)
        case .failure(let error):
            let reason: String
            switch error {
            case .library(let message), .unreadable(let message): reason = message
            }
            throw EnvironmentError(.invalidImage, "la photo « \(source) » n'a pas pu être convertie pour le site (\(reason))",
                                   help: "ouvrez-la dans un logiciel de photo et réenregistrez-la en JPEG")
        }
    }

    /// Best effort, as the rest of the cache: a project folder that cannot be written to only loses the speed-up.
    private func keep(_ bytes: [UInt8], at path: String) {
        let temporary = path + ".nouveau"
        let checksum = ContentHash.hash(bytes)
        do throws(FileSystemError) {
            try fileSystem.createDirectories(paths.onDisk(Self.folder))
            try fileSystem.writeFile(temporary, bytes + (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (8 * $0)) })
            try fileSystem.rename(temporary, path)
        } catch {
            try? fileSystem.removeTree(temporary)
        }
    }

    /// The bytes before the checksum, when it matches them.
    static func checked(_ stored: [UInt8]) -> [UInt8]? {
        guard stored.count > 8 else { return nil }
        let body = Array(stored.dropLast(8))
        let recorded = stored.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return ContentHash.hash(body) == recorded ? body : nil
    }
}
