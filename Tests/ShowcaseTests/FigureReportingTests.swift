import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcasePages
@testable import ShowcaseSite

/// Figures as sources word them (issue 12, point 1) and totals that add only what adds up (point 2).
@Suite("Chiffres tels que les sources les disent")
struct FigureReportingTests {
    /// The sample with lines added under `heures_insertion` (after its value).
    static func hours(_ lines: String) -> String {
        Sample.replacing("    valeur: 9000\n", with: "    valeur: 9000\n" + lines)
    }

    static func figure(_ text: String, _ id: String = "heures_insertion") throws -> Figure {
        let read = TestSupport.read(text)
        #expect(!read.diagnostics.hasErrors, "\(read.diagnostics.map(\.message))")
        return try #require(read.study?.figure(id))
    }

    @Test("La page écrit le chiffre comme un juré le lit", arguments: [
        ("    qualificatif: plus-de\n", "plus de 9\u{202F}000\u{00A0}heures"),
        ("    qualificatif: environ\n", "environ 9\u{202F}000\u{00A0}heures"),
        ("    periode: par-jour\n", "9\u{202F}000\u{00A0}heures par jour"),
        ("    periode: 2018-2024\n", "9\u{202F}000\u{00A0}heures de 2018 à 2024"),
        ("    objectif: 8000\n", "9\u{202F}000\u{00A0}heures pour un objectif de 8\u{202F}000\u{00A0}heures, soit 113\u{00A0}%"),
        ("    perimetre: lot 2 seulement\n", "9\u{202F}000\u{00A0}heures (lot 2 seulement)"),
    ])
    func wording(lines: String, expected: String) throws {
        #expect(try Self.figure(Self.hours(lines)).wording == expected)
    }

    @Test("Un montant dit s'il est hors taxes ou toutes taxes comprises ; un autre chiffre ne le peut pas")
    func taxBasis() throws {
        let amount = Sample.replacing("chiffres:\n", with: "chiffres:\n  montant_euros:\n    valeur: 17000000\n    taxes: HT\n    source: depliant\n")
        #expect(try Self.figure(amount, "montant_euros").wording == "17\u{00A0}M€\u{00A0}HT")
        let read = TestSupport.read(Self.hours("    taxes: HT\n"))
        #expect(read.diagnostics.first?.message == "« taxes » ne s'applique qu'à un montant, et « heures_insertion » n'en est pas un")
    }

    @Test("Une période ou un qualificatif mal écrits sont signalés à leur ligne, avec ce qui est permis")
    func invalidWording() {
        let period = TestSupport.read(Self.hours("    periode: 2024-2018\n"))
        #expect(period.diagnostics.first?.message == "« 2024-2018 » n'est pas une période connue")
        #expect(period.diagnostics.first?.location?.line == 13)
        let qualifier = TestSupport.read(Self.hours("    qualificatif: plus de\n"))
        #expect(qualifier.diagnostics.first?.help == "vouliez-vous dire « plus-de » ?")
    }

    @Test("Un indicateur calculé d'un chiffre approché est « environ » ; de chiffres de périodes différentes, il n'est pas calculé et la page dit pourquoi")
    func derivedFromWordedFigures() throws {
        let approximate = TestSupport.read(Self.hours("    qualificatif: plus-de\n"))
        let etp = try #require(approximate.study?.derived.first { $0.definition.id == "etp_insertion" })
        #expect(etp.formatted == "environ 5,6\u{00A0}ETP")
        #expect(etp.equation.hasPrefix("plus de 9\u{202F}000\u{00A0}h ÷"))
        let mixed = try #require(TestSupport.read(Self.hours("    periode: par-an\n")).study)
        #expect(!mixed.derived.contains { $0.definition.id == "heures_par_personne" })
        #expect(mixed.derived.first { $0.definition.id == "etp_insertion" }?.formatted == "5,6\u{00A0}ETP par an")
        let reasons = EntryViewBuilder.notComputed(mixed, catalogue: TestSupport.catalogue, computed: mixed.derived)
        #expect(reasons.first { $0.id == "heures_par_personne" }?.reason == "les chiffres dont il dépend ne portent pas sur la même période")
    }

