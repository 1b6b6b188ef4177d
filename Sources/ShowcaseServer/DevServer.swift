import Foundation
import Hummingbird
import Logging
import NIOCore
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase serve`: builds the site in memory, serves it, rebuilds on every change and reloads open pages.
///
/// While the content is invalid, every page is replaced by the diagnostics (file, line, the source line with its
/// caret, the help), and goes back to the site as soon as the file is fixed.
public struct DevServer: Sendable {
    public let paths: ProjectPaths
    public let host: String
    public let port: Int
    /// A connection that sends nothing for this long is closed: thousands of half-open ones must not make the
    /// preview deaf. The reload request in progress is not idle, and is not cut.
    package var idleSeconds: Int64 = 10

    public init(paths: ProjectPaths, host: String = "127.0.0.1", port: Int = 8000) {
        self.paths = paths
        self.host = host
        self.port = port
    }

    /// Runs until the task is cancelled or the process receives SIGINT or SIGTERM.
    /// - Parameters:
    ///   - onReady: called with the port once the server listens (useful with port 0).
    ///   - log: one line per event, in French, for the terminal.
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in },
                    log: @escaping @Sendable (String) -> Void) async throws {
        let builder = PreviewBuilder(paths: paths)
        let hub = ReloadHub()
        let overlay = try Overlay()
        log(Self.describe(await builder.rebuild()))

        let watched = [ProjectPaths.contentFolder, ProjectPaths.templatesFolder].compactMap {
            FileManager.default.fileExists(atPath: paths.onDisk($0)) ? (paths.onDisk($0) as NSString).resolvingSymlinksInPath : nil
        }
        let rootFiles: Set = [ProjectPaths.configFile, ProjectPaths.catalogueFile]
        let linkedFolders = rootFiles.map { (paths.onDisk($0) as NSString).resolvingSymlinksInPath }
            .filter { !$0.hasPrefix((paths.root as NSString).standardizingPath) || $0.contains("/Sources/") }
            .map { ($0 as NSString).deletingLastPathComponent }
        let watcher = FileWatcher(folders: watched + Set(linkedFolders).sorted(), rootFolder: paths.root, rootFiles: rootFiles) {
            Task {
                log(Self.describe(await builder.rebuild()))
                await hub.broadcast()
            }
        }
        watcher.start()

        let responder = PreviewResponder(builder: builder, hub: hub, overlay: overlay)
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(idleSeconds))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "showcase"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: Self.quietLogger)
        try await app.runService()
    }

    /// « Reconstruit en 12 ms : 1 fiche relue, 1 fiche rendue, 3 fichiers changés. » or the errors' count.
    static func describe(_ outcome: PreviewOutcome) -> String {
        let milliseconds = Int((outcome.seconds * 1000).rounded())
        guard outcome.succeeded else {
            return "Erreurs en \(milliseconds) ms : \(DiagnosticRenderer.summary(outcome.diagnostics) ?? "") ; la page affiche le détail."
        }
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count > 1 ? "s" : "")" }
        return "Reconstruit en \(milliseconds) ms : \(plural(outcome.reparsed, "fiche")) relue\(outcome.reparsed > 1 ? "s" : ""), "
            + "\(plural(outcome.rerendered, "fiche")) rendue\(outcome.rerendered > 1 ? "s" : ""), "
            + "\(plural(outcome.changedFiles.count, "fichier")) changé\(outcome.changedFiles.count > 1 ? "s" : "")."
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "showcase-serve")
        logger.logLevel = .warning
        return logger
    }()
}
