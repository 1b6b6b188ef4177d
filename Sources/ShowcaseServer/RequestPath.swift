/// The site file a request asks for, decided without ever touching the disk: percent-decoding first, then any
/// `.`, `..`, empty, NUL or backslash component is refused, so no request can reach outside the site.
enum RequestPath {
    enum Resolution: Equatable {
        /// A file of the site, by its path from the site root (`fiches/angresse/index.html`).
        case file(String)
        /// A folder asked without its final slash: redirect, so that relative links resolve.
        case folder(String)
        case refused
    }

    static func resolve(_ rawPath: String, exists: (String) -> Bool) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .refused }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var kept: [Substring] = []
        for (index, component) in components.enumerated() {
            if component.isEmpty, index == components.count - 1 { continue }
            guard !component.isEmpty, component != ".", component != "..",
                  !component.contains("\0"), !component.contains("\\") else { return .refused }
            kept.append(component)
        }
        let path = kept.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { return .file(path.isEmpty ? "index.html" : path + "/index.html") }
        if exists(path) { return .file(path) }
        if exists(path + "/index.html") { return .folder(rawPath + "/") }
        return .file(path)
    }

    /// The media type of a site file, from its extension.
    static func contentType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
            "js": "text/javascript; charset=utf-8", "json": "application/json",
            "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
            "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "atom": "application/atom+xml",
            "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        ][ext] ?? "application/octet-stream"
    }
}