    @Test("Lue pour check (sans calculs écrits ni empreintes), une fiche donne les mêmes valeurs et les mêmes problèmes")
    func readForCheck() throws {
        let text = Self.hours("    qualificatif: plus-de\n")
        var checking = CaseStudyReader(parser: CaseStudyParser(catalogue: TestSupport.catalogue, config: TestSupport.config))
        checking.fingerprints = false
        checking.parser.workings = false
        let built = TestSupport.read(text), checked = checking.read(Array(text.utf8), path: "content/essai.md")
        let derived = try #require(built.study?.derived), checkedDerived = try #require(checked.study?.derived)
        #expect(!derived.isEmpty)
        #expect(checkedDerived.map(\.value) == derived.map(\.value))
        #expect(checkedDerived.map(\.formatted) == derived.map(\.formatted))
        #expect(checkedDerived.allSatisfy { $0.working.isEmpty } && derived.allSatisfy { !$0.working.isEmpty })
        #expect(checked.diagnostics.map(\.message) == built.diagnostics.map(\.message))
        #expect(checked.sourceHash == 0 && built.sourceHash != 0)
    }

    @Test("Les données ouvertes gardent chaque précision dans sa colonne")
    func openData() throws {
        let study = try #require(TestSupport.read(Self.hours("    qualificatif: plus-de\n    objectif: 8000\n    periode: 2018-2024\n")).study)
        let entry = OpenDataEntry(study: study, derived: study.derived)
        let row = String(decoding: CSVExporter.row(entry, config: TestSupport.config, catalogue: TestSupport.catalogue), as: UTF8.self)
        #expect(row.contains(";9000;plus-de;2018-2024;;8000;"))
        let json = JSONExporter.compact(entry, config: TestSupport.config, catalogue: TestSupport.catalogue)
        #expect(json.contains("\"valeur\":9000,\"unite\":\"heures\",\"qualificatif\":\"plus-de\",\"periode\":\"2018-2024\",\"objectif\":8000,\"taux_atteinte\":112.5,\"source\""))
        // A plain figure carries none of these fields.
        #expect(json.contains("\"personnes_embauchees\":{\"valeur\":24,\"unite\":\"personnes\",\"source\""))
    }

    @Test("Les totaux n'additionnent que ce qui s'additionne : « au moins », « environ », périodes et taxes à part")
    func totals() throws {
        func summary(_ text: String) throws -> EntrySummary {
            let study = try #require(TestSupport.read(text).study)
            return EntrySummary(study: study, derived: study.derived)
        }
        let exact = try summary(Sample.valid)
        let moreThan = try summary(Sample.replacing("    valeur: 9000\n", with: "    valeur: 1000\n    qualificatif: plus-de\n"))
        let perDay = try summary(Sample.replacing("    valeur: 9000\n", with: "    valeur: 50\n    periode: par-jour\n"))
        let group = Aggregates.group("Toutes", [exact, moreThan, perDay], catalogue: TestSupport.catalogue)
        let hours = try #require(group.totals.first { $0.indicator.id == "heures_insertion" })
        #expect(hours.valueText == "au moins 10\u{202F}000\u{00A0}heures")
        #expect(hours.coverage(noun: .fiche) == "2 fiches renseignées sur 3 ; 1 chiffre par période ou plafonné, non additionné")

        let amount = { (basis: String, value: Int) in
            Sample.replacing("chiffres:\n", with: "chiffres:\n  montant_euros:\n    valeur: \(value)\n    taxes: \(basis)\n    source: depliant\n")
        }
        let mixed = Aggregates.group("Toutes", [try summary(amount("HT", 1_000_000)), try summary(amount("TTC", 2_000_000))],
                                     catalogue: TestSupport.catalogue)
        #expect(mixed.totals.first { $0.indicator.id == "montant_euros" }?.valueText == "montants HT et TTC, non additionnés")
        let same = Aggregates.group("Toutes", [try summary(amount("HT", 1_000_000)), try summary(amount("HT", 2_000_000))],
                                    catalogue: TestSupport.catalogue)
        #expect(same.totals.first { $0.indicator.id == "montant_euros" }?.valueText == "3\u{00A0}M€\u{00A0}HT")
    }
}

/// « Indicateurs non calculables » lists only what concerns the entry (issue 12, point 11).
@Suite("Une page qui n'accuse pas")
struct NotComputedTests {
    static let withoutPeople = Sample.replacing("  personnes_embauchees:\n    valeur: 24\n    source: depliant\n", with: "")

