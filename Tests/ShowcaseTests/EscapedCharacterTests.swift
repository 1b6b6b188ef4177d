import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseSite

/// The invisible characters a file may not hold are refused however they are written: typed as they are, or
/// written as an escape inside double quotes, which YAML decodes (`"\u202E"`, `"\0"`, `"\e"`).
@Suite("Caractères invisibles écrits par échappement")
struct EscapedCharacterTests {
    static let title = #"titre: "Un chantier d'insertion""#

    @Test("Un échappement qui écrit un caractère refusé est refusé comme le caractère lui-même, à sa ligne", arguments: [
        (#"\u202E"#, DiagnosticCode.directionCharacter), (#"\u2066"#, .directionCharacter), (#"\0"#, .controlCharacter),
        (#"\x1b"#, .controlCharacter), (#"\e"#, .controlCharacter), (#"\u0085"#, .controlCharacter), (#"\r"#, .controlCharacter),
        (#"\uFFFE"#, .controlCharacter), (#"\U0000FFFF"#, .controlCharacter),
    ])
    func refusedInCaseStudy(escape: String, code: DiagnosticCode) throws {
        let read = TestSupport.read(Sample.replacing(Self.title, with: #"titre: "Un chantier \#(escape) d'insertion""#))
        let diagnostic = try #require(read.diagnostics.first { $0.code == code }, "\(read.diagnostics)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.message.contains("échappement"))
        #expect(read.study == nil)
    }

    @Test("Les échappements ordinaires passent : guillemet, tabulation, fin de ligne, lettre accentuée")
    func ordinaryEscapesPass() {
        let read = TestSupport.read(Sample.replacing(Self.title, with: #"titre: "Un \"chantier\"\td'insertion\nà Angresse \u00E9""#))
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.study?.title == "Un \"chantier\"\td'insertion\nà Angresse é")
    }

    @Test("Un caractère interdit en XML écrit tel quel (U+FFFE) est refusé")
    func nonCharacterTyped() {
        let read = TestSupport.read(Sample.replacing(Self.title, with: "titre: \"Un chantier \u{FFFE} d'insertion\""))
        #expect(read.diagnostics.contains { $0.code == .controlCharacter && $0.location?.line == 2 })
    }

    @Test("La configuration refuse de même un échappement invisible")
    func refusedInConfiguration() {
        let file = SourceFile(path: "showcase.yaml", text: "titre: \"Nos achats \\u202E inversés\"\nbase_url: https://example.org/\n")
        let diagnostics = SiteConfigParser.parse(file).diagnostics
        #expect(diagnostics.contains { $0.code == .directionCharacter && $0.location?.line == 1 }, "\(diagnostics)")
    }

    @Test("Le catalogue refuse de même un échappement invisible")
    func refusedInCatalogue() {
        let shipped = TestSupport.sourceFile(atProjectPath: "indicateurs.yaml").text
        let text = shipped.replacingOccurrences(of: "    libelle: Base annuelle d'un équivalent temps plein",
                                                with: "    libelle: \"Base annuelle\\x07 d'un équivalent temps plein\"")
        #expect(text != shipped)
        let diagnostics = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: text)).diagnostics
        #expect(diagnostics.contains { $0.code == .controlCharacter }, "\(diagnostics)")
    }

    @Test("Avec des valeurs hostiles mais permises partout, le flux Atom et le plan du site restent du XML bien formé")
    func xmlStaysWellFormed() async throws {
        let root = TestSupport.copyOfShippedProject()
        let hostile = #"Les « achats » & l'<atelier> ]]> \"cité\" \u00A0 \u200E \uFFFD 𝔸 -- <!-- x -->"#
        let path = root + "/content/brest-reliure-en-detention.md"
        let original = TestSupport.text(path)
        let edited = original.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("titre: ") ? "titre: \"\(hostile)\"" : String($0) }.joined(separator: "\n")
        #expect(edited != original)
        TestSupport.write(["content/brest-reliure-en-detention.md": edited], into: root)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        for file in ["flux.atom", "sitemap.xml"] {
            let bytes = try FileSystem.disk.readFile(root + "/site/" + file)
            #expect(throws: Never.self) { try XMLDocument(data: Data(bytes)) }
        }
        #expect(TestSupport.text(root + "/site/flux.atom").contains("&lt;atelier&gt;"))
    }
}
