import PropertyBased
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// Properties that hold for every input, checked on random ones (PropertyBased shrinks a failure to the
/// smallest input and prints the seed that reproduces it).
@Suite("Propriétés")
struct PropertyTests {
    /// Bytes writers and their tools put in files: YAML punctuation, line ends, quotes, a byte-order mark, a
    /// Latin-1 byte, NUL, accents and Markdown.
    static let interestingBytes: [UInt8] = Array(":- \n\r\t\"'#&*[]{}|>!%@`0123456789aé\u{00}".utf8) + [0xEF, 0xBB, 0xBF, 0xE9, 0xFF, 0xC3]

    /// One edit of a file: at a place given in ten-thousandths of its length, delete, insert or replace bytes.
    struct Edit: Sendable, CustomStringConvertible {
        let place: Int
        let kind: Int
        let byte: UInt8
        let length: Int

        func apply(to bytes: inout [UInt8]) {
            let index = bytes.isEmpty ? 0 : min(bytes.count - 1, place * bytes.count / 10_000)
            switch kind {
            case 0 where !bytes.isEmpty: bytes.removeSubrange(index..<min(bytes.count, index + length))
            case 1: bytes.insert(contentsOf: repeatElement(byte, count: length), at: index)
            default: if !bytes.isEmpty { bytes[index] = byte }
            }
        }

        var description: String { "(\(["supprime", "insère", "remplace"][min(kind, 2)]) \(length) à \(place)/10000 : \(byte))" }
    }

    static let edits = zip(Gen.int(in: 0...10_000), Gen.int(in: 0...2), Gen<UInt8?>.element(of: interestingBytes), Gen.int(in: 1...12))
        .map { edit in Edit(place: edit.0, kind: edit.1, byte: edit.2 ?? 0x20, length: edit.3) }
        .array(of: 1...6)

    /// The sample case study with the edits applied in turn.
    static func mutated(_ edits: [Edit]) -> [UInt8] {
        var bytes = Array(Sample.valid.utf8)
        for edit in edits { edit.apply(to: &bytes) }
        return bytes
    }

    @Test("Toute modification d'une fiche valide donne une page ou des diagnostics situés dans le fichier")
    func mutationsStayInsideTheFile() async {
        await propertyCheck(count: 300, input: Self.edits) { edits in
            let outcome = WholePath.run(Self.mutated(edits))
            #expect(outcome.misplacedDiagnostics.isEmpty, "\(outcome.misplacedDiagnostics)")
            #expect(outcome.page != nil || outcome.diagnostics.hasErrors)
            #expect(outcome.renderedDiagnostics[0].isEmpty == outcome.diagnostics.isEmpty)
        }
    }

    @Test("La même entrée donne toujours les mêmes octets et les mêmes diagnostics")
    func deterministic() async {
        await propertyCheck(count: 100, input: Self.edits) { edits in
            let bytes = Self.mutated(edits)
            let first = WholePath.run(bytes), second = WholePath.run(bytes)
            #expect(first.page == second.page)
            #expect(first.renderedDiagnostics == second.renderedDiagnostics)
        }
    }

    @Test("L'affichage d'un diagnostic n'échoue sur aucune position, même hors du fichier")
    func rendererAcceptsAnyLocation() async {
        let text = "titre: Un titre\n\tavec une tabulation\n" + String(repeating: "très longue ligne ", count: 40) + "\n"
        let file = SourceFile(path: "content/essai.md", text: text)
        let renderer = DiagnosticRenderer(sources: [file.path: file])
        await propertyCheck(count: 500, input: Gen.int(in: -3...8), Gen.int(in: -3...900), Gen.int(in: -3...900)) { line, column, length in
            let location = SourceLocation(file: file.path, line: line, column: column, length: length)
            let rendered = renderer.render(.error(.wrongType, "essai", at: location, help: "aide"))
            #expect(rendered.contains("--> content/essai.md:\(location.line):\(location.column)"))
            #expect(rendered.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= DiagnosticRenderer.widestLine + 12 })
        }
    }
}
