#if canImport(Glibc)
import Glibc
/// Glibc spells socket types as an enum; Darwin as plain numbers.
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
#endif
import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite
@testable import ShowcaseServer

// The C functions, under names the connection's own `socket` and `read` do not hide.
private func openSocket(_ domain: Int32, _ type: Int32, _ proto: Int32) -> Int32 { socket(domain, type, proto) }
private func readSocket(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }

/// A bare HTTP/1.1 client over a socket, so that tests send request paths exactly as written (`/../etc`),
/// which URL libraries would tidy up first.
final class RawHTTPConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = openSocket(AF_INET, streamSocket, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ path: String) {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
    }

    /// Reads until `marker` arrives, the connection closes, or `seconds` pass.
    func read(until marker: String? = nil, seconds: Double) -> String {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready <= 0 { break }
            let count = buffer.withUnsafeMutableBytes { readSocket(socket, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            received += buffer[0..<count]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// One whole request: status code and body.
    static func get(_ path: String, port: Int) throws -> (status: Int, body: String) {
        let connection = try RawHTTPConnection(port: port)
        connection.send(path)
        let response = connection.read(seconds: 5)
        let status = Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}

@Suite("Aperçu en direct (showcase serve)", .serialized)
struct PreviewServerTests {
    /// Starts the preview of `root` on a free port; the server stops when the returned task is cancelled.
    static func start(_ root: String, idleSeconds: Int64 = 10) async throws -> (port: Int, task: Task<Void, Error>) {
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        var server = DevServer(paths: ProjectPaths(root: root), port: 0)
        server.idleSeconds = idleSeconds
        let task = Task { try await server.run(onReady: { continuation.yield($0) }, log: { _ in }) }
        for await port in ready { return (port, task) }
        throw POSIXError(.ECANCELED)
    }

    static func edit(_ root: String, _ file: String, _ change: (String) -> String) throws {
        let path = root + "/" + file
        try FileSystem.disk.writeFile(path, Array(change(TestSupport.text(path)).utf8))
    }

    /// The one duration a test pins, because the writer's loop promises it; `script/test` runs the tests one at a
    /// time, so that no other test competes for the two cores meanwhile.
    @Test("Une modification recharge la page en moins d'une seconde ; une erreur s'affiche dans la page, puis s'efface")
    func liveReloadAndOverlay() async throws {
        let root = TestSupport.copyOfShippedProject()
        let (port, server) = try await Self.start(root)
        defer { server.cancel() }
        let page = "/fiches/landes-college-angresse.html"
        #expect(try RawHTTPConnection.get(page, port: port).body.contains("<script src=\"/__showcase/rechargement.js\"></script>"))

        let events = try RawHTTPConnection(port: port)
        events.send("/__showcase/evenements")
        #expect(events.read(until: ": aperçu showcase", seconds: 2).contains("text/event-stream"))

        let started = Date()
        try Self.edit(root, "content/landes-college-angresse.md") { $0.replacingOccurrences(of: "valeur: 9000", with: "valeur: 9100") }
        #expect(events.read(until: "event: reconstruit", seconds: 10).contains("event: reconstruit\ndata: 1"))
        let updated = try RawHTTPConnection.get(page, port: port).body
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(updated.contains("9\u{202F}100\u{00A0}heures"))

        try Self.edit(root, "content/landes-college-angresse.md") { $0.replacingOccurrences(of: "valeur: 9100", with: "valeur: neuf mille") }
        #expect(events.read(until: "data: 2", seconds: 10).contains("data: 2"))
        let overlay = try RawHTTPConnection.get(page, port: port).body
        #expect(overlay.contains("<main id=\"apercu-erreurs\">"))
        #expect(overlay.contains("erreur[type-invalide]: « heures_insertion » doit être un nombre, et « neuf mille » n&#39;en est pas un") ||
                overlay.contains("erreur[type-invalide]: « heures_insertion » doit être un nombre, et « neuf mille » n'en est pas un"))
        #expect(overlay.contains("  --&gt; content/landes-college-angresse.md:"))
        #expect(overlay.contains("|     valeur: neuf mille\n"))
        #expect(overlay.contains("|             ^^^^^^^^^^\n"))
        #expect(overlay.contains("= aide: écrivez un nombre en chiffres"))
        #expect(try RawHTTPConnection.get("/", port: port).body.contains("<main id=\"apercu-erreurs\">"))

        try Self.edit(root, "content/landes-college-angresse.md") { $0.replacingOccurrences(of: "valeur: neuf mille", with: "valeur: 9200") }
        #expect(events.read(until: "data: 3", seconds: 10).contains("data: 3"))
        let fixed = try RawHTTPConnection.get(page, port: port).body
        #expect(!fixed.contains("apercu-erreurs"))
        #expect(fixed.contains("9\u{202F}200\u{00A0}heures"))
    }

    @Test("Une connexion qui n'envoie rien est fermée au bout du délai d'inactivité ; l'aperçu répond toujours")
    func idleConnectionsClosed() async throws {
        let root = TestSupport.copyOfShippedProject()
        let (port, task) = try await Self.start(root, idleSeconds: 1)
        defer { task.cancel() }
        let silent = try (0..<20).map { _ in try RawHTTPConnection(port: port) }
        let clock = ContinuousClock(), started = clock.now
        let received = silent[0].read(seconds: 8)
        #expect(received.isEmpty)
        #expect(clock.now - started < .seconds(5), "la connexion muette n'a pas été fermée")
        #expect(try RawHTTPConnection.get("/index.html", port: port).status == 200)
    }

    @Test("Rien hors du site : remontées, remontées encodées et liens symboliques vers l'extérieur donnent 404")
    func traversal() async throws {
        let root = TestSupport.copyOfShippedProject()
        let outside = TestSupport.temporaryFolder() + "/secret.txt"
        try FileSystem.disk.writeFile(outside, Array("SECRET-HORS-SITE".utf8))
        #expect(symlink(outside, root + "/templates/assets/fuite.txt") == 0)
        #expect(symlink(outside, root + "/content/fuite.md") == 0)
        let (port, server) = try await Self.start(root)
        defer { server.cancel() }
        for path in [
            "/../../../../etc/passwd", "/fiches/../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd", "/assets/%2e%2e%2f%2e%2e%2fshowcase.yaml", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
            "/assets/fuite.txt", "/fiches/fuite.html", "/index.html%00.css", "/./index.html",
        ] {
            let response = try RawHTTPConnection.get(path, port: port)
            #expect(response.status == 404, "\(path) → \(response.status)")
            #expect(!response.body.contains("SECRET-HORS-SITE"), "\(path)")
            #expect(!response.body.contains("root:x:0:0"), "\(path)")
        }
        #expect(try RawHTTPConnection.get("/assets/style.css", port: port).status == 200)
    }

    @Test("Une modification ne relit et ne rend que la fiche modifiée ; un gabarit modifié rend tout")
    func incremental() async throws {
        let root = TestSupport.copyOfShippedProject()
        let builder = PreviewBuilder(paths: ProjectPaths(root: root))
        let first = await builder.rebuild()
        #expect(first.succeeded)
        // The two entries entered for an award are read again, story included, for the jury's matrix and dossiers.
        #expect((first.reparsed, first.rerendered) == (TestSupport.shippedEntries + 2, TestSupport.shippedEntries))
        let unchanged = await builder.rebuild()
        #expect((unchanged.reparsed, unchanged.rerendered, unchanged.changedFiles) == (0, 0, []))
        try Self.edit(root, "content/brest-reliure-en-detention.md") { $0.replacingOccurrences(of: "valeur: 8", with: "valeur: 9") }
        let edited = await builder.rebuild()
        #expect((edited.reparsed, edited.rerendered) == (1, 1))
        #expect(edited.changedFiles.contains("fiches/brest-reliure-en-detention.html"))
        #expect(!edited.changedFiles.contains("fiches/landes-college-angresse.html"))
        try Self.edit(root, "templates/partiels/fiche-complete.mustache") {
            $0.replacingOccurrences(of: "<h2 id=\"{{prefixe}}sources\">Sources</h2>", with: "<h2 id=\"{{prefixe}}sources\">Les sources</h2>")
        }
        let restyled = await builder.rebuild()
        #expect((restyled.reparsed, restyled.rerendered) == (0, TestSupport.shippedEntries))
    }

    @Test("Chemins de requête : décodés puis refusés s'ils sortent du site", arguments: [
        ("/", RequestPath.Resolution.file("index.html")),
        ("/fiches/a/", .file("fiches/a/index.html")),
        ("/fiches/a", .folder("/fiches/a/")),
        ("/assets/style.css", .file("assets/style.css")),
        ("/caf%C3%A9.html", .file("café.html")),
        ("/a/../b", .refused), ("/%2E%2E/b", .refused), ("/a//b", .refused), ("/a%5Cb", .refused), ("/a%00", .refused),
        ("relatif", .refused), ("/%zz", .refused),
    ])
    func requestPaths(_ input: (String, RequestPath.Resolution)) {
        #expect(RequestPath.resolve(input.0, exists: { $0 == "fiches/a/index.html" || $0 == "assets/style.css" }) == input.1)
    }
}
