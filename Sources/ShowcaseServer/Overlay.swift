import Foundation
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// The page shown instead of the site while the content is invalid, and the script that reloads pages.
struct Overlay: Sendable {
    let page: String
    let reloadScript: [UInt8]

    init() throws {
        guard let folder = Bundle.module.resourceURL,
              let page = FileManager.default.contents(atPath: folder.appendingPathComponent("apercu-erreurs.html").path),
              let script = FileManager.default.contents(atPath: folder.appendingPathComponent("rechargement.js").path)
        else { throw EnvironmentError(.folderNotFound, "les fichiers de l'aperçu sont introuvables", help: "réinstallez showcase") }
        self.page = String(decoding: page, as: UTF8.self)
        reloadScript = Array(script)
    }

    /// The diagnostics as the terminal shows them, escaped into the page.
    func render(_ outcome: PreviewOutcome) -> [UInt8] {
        let text = DiagnosticRenderer(sources: outcome.sources).render(outcome.diagnostics)
        let summary = DiagnosticRenderer.summary(outcome.diagnostics) ?? "Erreur"
        return Array(page.replacingOccurrences(of: "{{resume}}", with: Self.escape(summary.prefix(1).uppercased() + summary.dropFirst()))
            .replacingOccurrences(of: "{{diagnostics}}", with: Self.escape(text)).utf8)
    }

    /// The site's page with the reload script added before `</body>`.
    static func withReloadScript(_ html: [UInt8]) -> [UInt8] {
        let text = String(decoding: html, as: UTF8.self)
        let tag = "<script src=\"/__showcase/rechargement.js\"></script>\n"
        guard let end = text.range(of: "</body>", options: .backwards) else { return Array((text + tag).utf8) }
        return Array(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag).utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