    @Test("Un indicateur d'insertion manquant n'est signalé qu'à une fiche d'insertion, en disant ce que les sources ne donnent pas")
    func onlyWhatConcerns() throws {
        let social = try #require(TestSupport.read(Self.withoutPeople).study)
        let listed = EntryViewBuilder.notComputed(social, catalogue: TestSupport.catalogue, computed: social.derived)
        #expect(listed.first { $0.id == "heures_par_personne" }?.reason == "les sources de cette fiche ne donnent pas : personnes mises en emploi")
        let other = try #require(TestSupport.read(Self.withoutPeople.replacingOccurrences(of: "mecanismes:\n  - clause-sociale\n", with: "")).study)
        #expect(EntryViewBuilder.notComputed(other, catalogue: TestSupport.catalogue, computed: other.derived).isEmpty)
        let cells = ComparisonBuilder.cells(other, derived: other.derived, catalogue: TestSupport.catalogue)
        let position = try #require(TestSupport.catalogue.indicators.firstIndex { $0.id == "heures_par_personne" })
        #expect(cells[position].reason == "Sans objet pour cette fiche.")
    }

    @Test("Un thème inconnu dans le catalogue est signalé, avec la suggestion")
    func unknownTheme() {
        let text = TestSupport.sourceFile(atProjectPath: "indicateurs.yaml").text
            .replacingOccurrences(of: "themes: [fournitures]", with: "themes: [fourniture]")
        let diagnostics = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: text)).diagnostics
        #expect(diagnostics.contains { $0.code == .unknownValue && $0.help == "vouliez-vous dire « fournitures » ?" }, "\(diagnostics)")
    }
}

/// A contract in several lots (issue 12, point 5).
@Suite("Marchés en plusieurs lots")
struct LotTests {
    static let lots = Sample.replacing("chiffres:", with: """
        contrat:
          nature: fournitures
          lots:
            - numero: "1"
              objet: Électroménager neuf
              montant: 120000
              taxes: HT
              titulaire: Une entreprise
            - numero: "2"
              objet: Électroménager reconditionné
              mecanisme: reserve-insertion
              titulaire: Envie
        chiffres:
        """)

    @Test("Chaque lot a son objet, son montant, son mécanisme et son titulaire, sur la page et dans les données ouvertes")
    func lots() throws {
        let read = TestSupport.read(Self.lots)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let study = try #require(read.study)
        #expect(study.contract?.lots.map(\.object) == ["Électroménager neuf", "Électroménager reconditionné"])
        let view = EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config)
        #expect(view.contract?.lots.first?.amount == "120\u{202F}000\u{00A0}€\u{00A0}HT")
        #expect(view.contract?.lots.last?.mechanism == "Marché réservé aux structures d'insertion (art. L. 2113-13)")
        let row = String(decoding: CSVExporter.row(OpenDataEntry(study: study, derived: study.derived), config: TestSupport.config,
                                                   catalogue: TestSupport.catalogue), as: UTF8.self)
        #expect(row.contains(";1 : Électroménager neuf | 2 : Électroménager reconditionné;"))
    }

    @Test("Un lot sans objet, ou au mécanisme inconnu, est signalé")
    func invalidLot() {
        let read = TestSupport.read(Self.lots.replacingOccurrences(of: "      objet: Électroménager neuf\n", with: "")
            .replacingOccurrences(of: "mecanisme: reserve-insertion", with: "mecanisme: reserve-insertions"))
        #expect(read.diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.missingField, .unknownValue])
    }
}

/// A purchase over several départements, a region or the whole country (issue 12, point 5).
@Suite("Territoire d'un achat")
struct TerritoryTests {
    static let territory = Sample.replacing("chiffres:", with: "territoire:\n  departements: [40, 64]\n  region: nouvelle-aquitaine\nchiffres:")

    @Test("La page dit le territoire ; la fiche paraît sous chacun de ses départements ; les données ouvertes le portent")
    func severalDepartements() throws {
        let read = TestSupport.read(Self.territory)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let study = try #require(read.study)
        let view = EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config)
        #expect(view.territory == "Landes (40), Pyrénées-Atlantiques (64), Nouvelle-Aquitaine")
        let summary = EntrySummary(study: study, derived: study.derived)
        let departements = try #require(Taxonomies.build([summary], config: TestSupport.config).first { $0.id == "departements" })
        #expect(departements.terms.map(\.path) == ["departements/40/", "departements/64/"])
        #expect(Taxonomies.filterKeys(study).filter { $0.hasPrefix("departement:") } == ["departement:40", "departement:64"])
        let row = String(decoding: CSVExporter.row(OpenDataEntry(study: study, derived: study.derived), config: TestSupport.config,
                                                   catalogue: TestSupport.catalogue), as: UTF8.self)
        #expect(row.contains(";40 | 64;Nouvelle-Aquitaine;;"))
    }

    @Test("Toute la France ; une région inconnue est signalée avec la suggestion")
    func nationalAndUnknown() throws {
        let national = try #require(TestSupport.read(Sample.replacing("chiffres:", with: "territoire:\n  national: true\nchiffres:")).study)
        #expect(national.territory?.words == "France entière")
        let unknown = TestSupport.read(Sample.replacing("chiffres:", with: "territoire:\n  region: bretagn\nchiffres:"))
        #expect(unknown.diagnostics.first?.help == "vouliez-vous dire « bretagne » ?")
    }
}

