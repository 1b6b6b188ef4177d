import Foundation
import SwiftCSV
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Données ouvertes", .serialized)
struct OpenDataTests {
    static func export(_ format: OpenDataFormat) async throws -> String {
        let (bytes, report) = try await Pipeline().export(ProjectPaths(root: TestSupport.packageRoot), format: format)
        #expect(report.diagnostics.isEmpty)
        return String(decoding: try #require(bytes), as: UTF8.self)
    }

    @Test("Le CSV s'ouvre dans un tableur français : BOM, ;, virgule décimale, une ligne par fiche")
    func csvReadBack() async throws {
        let text = try await Self.export(.csv)
        #expect(text.hasPrefix("\u{FEFF}identifiant;titre;url;"))
        #expect(text.contains("\r\n"))
        let csv = try CSV<Named>(string: String(text.dropFirst()), delimiter: .semicolon)
        #expect(csv.rows.count == TestSupport.shippedEntries)
        let angresse = try #require(csv.rows.first { $0["identifiant"] == "landes-college-angresse" })
        #expect(angresse["heures_insertion"] == "9000")
        #expect(angresse["montant_euros"] == "17000000")
        #expect(angresse["etp_insertion"] == "5,6")
        #expect(angresse["part_rsa"] == "66,7")
        #expect(angresse["heures_par_million"] == "529")
        #expect(angresse["considerationsSociales"] == "Clause sociale")
        #expect(angresse["departement_code"] == "40")
        #expect(angresse["date_mise_en_service"] == "2020-09-01")
        #expect(angresse["heures_insertion_source"] == "La commande publique inclusive, Département des Landes (dépliant)")
        let lockers = try #require(csv.rows.first { $0["identifiant"] == "lot-et-garonne-casiers" })
        #expect(lockers["titre"] == "Des casiers « Made in 47 » fabriqués en détention pour les collèges")
        #expect(lockers["considerationsSociales"] == "Marché réservé")
        #expect(lockers["techniques"] == "Accord-cadre")
        #expect(lockers["modalitesExecution"] == "Bons de commande")
        #expect(lockers["unites_livrees"] == "48")
        #expect(lockers["heures_insertion"] == "")
        #expect(csv.header.count == Set(csv.header).count)
    }

    @Test("Un champ contenant ; ou des guillemets est protégé", arguments: [
        ("a;b", "\"a;b\""), ("dit \"oui\"", "\"dit \"\"oui\"\"\""), ("ligne\nsuite", "\"ligne\nsuite\""), ("simple", "simple"),
        (" espace", "\" espace\""),
    ])
    func csvQuoting(_ input: (String, String)) {
        #expect(CSVExporter.field(input.0) == input.1)
    }

    @Test("Le JSON a une fiche par entrée, conforme aux propriétés de son schéma")
    func jsonMatchesSchema() async throws {
        let json = try await Self.export(.json)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(decoded["fiches"] as? [[String: Any]])
        #expect(entries.count == TestSupport.shippedEntries)
        let schemaText = JSONSchemaWriter.schema(catalogue: TestSupport.catalogue)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any])
        let entrySchema = try #require(((schema["properties"] as? [String: Any])?["fiches"] as? [String: Any])?["items"] as? [String: Any])
        let allowed = Set((entrySchema["properties"] as? [String: Any] ?? [:]).keys)
        let required = Set(entrySchema["required"] as? [String] ?? [])
        for entry in entries {
            #expect(Set(entry.keys) == allowed)
            #expect(required.isSubset(of: Set(entry.keys)))
        }
        let angresse = try #require(entries.first { $0["identifiant"] as? String == "landes-college-angresse" })
        let derived = try #require(angresse["indicateurs_calcules"] as? [String: [String: Any]])
        #expect(derived["etp_insertion"]?["valeur"] as? Double == 5.6)
        #expect(derived["etp_insertion"]?["calcul"] as? String == "9\u{202F}000\u{00A0}h ÷ 1\u{202F}607\u{00A0}h = 5,6\u{00A0}ETP")
    }

    @Test("La construction écrit les données ouvertes dans site/donnees/")
    func writtenByBuild() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        for name in [OpenDataFiles.csvName, OpenDataFiles.jsonName, OpenDataFiles.schemaName] {
            #expect(FileSystem.disk.kind(root + "/site/donnees/" + name) == .file)
        }
        #expect(TestSupport.text(root + "/site/donnees/indicateurs.csv") == (try await Self.export(.csv)))
    }

    @Test("Un fichier de données refait à partir du précédent et de fiches nouvelles est celui qu'on aurait écrit d'un coup")
    func recordFileFromPreviousAndFresh() throws {
        let file = RecordFile(opening: Array("[\n".utf8), separator: Array(",\n".utf8), closing: Array("\n]\n".utf8))
        let old = (0..<6).map { Array("{\"ancien\": \($0)}".utf8) }
        let previous = file.assemble(old)
        let oldRanges = file.layout(old.map(\.count)).ranges
        let spool = ScratchFile.inMemory()
        let fresh = try spool.append(Array("{\"nouveau\": 1}".utf8))
        // Records 0–1 and 3–4 follow each other in the previous file; 5 comes before 2 now, and one record is new.
        let order: [RecordFile.Piece] = [.previous(oldRanges[0]), .previous(oldRanges[1]), .spooled(fresh), .previous(oldRanges[3]),
                                         .previous(oldRanges[4]), .previous(oldRanges[5]), .previous(oldRanges[2])]
        let records = [old[0], old[1], Array("{\"nouveau\": 1}".utf8), old[3], old[4], old[5], old[2]]
        let expected = file.assemble(records)
        let folder = TestSupport.temporaryFolder()
        defer { try? FileSystem.disk.removeTree(folder) }
        let output = try FileSystem.disk.streamFile(folder + "/donnees.json", file.layout(records.map(\.count)).length)
        try file.write(order, spool: spool, previous: previous, to: output)
        #expect(try output.finish() == ContentHash.hash(expected))
        #expect(try FileSystem.disk.readFile(folder + "/donnees.json") == expected)
    }
}

