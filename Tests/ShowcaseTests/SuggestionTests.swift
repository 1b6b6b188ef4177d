import Testing
@testable import ShowcaseFoundation

@Suite("Noms repliés pour comparer et trier")
struct SuggestionTests {
    @Test("Minuscules, sans accents, espaces et tirets pris pour le même séparateur", arguments: [
        ("Heures d'insertion", "heures_d'insertion"), ("Collège Jean-Rostand", "college_jean_rostand"),
        ("ÇA ÉTÉ Où", "ca_ete_ou"), ("cafe\u{301}", "cafe\u{301}"), ("Ñandú", "nandu"), ("", ""), ("déjà_vu", "deja_vu"),
        ("Œuvre ß", "œuvre_ß"),
    ])
    func fold(name: String, folded: String) {
        #expect(Array(Suggestion.fold(name).unicodeScalars) == Array(folded.unicodeScalars))
    }
}
