import Hummingbird
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// Answers the preview's requests from the site built in memory; nothing is read from disk, so no request can
/// reach a file outside the site.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let builder: PreviewBuilder
    let hub: ReloadHub
    let overlay: Overlay

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == "/__showcase/evenements" { return await events() }
        if path == "/__showcase/rechargement.js" {
            return Self.response(.ok, type: "text/javascript; charset=utf-8", body: overlay.reloadScript)
        }
        let files = await builder.files
        let outcome = await builder.lastOutcome
        switch RequestPath.resolve(path, exists: { files[$0] != nil }) {
        case .refused:
            return notFound(files)
        case .folder(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let file):
            let isPage = file.hasSuffix(".html")
            if isPage, let outcome, !outcome.succeeded {
                return Self.response(.ok, type: "text/html; charset=utf-8", body: overlay.render(outcome))
            }
            guard let bytes = files[file] else { return notFound(files) }
            return Self.response(.ok, type: RequestPath.contentType(file), body: isPage ? Overlay.withReloadScript(bytes) : bytes)
        }
    }

    private func notFound(_ files: [String: [UInt8]]) -> Response {
        guard let page = files["404.html"] else {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Array("Page introuvable.\n".utf8))
        }
        return Self.response(.notFound, type: "text/html; charset=utf-8", body: Overlay.withReloadScript(page))
    }

    /// Server-sent events: `reconstruit` after each rebuild, a comment every 15 s to keep the connection open.
    private func events() async -> Response {
        let stream = await hub.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": aperçu showcase\n\n"))
            for await generation in stream {
                try await writer.write(ByteBuffer(string: "event: reconstruit\ndata: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