/// A fact the catalogue has no indicator for, kept as data in the entry that reports it (issue 12, targets).
@Suite("Chiffres propres à une fiche")
struct OwnFigureTests {
    static let surface = Sample.replacing("chiffres:\n", with: """
        chiffres:
          surface_espaces_verts:
            libelle: Espaces verts entretenus
            unite: m2
            valeur: 63000
            source: depliant

        """)

    @Test("Un chiffre que le catalogue ne connaît pas s'écrit avec son libellé et son unité : la page et les données ouvertes le portent")
    func ownFigure() throws {
        let read = TestSupport.read(Self.surface)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let study = try #require(read.study)
        let figure = try #require(study.figure("surface_espaces_verts"))
        #expect(figure.indicator.isOwn && !figure.indicator.isSummable)
        let view = EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config)
        #expect(view.figures.last?.label == "Espaces verts entretenus")
        #expect(view.figures.last?.value == "63\u{202F}000\u{00A0}m²")
        let entry = OpenDataEntry(study: study, derived: study.derived)
        let json = JSONExporter.compact(entry, config: TestSupport.config, catalogue: TestSupport.catalogue)
        #expect(json.contains("\"chiffres_propres\":{\"surface_espaces_verts\":{\"libelle\":\"Espaces verts entretenus\",\"valeur\":63000,\"unite\":\"m2\",\"source\":\"depliant\""))
        #expect(!json.contains("\"chiffres\":{\"surface_espaces_verts\""))
        let row = String(decoding: CSVExporter.row(entry, config: TestSupport.config, catalogue: TestSupport.catalogue), as: UTF8.self)
        #expect(row.contains(";Espaces verts entretenus : 63\u{202F}000\u{00A0}m²;"))
    }

    @Test("Deux fiches qui ont un chiffre propre du même nom ne sont jamais additionnées")
    func neverSummed() throws {
        let study = try #require(TestSupport.read(Self.surface).study)
        let summary = EntrySummary(study: study, derived: study.derived)
        let group = Aggregates.group("Toutes", [summary, summary], catalogue: TestSupport.catalogue)
        #expect(!group.totals.contains { $0.indicator.id == "surface_espaces_verts" })
        #expect(group.totals.first { $0.indicator.id == "heures_insertion" }?.valueText == "18\u{202F}000\u{00A0}heures")
    }

    @Test("Sans libellé, c'est une faute de frappe ; une unité inconnue, un nom mal formé ou proche du catalogue sont signalés")
    func problems() {
        let typo = TestSupport.read(Sample.replacing("  heures_insertion:\n", with: "  heures_insertoin:\n"))
        #expect(typo.diagnostics.first?.code == .unknownField)
        #expect(typo.diagnostics.first?.help?.contains("vouliez-vous dire « heures_insertion »") == true)
        let unit = TestSupport.read(Self.surface.replacingOccurrences(of: "unite: m2", with: "unite: m²"))
        #expect(unit.diagnostics.map(\.code) == [.unknownUnit])
        #expect(unit.diagnostics.first?.help == "vouliez-vous dire « m2 » ?")
        let name = TestSupport.read(Self.surface.replacingOccurrences(of: "surface_espaces_verts:", with: "Surface-Verte:"))
        #expect(name.diagnostics.map(\.code) == [.invalidFigureName])
        #expect(name.diagnostics.first?.help == "écrivez `surface_verte:`")
        let close = TestSupport.read(Self.surface.replacingOccurrences(of: "surface_espaces_verts:", with: "postes_insertions:"))
        #expect(close.diagnostics.map(\.code) == [.ownFigureLikeCatalogue])
        #expect(close.diagnostics.first?.severity == .warning)
    }
}