@Suite("Agrégats par programme et édition")
struct AggregatesTests {
    static func summaries() -> [EntrySummary] {
        let hours = Sample.valid
        let noFigures = Sample.replacing("""
        chiffres:
          heures_insertion:
            valeur: 9000
            source: depliant
          personnes_embauchees:
            valeur: 24
            source: depliant
          beneficiaires_rsa:
            valeur: 16
            source: depliant

        """, with: "prix:\n  programme: trophees-idealco\n  edition: 2025\n  statut: laureat\n")
        let more = Sample.replacing("valeur: 9000", with: "valeur: 1000")
            .replacingOccurrences(of: "sources:", with: "prix:\n  programme: trophees-idealco\n  edition: 2025\n  statut: candidat\nsources:")
        return [hours, noFigures, more, more].enumerated().compactMap { offset, text in
            TestSupport.read(text, path: "content/f\(offset).md").study.map { EntrySummary(study: $0, derived: []) }
        }
    }

    @Test("Un total ne compte que les fiches qui publient le chiffre, et le dit")
    func totals() {
        let group = Aggregates.group("Toutes", Self.summaries(), catalogue: TestSupport.catalogue)
        #expect(group.count == 4)
        #expect(group.winners == 1)
        let hours = group.totals.first { $0.indicator.id == "heures_insertion" }
        #expect(hours?.total == 11_000)
        #expect(hours?.sentence(noun: .fiche) == "11\u{202F}000\u{00A0}heures sur 3 fiches renseignées sur 4")
        #expect(hours?.sentence(noun: .dossier) == "11\u{202F}000\u{00A0}heures sur 3 dossiers renseignés sur 4")
        #expect(group.summary(noun: .fiche) == "4 fiches, dont 1 lauréate")
        #expect(!group.totals.contains { $0.indicator.isDerived })
    }

    @Test("Un groupe par programme et par édition")
    func byProgramme() {
        let groups = Aggregates.byProgrammeAndEdition(Self.summaries(), config: TestSupport.config, catalogue: TestSupport.catalogue)
        #expect(groups.map(\.title) == ["Trophées idealCO 2025"])
        #expect(groups.first?.count == 3)
        #expect(groups.first?.totals.first { $0.indicator.id == "heures_insertion" }?.sentence(noun: .dossier)
                == "2\u{202F}000\u{00A0}heures sur 2 dossiers renseignés sur 3")
        #expect(groups.first?.summary(noun: .dossier) == "3 dossiers, dont 1 lauréat")
    }
}

@Suite("Annotations GitHub")
struct GitHubAnnotationTests {
    @Test("Une annotation par diagnostic, propriétés et message échappés")
    func annotations() {
        let diagnostics: [Diagnostic] = [
            .error(.unknownField, "champ inconnu « a,b »", at: SourceLocation(file: "content/x.md", line: 3, column: 5, length: 3),
                   help: "vouliez-vous dire « ab » ?"),
            .warning(.rawHTMLIgnored, "100% HTML", at: nil),
        ]
        #expect(DiagnosticEncoder.githubAnnotations(diagnostics) == """
            ::warning title=html-ignore::100%25 HTML
            ::error file=content/x.md,line=3,col=5,endColumn=8,title=champ-inconnu::champ inconnu « a,b »%0Aaide: vouliez-vous dire « ab » ?

            """)
    }

    @Test("Une chaîne JSON échappe ce qu'elle doit, garde le reste, et se relit à l'identique", arguments: [
        "", "Casiers « Made in 47 » : 9 000 heures", "guillemet \" et barre \\ ; fin", "ligne\nsuivante\r\ttab",
        "<script>alert(1)</script>", "contrôle \u{01}\u{1F} fin", "séparateurs \u{2028} et \u{2029}", "\u{2028}",
        "€ et 😀 et \u{2027}",
    ])
    func jsonStrings(_ text: String) throws {
        var bytes: [UInt8] = []
        JSONValue.appendQuoted(text, to: &bytes)
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(!written.contains("<") && !written.contains("\u{2028}") && !written.contains("\u{2029}"))
        #expect(!written.unicodeScalars.contains { $0.value < 0x20 })
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + written + "]").utf8)) as? [String]
        #expect(decoded == [text])
    }
}
