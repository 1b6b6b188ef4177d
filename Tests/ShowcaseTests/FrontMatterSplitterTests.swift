import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Découpage de l'en-tête")
struct FrontMatterSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let yaml: String
        let body: String
        let bodyFirstLine: Int
        var testDescription: String { name }
    }

    static let valid: [Case] = [
        Case(name: "en-tête et texte", text: "---\ntitre: A\n---\nTexte\n", yaml: "titre: A", body: "Texte\n", bodyFirstLine: 4),
        Case(name: "fermeture par ...", text: "---\ntitre: A\n...\nTexte", yaml: "titre: A", body: "Texte", bodyFirstLine: 4),
        Case(name: "espaces après les tirets", text: "---  \ntitre: A\n--- \n", yaml: "titre: A", body: "", bodyFirstLine: 4),
        Case(name: "sans texte ni fin de ligne", text: "---\ntitre: A\n---", yaml: "titre: A", body: "", bodyFirstLine: 4),
        Case(name: "en-tête vide", text: "---\n---\nTexte", yaml: "", body: "Texte", bodyFirstLine: 3),
        Case(name: "tirets plus loin dans le texte", text: "---\na: 1\n---\nun\n---\ndeux", yaml: "a: 1",
             body: "un\n---\ndeux", bodyFirstLine: 4),
    ]

    @Test("Un en-tête bien formé est séparé du texte", arguments: valid)
    func splits(_ testCase: Case) throws {
        let document = try FrontMatterSplitter.split(SourceFile(path: "f.md", text: testCase.text)).get()
        #expect(document == SplitDocument(frontMatter: testCase.yaml, frontMatterFirstLine: 2,
                                          body: testCase.body, bodyFirstLine: testCase.bodyFirstLine))
    }

    @Test("Sans première ligne ---, l'en-tête est absent", arguments: ["titre: A\n---\n", "", " ---\ntitre: A\n---\n", "----\n"])
    func missing(_ text: String) {
        let result = FrontMatterSplitter.split(SourceFile(path: "f.md", text: text))
        #expect(throws: Diagnostic.self) { try result.get() }
        if case .failure(let diagnostic) = result { #expect(diagnostic.code == .missingFrontMatter) }
    }

    @Test("Un en-tête jamais fermé est signalé à la ligne 1")
    func unclosed() {
        let result = FrontMatterSplitter.split(SourceFile(path: "f.md", text: "---\ntitre: A\nTexte\n"))
        guard case .failure(let diagnostic) = result else {
            Issue.record("un en-tête non fermé a été accepté")
            return
        }
        #expect(diagnostic.code == .unclosedFrontMatter)
        #expect(diagnostic.location == SourceLocation(file: "f.md", line: 1, column: 1, length: 3))
    }
}

@Suite("Décodage du texte")
struct TextDecoderTests {
    @Test("Un fichier Windows (BOM UTF-8, fins de ligne CRLF) est lu comme un fichier Unix")
    func windowsFile() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitre: Café\r\n---\r\nTexte\r\n".utf8)
        let (file, problems) = TextDecoder.decode(bytes, path: "f.md")
        #expect(problems.isEmpty)
        #expect(file.text == "---\ntitre: Café\n---\nTexte\n")
        #expect(file.line(2) == "titre: Café")
    }

    @Test("Un retour chariot seul (vieux Mac) termine aussi une ligne")
    func loneCarriageReturn() {
        let (file, _) = TextDecoder.decode(Array("a\rb\r\nc".utf8), path: "f.md")
        #expect(file.text == "a\nb\nc")
    }

    @Test("Un octet Latin-1 est signalé à sa ligne et à sa colonne, en caractères")
    func latin1() {
        let bytes = Array("---\ntitre: Été ".utf8) + [0xE9] + Array("t\n---\n".utf8)
        let (file, problems) = TextDecoder.decode(bytes, path: "content/f.md")
        #expect(problems.map(\.code) == [.invalidUTF8])
        #expect(problems.first?.location == SourceLocation(file: "content/f.md", line: 2, column: 12))
        #expect(file.line(2) == "titre: Été \u{FFFD}t")
    }

    @Test("Les séquences UTF-8 mal formées sont toutes repérées", arguments: [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF],
    ] as [[UInt8]])
    func malformed(_ sequence: [UInt8]) {
        #expect(TextDecoder.firstInvalidUTF8Offset(Array("ab".utf8) + sequence) == 2)
    }

    @Test("Les caractères valides sur 2, 3 et 4 octets passent")
    func wellFormed() {
        #expect(TextDecoder.firstInvalidUTF8Offset(Array("é € 𝄞 \u{202F}".utf8)) == nil)
    }
}
