import Foundation
import ShowcaseFoundation

/// Lines a writer has yet to fill in: warnings, so that a fresh fiche is valid but not forgotten.
package enum PlaceholderCheck {
    /// The text every placeholder of a new fiche starts with; `check` warns while one is left.
    package static let placeholder = "À compléter"

    static func scan(_ file: SourceFile) -> [Diagnostic] {
        // Almost every file has none: look for the bytes once before looking line by line.
        guard ByteSearch.contains(file.text, placeholder) else { return [] }
        return (1...max(1, file.lineCount)).compactMap { number -> Diagnostic? in
            guard let line = file.line(number), let range = line.range(of: placeholder) else { return nil }
            let beforeText = line[..<range.lowerBound]
            if beforeText.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return nil }
            return .warning(.placeholderLeft, "texte encore « \(placeholder) »",
                            at: file.location(line: number, column: beforeText.unicodeScalars.count + 1,
                                              length: placeholder.unicodeScalars.count),
                            help: "remplacez ce texte par le vôtre avant de publier la fiche")
        }
    }

    /// A placeholder left in a case study to publish: an error, which says how to keep the fiche unpublished.
    static func blocking(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.code == .placeholderLeft else { return diagnostic }
        var blocking = diagnostic
        blocking.severity = .error
        blocking.help = "remplacez ce texte par le vôtre ; si la fiche n'est pas prête, gardez `brouillon: true` en tête de fiche : elle ne sera pas publiée"
        return blocking
    }
}
