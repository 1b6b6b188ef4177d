import ShowcaseFoundation

/// Where photos may be taken from: a file in the case study's folder (or below it), with a known image extension.
enum ImagePaths {
    static let help = "placez la photo à côté de la fiche, en JPEG, PNG, GIF ou WebP, et écrivez son nom : `fichier: chantier.jpg`"
    static let extensions = ["jpg", "jpeg", "png", "gif", "webp"]

    static func isAcceptable(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }),
              URLRules.scheme(of: path) == nil else { return false }
        let lowered = path.lowercased()
        return extensions.contains { lowered.hasSuffix("." + $0) }
    }
}

/// A short title for tables and charts: the title cut at a word boundary.
enum ShortTitle {
    static let limit = 48

    static func make(_ title: String) -> String {
        guard title.count > limit else { return title }
        var cut = ""
        for word in title.split(separator: " ") {
            if cut.count + word.count + 1 > limit - 1 { break }
            cut += (cut.isEmpty ? "" : " ") + word
        }
        return cut + "…"
    }
}
