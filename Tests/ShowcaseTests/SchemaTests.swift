import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Schéma des fiches")
struct SchemaTests {
    @Test("Chaque fiche invalide donne exactement les diagnostics attendus", arguments: SchemaCases.all)
    func invalid(_ schemaCase: SchemaCase) {
        #expect(TestSupport.renderedDiagnostics(schemaCase.text) == schemaCase.expected)
    }
}
