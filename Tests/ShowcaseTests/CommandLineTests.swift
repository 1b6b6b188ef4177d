import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// The `showcase` executable as CI runs it: exit statuses and machine-readable output.
@Suite("Ligne de commande", .serialized)
struct CommandLineTests {
    /// The executable SwiftPM built beside this test bundle.
    static let executable: String = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        return folder + "/showcase"
    }()

    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                   standardError: String(decoding: errData, as: UTF8.self))
    }

    @Test("L'exécutable est construit à côté des tests")
    func executableExists() {
        #expect(FileSystem.disk.kind(Self.executable) == .file, "lancez `swift build --build-tests` avant `swift test`")
    }

    @Test("check : 0 quand tout est valide, sans rien écrire")
    func checkValid() throws {
        let root = TestSupport.copyOfShippedProject()
        let run = try Self.run(["check"], in: root)
        #expect(run.status == 0)
        #expect(run.standardError == "\(TestSupport.shippedEntries) fiches valides.\n")
        #expect(FileSystem.disk.kind(root + "/site") == nil)
    }

    @Test("check : 1 quand une fiche est invalide, avec le diagnostic complet en français")
    func checkInvalid() throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Sample.replacing("valeur: 24", with: "valeur: -24")], into: root)
        let run = try Self.run(["check"], in: root)
        #expect(run.status == 1)
        #expect(run.standardError == """
            erreur[valeur-hors-bornes]: « personnes_embauchees » ne peut pas être négatif (-24)
              --> content/essai.md:15:13
               |
            15 |     valeur: -24
               |             ^^^
               = aide: la valeur doit être supérieure ou égale à 1 ; si le chiffre est inconnu, supprimez la ligne

            1 erreur.

            """)
    }

    @Test("check --format json : un tableau JSON aux champs stables, sur la sortie standard")
    func checkJSON() throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Sample.replacing("  heures_insertion:", with: "  heures_insertio:")], into: root)
        let run = try Self.run(["check", "--format", "json"], in: root)
        #expect(run.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]]
        let first = try #require(decoded?.first)
        #expect(decoded?.count == 1)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "champ-inconnu")
        #expect(first["file"] as? String == "content/essai.md")
        #expect(first["line"] as? Int == 11)
        #expect(first["column"] as? Int == 3)
        #expect(first["endColumn"] as? Int == 18)
        #expect(first["help"] as? String == "vouliez-vous dire « heures_insertion » ?")
        #expect(Set(first.keys) == ["severity", "code", "message", "file", "line", "column", "endColumn", "help"])
    }

    @Test("check --strict : les avertissements font échouer")
    func strict() throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Sample.valid + "<b>HTML</b>\n"], into: root)
        #expect(try Self.run(["check"], in: root).status == 0)
        #expect(try Self.run(["check", "--strict"], in: root).status == 1)
    }

    @Test("2 pour une erreur d'utilisation ou d'environnement", arguments: [
        ["check", "--format", "xml"], ["build", "--inconnue"], ["publier"], ["check", "--project", "/nulle/part"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let run = try Self.run(arguments, in: TestSupport.packageRoot)
        #expect(run.status == 2)
        #expect(!run.standardError.isEmpty)
    }

    @Test("build : écrit le site et le dit ; la fois suivante, ne refait rien de ce qui n'a pas changé")
    func build() throws {
        let root = TestSupport.copyOfShippedProject()
        let run = try Self.run(["build"], in: root)
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("\(TestSupport.shippedEntries) fiches, 36 pages (toutes refaites) dans site en "))
        #expect(FileSystem.disk.kind(root + "/site/index.html") == .file)
        let again = try Self.run(["build"], in: root)
        #expect(again.standardOutput.hasPrefix("\(TestSupport.shippedEntries) fiches, 36 pages (0 refaite, les autres inchangées) dans site en "))
    }

    @Test("Un fichier illisible n'affiche jamais de trace de pile", arguments: [
        [0xFF, 0xFE, 0x00, 0x2D], Array("---\n: : :\n---\n".utf8), Array("---\n- [\n---\n".utf8), Array("---\n\t\t\n---".utf8),
    ] as [[UInt8]])
    func malformed(_ bytes: [UInt8]) throws {
        let root = TestSupport.copyOfShippedProject()
        try FileSystem.disk.writeFile(root + "/content/casse.md", bytes)
        let run = try Self.run(["check"], in: root)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("erreur["))
        #expect(!run.standardError.contains("Fatal error"))
    }
}

/// The command line as users of other generators expect it (issue 16, points 2 and 3).
@Suite("Ligne de commande des autres générateurs", .serialized)
struct FamiliarCommandLineTests {
    @Test("--version, -p et -o, --base-url pour un déploiement d'aperçu ; la version est dans les pages et le JSON")
    func versionAndOverrides() throws {
        let version = try CommandLineTests.run(["--version"], in: TestSupport.temporaryFolder())
        #expect(version.status == 0 && version.standardOutput == ShowcaseVersion.current + "\n")
        let root = TestSupport.copyOfShippedProject()
        let run = try CommandLineTests.run(["build", "-p", root, "-o", "apercu", "--base-url", "https://apercu.exemple.fr/vitrine"],
                                           in: TestSupport.temporaryFolder())
        #expect(run.status == 0, "\(run.standardError)")
        let home = TestSupport.text(root + "/apercu/index.html")
        #expect(home.contains("<link rel=\"canonical\" href=\"https://apercu.exemple.fr/vitrine/\">"))
        #expect(home.contains("<meta name=\"generator\" content=\"showcase \(ShowcaseVersion.current)\">"))
        #expect(!run.standardError.contains("adresse-d-exemple"))
        #expect(TestSupport.text(root + "/apercu/donnees/indicateurs.json").contains("\"generateur\": \"showcase \(ShowcaseVersion.current)\""))
        let wrong = try CommandLineTests.run(["build", "--base-url", "apercu"], in: root)
        #expect(wrong.status == 1 && wrong.standardError.contains("n'est pas une adresse"))
    }

    @Test("check --format gitlab : le rapport Code Quality, aux empreintes stables quand des lignes s'ajoutent au-dessus")
    func gitlab() throws {
        let root = TestSupport.copyOfShippedProject()
        let broken = Sample.replacing("    valeur: 9000\n", with: "    valeur: neuf mille\n")
        TestSupport.write(["content/essai.md": broken], into: root)
        let first = try CommandLineTests.run(["check", "--format", "gitlab"], in: root)
        #expect(first.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [[String: Any]])
        let problem = try #require(report.first { ($0["check_name"] as? String) == "type-invalide" })
        #expect(problem["severity"] as? String == "major")
        let location = try #require(problem["location"] as? [String: Any])
        #expect(location["path"] as? String == "content/essai.md")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 12)
        TestSupport.write(["content/essai.md": broken.replacingOccurrences(of: "---\ntitre:", with: "---\n# Une ligne de plus\ntitre:")], into: root)
        let second = try CommandLineTests.run(["check", "--format", "gitlab"], in: root)
        let moved = try #require(try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [[String: Any]])
        let same = try #require(moved.first { ($0["check_name"] as? String) == "type-invalide" })
        #expect(same["fingerprint"] as? String == problem["fingerprint"] as? String)
        #expect(((same["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 13)
    }
}
