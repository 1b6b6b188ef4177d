import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Identifiants et codes")
struct IdentifierTests {
    @Test("SIRET : 14 chiffres et clé de Luhn ; pour La Poste, la somme des chiffres multiple de 5 en plus", arguments: [
        ("73282932000074", true), ("35600000000010", true), ("22400001800014", false), ("7328293200007", false),
        ("7328293200007A", false), ("732829320000745", false), ("", false),
        // La Poste's head office passes Luhn only; one of its establishments, the digit sum only.
        ("35600000000048", true), ("35600000049837", true), ("35600000049838", false),
    ])
    func siret(_ input: (String, Bool)) {
        #expect(Identifiers.isSIRET(input.0) == input.1)
    }

    @Test("SIREN : 9 chiffres et clé de Luhn", arguments: [
        ("732829320", true), ("356000000", true), ("732829321", false), ("73282932", false), ("73282932000074", false),
    ])
    func siren(_ input: (String, Bool)) {
        #expect(Identifiers.isSIREN(input.0) == input.1)
    }

    @Test("Un SIREN écrit à la place d'un SIRET a son propre diagnostic")
    func sirenWhereSiretExpected() throws {
        let read = TestSupport.read(Sample.replacing("  departement: 40\n", with: "  departement: 40\n  siret: \"732 829 320\"\n"))
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.message == "« 732 829 320 » est un SIREN (9 chiffres, l'entreprise) : un SIRET en a 14 (l'établissement)")
        #expect(diagnostic.location?.line == 8)
    }

    @Test("Code CPV : 8 chiffres, avec ou sans chiffre de contrôle", arguments: [
        ("45214200", true), ("45214200-2", true), ("4521420", false), ("45214200-", false), ("45214200-22", false),
        ("4521420A", false),
    ])
    func cpv(_ input: (String, Bool)) {
        #expect(Identifiers.isCPV(input.0) == input.1)
    }

    @Test("Départements : 01 à 95 avec 2A et 2B, 971 à 976", arguments: [
        ("01", true), ("2A", true), ("2B", true), ("20", false), ("95", true), ("96", false), ("971", true),
        ("976", true), ("977", false), ("1", false),
    ])
    func departements(_ input: (String, Bool)) {
        #expect((Departements.vocabulary.term(matching: input.0) != nil) == input.1)
    }

    @Test("Le plus proche des noms connus, accents et casse ignorés", arguments: [
        ("heures_insertio", "heures_insertion"), ("Résumé", "resume"), ("partenaire", "partenaires"),
        ("reserve_insertion", "reserve-insertion"), ("titre", "titre"), ("zzz", nil),
    ] as [(String, String?)])
    func suggestions(_ input: (String, String?)) {
        let known = ["heures_insertion", "resume", "partenaires", "reserve-insertion", "titre", "date"]
        #expect(Suggestion.closest(to: input.0, among: known) == input.1)
    }

    @Test("Adresses tirées des noms : minuscules sans accent, chiffres et tirets ; un nom déjà propre reste tel quel", arguments: [
        ("angresse", "angresse"), ("college-d-angresse-2020", "college-d-angresse-2020"), ("Collège d'Angresse", "college-d-angresse"),
        ("Œuvre  & Cie", "oeuvre-cie"), ("-tiret-", "tiret"), ("a--b", "a-b"), ("2ᵉ lot", "2e-lot"), ("", ""), ("…", ""),
    ])
    func slugs(_ input: (String, String)) {
        #expect(Slug.make(input.0) == input.1)
    }
}

/// Dates as sources give them: a day, a month, a year, a season, a span of years (issue 12, point 5).
@Suite("Dates telles que les sources les donnent")
struct PartialDateTests {
    @Test("Chaque forme se lit, s'écrit en français et en EDTF pour les données ouvertes", arguments: [
        ("2025-12-17", "17 décembre 2025", "2025-12-17"), ("2021-11", "novembre 2021", "2021-11"), ("2020", "2020", "2020"),
        ("printemps 2024", "printemps 2024", "2024-21"), ("été 2023", "été 2023", "2023-22"), ("2018-2024", "de 2018 à 2024", "2018/2024"),
    ])
    func forms(_ input: (String, String, String)) throws {
        let date = try #require(PartialDate(written: input.0))
        #expect(date.french == input.1)
        #expect(date.description == input.2)
    }

    @Test("Sur la frise, une saison et une période prennent leur place", arguments: [
        ("2024-02", "printemps 2024"), ("printemps 2024", "2024-06"), ("2018-2024", "2019"), ("2018", "2018-2024"),
        ("hiver 2024", "printemps 2024"), ("automne 2023", "hiver 2024"),
    ])
    func ordered(_ pair: (String, String)) throws {
        #expect(try #require(PartialDate(written: pair.0)) < (try #require(PartialDate(written: pair.1))))
    }

    @Test("Une date ISO lue octet par octet : la date exacte, ou rien", arguments: [
        ("2025-12-17", "2025-12-17"), ("2021-11", "2021-11"), ("2020", "2020"), ("2024-02-29", "2024-02-29"),
        ("2023-02-29", nil), ("2025-04-31", nil), ("2025-00", nil), ("2025-13-01", nil), ("0999", nil), ("2025-1-05", nil),
        ("2025-01-5", nil), ("202a", nil), ("2025/12/17", nil), ("+025-12-17", nil), ("2025-12-17 ", nil), ("９９９９", nil),
        ("2025--1", nil), ("2025-12-17-01", nil), ("99999999999999999999", nil), ("2025-123", nil),
    ] as [(String, String?)])
    func plainISO(_ input: (String, String?)) {
        #expect(PartialDate(written: input.0)?.description == input.1)
        #expect(PartialDate(iso: input.0)?.description == input.1)
    }

    @Test("Ce qui n'est pas une date reste refusé", arguments: ["2024-2018", "printemps", "saison 2024", "2024-13", "24-2024"])
    func refused(_ text: String) {
        #expect(PartialDate(written: text) == nil)
    }

    @Test("Une période d'années dans les dates d'une fiche passe, et les règles d'ordre la comprennent")
    func inCaseStudy() {
        let ok = TestSupport.read(Sample.replacing("chiffres:", with: "dates:\n  lancement_consultation: printemps 2021\n  attribution: 2021-11\nchiffres:"))
        #expect(ok.diagnostics.isEmpty, "\(ok.diagnostics)")
        let wrong = TestSupport.read(Sample.replacing("chiffres:", with: "dates:\n  lancement_consultation: automne 2022\n  attribution: 2021-11\nchiffres:"))
        #expect(wrong.diagnostics.map(\.code) == [.datesOutOfOrder])
    }
}
