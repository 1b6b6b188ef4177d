import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Fiches valides")
struct ValidContentTests {
    @Test("La fiche type est valide et typée")
    func sample() throws {
        let result = TestSupport.read(Sample.valid)
        #expect(result.diagnostics.isEmpty)
        let study = try #require(result.study)
        #expect(study.title == "Un chantier d'insertion")
        #expect(study.buyer.departement?.id == "40")
        #expect(study.mechanisms.map(\.value.article) == ["L. 2112-2"])
        #expect(study.figures.map(\.indicator.id) == ["heures_insertion", "personnes_embauchees", "beneficiaires_rsa"])
        #expect(study.figure("heures_insertion")?.value == Located(9000, at: SourceLocation(file: "content/essai.md", line: 12, column: 13, length: 4)))
        #expect(study.bodyFirstLine == 25)
    }

    @Test("La même fiche enregistrée sous Windows (BOM, CRLF) est acceptée à l'identique")
    func windows() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(Sample.valid.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let result = TestSupport.read(bytes)
        #expect(result.diagnostics.isEmpty)
        #expect(result.study?.figure("beneficiaires_rsa")?.value.value == 16)
    }

    @Test("Les fiches livrées sont valides, sans avertissement")
    func shippedContent() async throws {
        let report = try await Pipeline().check(ProjectPaths(root: TestSupport.packageRoot))
        #expect(report.diagnostics.isEmpty, "\(DiagnosticRenderer(sources: report.sources).render(report.diagnostics))")
        #expect(report.entryCount == TestSupport.shippedEntries)
    }

    @Test("Une valeur écrite à la française ou entre guillemets reste du texte pour un champ texte")
    func quotedText() throws {
        let text = Sample.replacing("titre: \"Un chantier d'insertion\"", with: "titre: 2025")
        #expect(TestSupport.read(text).study?.title == "2025")
    }

    @Test("Une date peut citer sa source, qui doit être déclarée")
    func datedSource() throws {
        let text = Sample.replacing("chiffres:", with: "dates:\n  attribution:\n    date: 2025-03\n    source: depliant\nchiffres:")
        let study = try #require(TestSupport.read(text).study)
        #expect(study.dates.map(\.sourceID) == ["depliant"])
        #expect(study.dates.first?.date.value.french == "mars 2025")
    }
}
