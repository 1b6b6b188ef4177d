#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// Watches the project's content, templates, configuration and catalogue, and calls back once per burst of
/// changes. inotify on Linux; elsewhere (macOS), or when it is not available, a scan every 300 ms.
final class FileWatcher: @unchecked Sendable {
    private let folders: [String]
    private let rootFiles: Set<String>
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var pending = false

    /// - Parameters:
    ///   - folders: folders watched with everything below them (symbolic links already resolved).
    ///   - rootFolder: the project folder, watched for `rootFiles` only.
    init(folders: [String], rootFolder: String, rootFiles: Set<String>, onChange: @escaping @Sendable () -> Void) {
        self.folders = folders + [rootFolder]
        self.rootFiles = rootFiles
        self.onChange = onChange
    }

    func start() {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        #endif
        let thread = Thread { [self] in
            #if os(Linux)
            if descriptor >= 0 { return watchWithInotify(descriptor) }
            #endif
            // inotify is Linux's alone: elsewhere (macOS), and when Linux has no instance left, the scan.
            watchByPolling()
        }
        thread.name = "showcase-watcher"
        thread.start()
    }

    /// Many editors save in several steps: wait a moment, then report the burst once.
    private func changed() {
        lock.lock()
        let alreadyPending = pending
        pending = true
        lock.unlock()
        guard !alreadyPending else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(60)) { [self] in
            lock.lock()
            pending = false
            lock.unlock()
            onChange()
        }
    }

    #if os(Linux)
    private func watchWithInotify(_ descriptor: Int32) {
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)
        var rootWatch: Int32 = -1
        func addWatches() {
            for folder in folders.dropLast() {
                for directory in directories(below: folder) { _ = inotify_add_watch(descriptor, directory, mask) }
            }
            rootWatch = inotify_add_watch(descriptor, folders.last!, mask)
        }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            var relevant = false
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + length
                if watch == rootWatch, !rootFiles.contains(name) { continue }
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                if mask & UInt32(IN_ISDIR) != 0 { addWatches() }
                relevant = true
            }
            if relevant { changed() }
        }
    }
    #endif

    private func watchByPolling() {
        var last = fingerprint()
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = fingerprint()
            if now != last {
                last = now
                changed()
            }
        }
    }

    /// Path, size and modification time of every watched file.
    private func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        for folder in folders.dropLast() {
            for file in manager.subpaths(atPath: folder) ?? [] {
                let attributes = try? manager.attributesOfItem(atPath: folder + "/" + file)
                result[folder + "/" + file] = "\(attributes?[.size] ?? 0) \(attributes?[.modificationDate] ?? 0)"
            }
        }
        for name in rootFiles {
            let attributes = try? manager.attributesOfItem(atPath: folders.last! + "/" + name)
            result[name] = "\(attributes?[.size] ?? 0) \(attributes?[.modificationDate] ?? 0)"
        }
        return result
    }

    private func directories(below folder: String) -> [String] {
        var found = [folder]
        for path in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), isDirectory.boolValue {
                found.append(folder + "/" + path)
            }
        }
        return found
    }
}
