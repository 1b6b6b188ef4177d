import ShowcaseFoundation

/// A case study file cut in two: the YAML front matter between two `---` lines, and the Markdown body after it.
package struct SplitDocument: Sendable, Equatable {
    /// The YAML text, without its `---` fences.
    package var frontMatter: String
    /// The line of the file on which the YAML text starts (line 1 of the YAML is this line of the file).
    package var frontMatterFirstLine: Int
    package var body: String
    /// The line of the file on which the body starts.
    package var bodyFirstLine: Int
}

/// Finds the front matter of a case study: a first line `---`, the YAML, a closing line `---` (or `...`).
///
/// Narrow on purpose: nothing but the fences is interpreted here; the YAML is the YAML reader's business.
package enum FrontMatterSplitter {
    package static func split(_ file: SourceFile) -> Result<SplitDocument, Diagnostic> {
        guard file.firstLine(from: 1, through: 1, where: { isFence($0, closing: false) }) != nil else {
            return .failure(.error(
                .missingFrontMatter, "le fichier ne commence pas par un en-tête `---`",
                at: file.location(line: 1, column: 1, length: max(1, file.line(1)?.unicodeScalars.count ?? 1)),
                help: "commencez le fichier par une ligne `---`, puis les champs (`titre: …`), puis une ligne `---`"))
        }
        guard let close = file.firstLine(from: 2, where: { isFence($0, closing: true) }) else {
            return .failure(.error(
                .unclosedFrontMatter, "l'en-tête ouvert ligne 1 n'est jamais fermé",
                at: file.location(line: 1, column: 1, length: 3),
                help: "ajoutez une ligne `---` après le dernier champ de l'en-tête, avant le texte"))
        }
        let yaml = file.text(fromLine: 2, toLine: close - 1)
        let body = file.text(fromLine: close + 1, toLine: file.lineCount)
        return .success(SplitDocument(
            frontMatter: yaml, frontMatterFirstLine: 2, body: body, bodyFirstLine: close + 1))
    }

    /// `---` alone on its line (trailing spaces allowed); a closing fence may also be YAML's `...`.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        guard bytes.count >= 3, bytes[1] == bytes[0], bytes[2] == bytes[0],
              bytes[0] == UInt8(ascii: "-") || (closing && bytes[0] == UInt8(ascii: ".")) else { return false }
        return bytes.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
