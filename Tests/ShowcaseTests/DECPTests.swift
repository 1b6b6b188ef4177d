import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcasePages
@testable import ShowcaseSite

/// Figures checked against the official contract record (issue 14, point 6).
@Suite("Données essentielles (DECP)")
struct DECPTests {
    static let folder = TestSupport.fixtures + "/decp/"

    /// The sample, naming its contract's record, with its amount, CPV code, notification date and procedure.
    static func entry(id: String = "2025S00004", amount: String = "17000000", cpv: String = "45214200",
                      date: String = "2018-03", procedure: String = "appel-offres-ouvert", wording: String = "") -> String {
        Sample.replacing("chiffres:\n", with: """
            decp:
              id: "\(id)"
              acheteur: "22400001800016"
            contrat:
              nature: travaux
              procedure: \(procedure)
              cpv: "\(cpv)"
            dates:
              attribution: \(date)
            chiffres:
              montant_euros:
                valeur: \(amount)
            \(wording)    source: depliant

            """)
    }

    static func check(_ text: String, file: String = "marches.json") throws -> [Diagnostic] {
        let read = TestSupport.read(text)
        #expect(!read.diagnostics.hasErrors, "\(read.diagnostics)")
        let study = try #require(read.study)
        let records = try DECPFile(path: folder + file).records(ids: [study.decp?.id ?? ""])
        return DECPCrossCheck.check([study], records: records)
    }

    @Test("Une fiche d'accord avec son marché : pas un mot ; la page renvoie au marché sur decp.info")
    func agreeing() throws {
        #expect(try Self.check(Self.entry()).isEmpty)
        let study = try #require(TestSupport.read(Self.entry()).study)
        #expect(study.decp?.publicURL == "https://decp.info/marches/224000018000162025S00004")
        #expect(EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config).decpURL == study.decp?.publicURL)
    }

    @Test("Chaque désaccord est un avertissement qui donne les deux valeurs et l'identifiant du marché")
    func disagreeing() throws {
        let diagnostics = try Self.check(Self.entry(id: "2025S00005"))
        #expect(diagnostics.allSatisfy { $0.code == .decpMismatch && $0.severity == .warning && $0.location?.line == 10 })
        #expect(diagnostics.map(\.message) == [
            "montant : la fiche dit « 17\u{00A0}M€ », le registre DECP « 16,5\u{00A0}M€ » (marché 224000018000162025S00005)",
            "code CPV : la fiche dit « 45214200 », le registre DECP « 45000000 » (marché 224000018000162025S00005)",
            "date d'attribution : la fiche dit « mars 2018 », le registre DECP « 1er juin 2019 » (marché 224000018000162025S00005)",
            "procédure : la fiche dit « Appel d'offres ouvert », le registre DECP « Procédure adaptée » (marché 224000018000162025S00005)",
            "considérations sociales : la fiche dit « Clause sociale », le registre DECP « Marché réservé » (marché 224000018000162025S00005)",
        ])
    }

    @Test("Un montant « environ » s'accorde à 10 % près ; un montant TTC n'est pas comparé au montant HT du registre")
    func tolerances() throws {
        let approximate = Self.entry(amount: "16000000", wording: "    qualificatif: environ\n")
        let found = try Self.check(approximate)
        #expect(found.isEmpty, "\(found.map(\.message))")
        let withTax = Self.entry(amount: "20400000", wording: "    taxes: TTC\n")
        #expect(try Self.check(withTax).isEmpty)
    }

    @Test("Une fiche qui nomme un marché absent du fichier le sait ; le même id chez un autre acheteur n'est pas le sien")
    func missing() throws {
        let diagnostics = try Self.check(Self.entry(id: "2099X99999"))
        #expect(diagnostics.map(\.code) == [.decpRecordNotFound])
        let records = try DECPFile(path: Self.folder + "marches.json").records(ids: ["2025S00004"])
        #expect(Set(records.keys) == ["224000018000162025S00004", "214700011000152025S00004"])
        #expect(records["214700011000152025S00004"]?.amount == 12)
    }

    @Test("Un fichier tronqué, vide ou qui n'est pas des DECP est refusé en français, sans planter", arguments: [
        ("tronque.json", "le fichier s'arrête au milieu d'un contrat"),
        ("absent.json", nil),
    ])
    func malformed(file: String, reason: String?) {
        #expect {
            _ = try DECPFile(path: Self.folder + file).records(ids: ["2025S00004"])
        } throws: { error in
            guard let error = error as? EnvironmentError else { return false }
            return reason.map { error.diagnostic.message.contains($0) && error.diagnostic.code == .decpUnreadable }
                ?? (error.diagnostic.code == .readFailed)
        }
    }

    @Test("Les formes d'un fichier DECP : un seul marché, une liste nue ; ce qui n'en est pas est refusé", arguments: [
        ("{\"marches\": {\"marche\": {\"id\": \"A1\", \"acheteur\": {\"id\": \"22400001800016\"}, \"montant\": 5}}}", true),
        ("[{\"id\": \"A1\", \"acheteur\": {\"id\": \"22400001800016\"}, \"montant\": \"5\"}]", true),
        ("{\"autre\": [1, 2]}", false),
        ("", false),
        ("{\"marches\": {\"marche\": [}", false),
    ])
    func shapes(json: String, readable: Bool) throws {
        let path = TestSupport.temporaryFolder() + "/decp.json"
        try FileSystem.disk.writeFile(path, Array(json.utf8))
        let records = try? DECPFile(path: path).records(ids: ["A1"])
        #expect((records != nil) == readable)
        if readable { #expect(records?["22400001800016A1"]?.amount == 5) }
    }

    @Test("showcase check --decp : les écarts au registre sont des avertissements ; un fichier illisible sort en 2")
    func commandLine() throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Self.entry(id: "2025S00005")], into: root)
        let run = try CommandLineTests.run(["check", "--decp", Self.folder + "marches.json", "--format", "json"], in: root)
        #expect(run.status == 0)
        #expect(run.standardOutput.components(separatedBy: "\"decp-ecart\"").count - 1 == 5)
        let broken = try CommandLineTests.run(["check", "--decp", Self.folder + "tronque.json"], in: root)
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("erreur[decp-illisible]"))
    }

    @Test("check --decp ne garde en mémoire que les fiches qui nomment un marché")
    func keepsOnlyEntriesNamingARecord() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Self.entry(id: "2025S00005")], into: root)
        let project = try await ProjectLoader(fileSystem: .disk).load(ProjectPaths(root: root), checkingStories: true,
                                                                      keeping: { $0.decp != nil })
        #expect(project.studies.count > 1)
        #expect(project.studies.compactMap(\.study).map(\.slug) == ["essai"])
        let report = try await Pipeline().check(ProjectPaths(root: root), decp: Self.folder + "marches.json")
        #expect(report.diagnostics.filter { $0.code == .decpMismatch }.count == 5)
    }
}
