import Foundation
import SwiftCSV
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// Hostile input: every bound gives a French diagnostic instead of a hang or a crash.
@Suite("Entrées hostiles", .serialized)
struct HardeningTests {
    static let fuzzFixtures = TestSupport.fixtures + "/fuzz"

    static func fixture(_ name: String) throws -> [UInt8] {
        try FileSystem.disk.readFile(fuzzFixtures + "/" + name)
    }

    /// The fuzzer's seeds and findings: a missing or empty folder fails here rather than giving zero cases below.
    static func fuzzFixtureNames() throws -> [String] {
        try FileSystem.disk.listDirectory(fuzzFixtures).map(\.name)
    }

    static func codes(_ bytes: [UInt8]) -> [DiagnosticCode] {
        WholePath.run(bytes).diagnostics.map(\.code)
    }

    /// The fuzzer's seeds and findings (`script/fuzz`): each must go through the whole path, and every diagnostic
    /// must point inside its file.
    @Test("Chaque graine et chaque trouvaille du fuzzer passe sans plantage, ses diagnostics situés dans le fichier",
          arguments: try HardeningTests.fuzzFixtureNames())
    func fuzzFindings(_ name: String) throws {
        let outcome = WholePath.run(try Self.fixture(name))
        #expect(outcome.misplacedDiagnostics.isEmpty)
        #expect(outcome.page != nil || outcome.diagnostics.hasErrors)
    }

    @Test("Les seules graines ne suffisent pas : le dossier des trouvailles du fuzzer est lu et n'est pas vide")
    func fuzzFixturesPresent() throws {
        #expect(try Self.fuzzFixtureNames().count >= 10)
    }

    @Test("Le chemin complet lit les réglages livrés par le chargeur de `build`, et rend une fiche valide")
    func wholePathRendersAValidEntry() throws {
        let settings = try #require(WholePath.settings)
        #expect(settings.diagnostics.isEmpty)
        #expect(settings.templates.has("fiche"))
        #expect(WholePath.run(Array(Sample.valid.utf8)).page != nil)
    }

    @Test("Une bombe d'alias YAML (« billion laughs ») est arrêtée avant d'occuper la mémoire")
    func aliasBomb() throws {
        let diagnostics = WholePath.run(try Self.fixture("bombe-d-alias.md")).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "en-tête démesuré : plus de 50000 valeurs une fois les alias `*` développés")
    }

    @Test("Un en-tête imbriqué sur des centaines de niveaux est arrêté")
    func deepNesting() throws {
        let diagnostics = WholePath.run(try Self.fixture("imbrication-profonde.md")).diagnostics
        #expect(diagnostics.map(\.message) == ["en-tête trop imbriqué : plus de 64 niveaux"])
    }

    @Test("Un octet nul : refusé à sa ligne et sa colonne, et le fichier n'est pas lu plus loin")
    func nulByte() throws {
        let outcome = WholePath.run(try Self.fixture("octet-nul.md"))
        #expect(outcome.diagnostics.map(\.code) == [.controlCharacter])
        #expect(outcome.diagnostics.first?.location == SourceLocation(file: "content/essai.md", line: 2, column: 20, length: 1))
        #expect(outcome.renderedDiagnostics[0].hasPrefix("erreur[caractere-de-controle]: le fichier contient un caractère nul (U+0000) : ce n'est sans doute pas du texte\n"))
    }

    @Test("Des caractères de contrôle collés depuis un PDF sont signalés une fois, avec leur nombre", arguments: [
        ("\u{0C}", "U+000C"), ("\u{7F}", "U+007F"), ("\u{85}", "U+0085"), ("\u{1B}", "U+001B"),
    ])
    func controlCharacters(_ input: (String, String)) {
        let text = Sample.replacing("Du texte.", with: "Du\(input.0) te\(input.0)xte\(input.0).")
        let diagnostics = WholePath.run(Array(text.utf8)).diagnostics
        #expect(diagnostics.map(\.message) == ["caractère de contrôle invisible \(input.1) (et 2 autres dans le fichier)"])
        #expect(diagnostics.first?.location?.line == 28)
    }

    @Test("Un caractère refusé est trouvé à n'importe quelle place d'un texte lu huit octets à la fois")
    func refusedCharacterAtEveryOffset() {
        let file = SourceFile(path: "content/essai.md", text: "")
        for refused in ["\u{01}", "\u{7F}", "\u{85}", "\u{202E}", "\u{FFFF}"] {
            for offset in 0...17 {
                let text = String(repeating: "a", count: offset) + refused + String(repeating: "é\tb\n", count: 3) + "fin"
                #expect(InvisibleCharacters.find(in: Array(text.utf8), file: file).count == 1, "\(refused.unicodeScalars.first!.value) à \(offset)")
            }
        }
        let accepted = String(repeating: "Texte accentué : « é », tab\tet ligne\n ~ ", count: 5)
        #expect(InvisibleCharacters.find(in: Array(accepted.utf8), file: file).isEmpty)
    }

    @Test("Une adresse web absolue : http(s), quelque chose après, ni espace ni chevron", arguments: [
        ("https://www.justice.fr/atigip", true), ("HTTP://exemple.fr", true), ("https://", false), ("ftp://exemple.fr", false),
        ("https://exemple.fr/a b", false), ("https://exemple.fr/<script>", false), ("https://exemple.fr/\u{A0}", false),
        ("https://exemple.fr/été", true), ("exemple.fr", false), ("https://exemple.fr/\"", false),
    ])
    func absoluteWebURL(_ input: (String, Bool)) {
        #expect(URLRules.isAbsoluteWebURL(input.0) == input.1)
    }

    @Test("Un caractère invisible qui inverse le sens du texte est refusé, tabulations et marques de direction acceptées")
    func directionCharacters() throws {
        let rendered = TestSupport.renderedDiagnostics(String(decoding: try Self.fixture("direction-inversee.md"), as: UTF8.self))
        #expect(rendered == """
            erreur[caractere-de-direction]: caractère invisible de direction du texte U+202E : il peut faire lire le texte dans un autre ordre que celui où il est écrit
             --> content/essai.md:2:21
              |
            2 | titre: "Un chantier \u{FFFD}d'insertion"
              |                     ^
              = aide: supprimez-le ; pour un mot en arabe ou en hébreu, le navigateur trouve seul le sens d'écriture

            """)
        let marks = Sample.replacing("Du texte.", with: "Du\ttexte \u{200F}שלום\u{200E}.")
        #expect(TestSupport.read(marks).diagnostics.isEmpty)
    }

    @Test("Une ligne très longue est montrée autour de la colonne en cause, coupée par « … »")
    func longLine() {
        let file = SourceFile(path: "content/essai.md", text: "resume: " + String(repeating: "mot ", count: 5000) + "inconnu: 1\n")
        let location = file.location(line: 1, column: 8 + 20_000 + 1, length: 7)
        let rendered = DiagnosticRenderer(sources: [file.path: file]).render(.error(.unknownField, "champ inconnu", at: location))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3].hasPrefix("1 | …"))
        #expect(lines[3].hasSuffix("inconnu: 1"))
        #expect(lines[3].unicodeScalars.count <= DiagnosticRenderer.widestLine + 6)
        let caretColumn = lines[4].firstIndex(of: "^").map { lines[4].distance(from: lines[4].startIndex, to: $0) }
        let textColumn = lines[3].range(of: "inconnu").map { lines[3].distance(from: lines[3].startIndex, to: $0.lowerBound) }
        #expect(caretColumn != nil && caretColumn == textColumn)
        #expect(lines[4].hasSuffix("^^^^^^^"))
    }

    @Test("Un fichier de plus de 1 Mo n'est pas lu : il est signalé")
    func fileTooLarge() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/enorme.md": String(repeating: "a", count: 1_500_000)], into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.diagnostics.count == 1)
        #expect(DiagnosticRenderer(sources: report.sources).render(report.diagnostics) == """
            erreur[fichier-trop-gros]: « content/enorme.md » pèse 1,4\u{00A0}Mo : une fiche ne peut dépasser 1\u{00A0}Mo
             --> content/enorme.md:1:1
              = aide: une fiche est un texte de quelques kilo-octets : vérifiez que ce n'est pas une photo ou un PDF renommé en `.md` ; une photo se place à côté de la fiche et se cite dans `images`

            """)
    }

    @Test("Un dossier de 3 000 fiches est lu en entier, et chaque problème signalé")
    func thousandsOfFiles() async throws {
        let root = TestSupport.copyOfShippedProject()
        let model = TestSupport.text(root + "/content/landes-college-angresse.md")
        var files: [String: String] = [:]
        for number in 0..<3_000 { files["content/copie-\(number).md"] = model }
        files["content/copie-2999.md"] = model.replacingOccurrences(of: "valeur: 9000", with: "valeur: beaucoup")
        TestSupport.write(files, into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.entryCount == 3_000 + TestSupport.shippedEntries)
        #expect(report.diagnostics.map(\.location?.file) == ["content/copie-2999.md"])
    }

    @Test("Liens symboliques : suivis s'ils restent dans le projet, ignorés avec un avertissement sinon")
    func symbolicLinks() async throws {
        let root = TestSupport.copyOfShippedProject()
        let outside = TestSupport.temporaryFolder()
        TestSupport.write(["secret.md": Sample.valid, "notes/fiche.md": Sample.valid], into: outside)
        TestSupport.write(["brouillons/fiche-liee.md": Sample.valid], into: root)
        #expect(symlink(outside + "/secret.md", root + "/content/secret.md") == 0)
        #expect(symlink(root + "/brouillons/fiche-liee.md", root + "/content/fiche-liee.md") == 0)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        #expect(report.contentDiagnostics.map(\.message) == [
            "« content/secret.md » est un lien symbolique vers l'extérieur du projet : il est ignoré",
        ])
        #expect(FileSystem.disk.kind(root + "/site/fiches/fiche-liee.html") == .file)
        #expect(FileSystem.disk.kind(root + "/site/fiches/secret.html") == nil)
    }

    @Test("Deux fichiers qui donneraient la même page : celui dont le nom n'est pas une adresse est refusé")
    func sameOutputPath() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/ete.md": Sample.valid, "content/Été.md": Sample.valid], into: root)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(!report.succeeded)
        #expect(report.contentDiagnostics.map(\.code) == [.invalidFileName, .duplicateValue])
        #expect(report.contentDiagnostics.first?.location?.file == "content/Été.md")
        #expect(report.contentDiagnostics.first?.help == "renommez le fichier en « ete.md » (minuscules sans accent, chiffres et tirets)")
        #expect(report.contentDiagnostics.last?.message == "« content/Été.md » et « content/ete.md » produiraient la même page « fiches/ete.html »")
    }

    @Test("Un nom de fichier avec espaces, accents ou signes interdits dans une adresse est refusé, avec le nom à prendre", arguments: [
        ("Mon achat 2025.md", "mon-achat-2025.md"), ("Collège d'Angresse.md", "college-d-angresse.md"), ("a?b#c%20d.md", "a-b-c-20d.md"),
        ("..md", nil), ("œuvre.md", "oeuvre.md"),
    ] as [(String, String?)])
    func unsafeFileNames(_ input: (String, String?)) {
        let read = TestSupport.read(Sample.valid, path: "content/" + input.0)
        #expect(read.diagnostics.map(\.code) == [.invalidFileName])
        #expect(read.diagnostics.first?.message == "le nom de fichier « \(input.0) » ne peut pas servir d'adresse de page")
        let help = input.1.map { "renommez le fichier en « \($0) » (minuscules sans accent, chiffres et tirets)" }
            ?? "renommez le fichier avec des lettres sans accent, des chiffres et des tirets"
        #expect(read.diagnostics.first?.help == help)
    }
}

/// `build` refuses to write into a folder people need, whatever it holds.
@Suite("Dossier de sortie", .serialized)
struct OutputFolderTests {
    @Test("Refusé : le projet, ses dossiers content et templates, ce qui les contient ou ce qu'ils contiennent, la racine", arguments: [
        (".", "est le dossier du projet, ou le contient"),
        ("..", "est le dossier du projet, ou le contient"),
        ("content", "est dans le dossier « content » du projet : le site s'y mêlerait à ce que vous avez écrit"),
        ("templates/site", "est dans le dossier « templates » du projet : le site s'y mêlerait à ce que vous avez écrit"),
        ("/", "est la racine du disque"),
    ])
    func refused(_ input: (String, String)) async throws {
        let root = TestSupport.copyOfShippedProject()
        let before = TestSupport.snapshot(root)
        do {
            _ = try await Pipeline().build(ProjectPaths(root: root, output: input.0))
            Issue.record("le dossier « \(input.0) » a été accepté")
        } catch {
            #expect(error.diagnostic.code == .unsafeOutputFolder)
            #expect(error.diagnostic.message == "le dossier de sortie « \(ProjectPaths(root: root, output: input.0).output) » \(input.1) : showcase n'y écrira pas le site")
            #expect(error.diagnostic.help == "choisissez un dossier réservé au site, par exemple `--output site`")
        }
        #expect(TestSupport.snapshot(root) == before)
    }

    @Test("Refusé : le dossier personnel et ce qui le contient ; accepté : un dossier à l'intérieur")
    func home() throws {
        let home = TestSupport.temporaryFolder()
        let project = home + "/vitrine"
        let guardian = OutputFolderGuard(fileSystem: .disk, home: home)
        for refused in [home, Path.parent(home), home + "/vitrine/../"] {
            #expect(throws: EnvironmentError.self) { try guardian.check(ProjectPaths(root: project, output: refused)) }
        }
        try guardian.check(ProjectPaths(root: project, output: home + "/publication/site"))
        try guardian.check(ProjectPaths(root: project))
    }

    @Test("Un lien symbolique ne permet pas de contourner la règle")
    func symbolicLink() async throws {
        let root = TestSupport.copyOfShippedProject()
        #expect(symlink(root + "/content", root + "/raccourci") == 0)
        await #expect(throws: EnvironmentError.self) { try await Pipeline().build(ProjectPaths(root: root, output: "raccourci")) }
        #expect(FileSystem.disk.kind(root + "/content/index.html") == nil)
    }

    @Test("Une permission refusée donne un message clair et laisse le site précédent intact")
    func permissionDenied() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let before = TestSupport.snapshot(root + "/site")
        TestSupport.write(["content/landes-college-angresse.md": TestSupport.text(root + "/content/landes-college-angresse.md")
            .replacingOccurrences(of: "valeur: 9000", with: "valeur: 9100")], into: root)
        var denied = FileSystem.disk
        denied.writeFile = { path, _ throws(FileSystemError) in throw FileSystemError(operation: "écrire", path: path, code: EACCES) }
        do {
            _ = try await Pipeline(fileSystem: denied).build(ProjectPaths(root: root))
            Issue.record("la construction aurait dû échouer")
        } catch {
            #expect(error.diagnostic.message.hasSuffix(" : permission refusée"))
            #expect(error.diagnostic.help == "vérifiez les droits d'écriture sur ce dossier ; le site précédent est intact")
        }
        #expect(TestSupport.snapshot(root + "/site") == before)
    }
}

/// Nothing written in a case study runs in a juror's browser: hostile text reaches every page type escaped.
@Suite("Titres hostiles", .serialized)
struct HostileTitleTests {
    static let hostile = #"Le "chantier" & l'<b>atelier</b> </script><script>alert(1)</script> {{titre}} ]]> <!-- x -->"#
    static let attribute = #"Angresse" onmouseover="alert(2)"#

    static let built = Task<String, any Error> {
        let root = TestSupport.copyOfShippedProject()
        let yaml = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let path = root + "/content/landes-college-angresse.md"
        let text = TestSupport.text(path)
            .replacingOccurrences(of: #"titre: "Le collège d'Angresse, un chantier de 17 M€ ouvert à l'insertion""#, with: "titre: " + yaml(hostile))
            .replacingOccurrences(of: #"titre_court: "Collège d'Angresse (Landes)""#, with: "titre_court: " + yaml("</title>" + hostile))
            .replacingOccurrences(of: "lieu: Angresse", with: "lieu: " + yaml(attribute))
            .replacingOccurrences(of: "  nom: Département des Landes", with: "  nom: " + yaml(hostile))
            .replacingOccurrences(of: #"    titre: "La commande publique inclusive""#, with: "    titre: " + yaml(hostile))
            .replacingOccurrences(of: "  objet: Construction du collège public d'Angresse", with: "  objet: " + yaml(hostile))
        TestSupport.write(["content/landes-college-angresse.md": text], into: root)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        return root + "/site"
    }

    static func files() async throws -> [String: String] {
        TestSupport.snapshot(try await built.value).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("Aucune page ni aucun fichier de données ne laisse passer une balise, un script ou un attribut")
    func escapedEverywhere() async throws {
        let files = try await Self.files()
        #expect(files.keys.contains("fiches/landes-college-angresse.html"))
        // The CSV holds the text as written (a spreadsheet shows it as text): it is read back below.
        for (path, text) in files where !path.hasPrefix("assets/") && !path.hasSuffix(".csv") {
            #expect(!text.contains("<script>alert(1)"), "\(path)")
            #expect(!text.contains("<b>atelier</b>"), "\(path)")
            #expect(!text.contains(#"" onmouseover="alert(2)"#), "\(path)")
            #expect(!text.contains("<!-- x -->"), "\(path)")
        }
    }

    @Test("Chaque type de page montre le titre, échappé, sans que le moteur de gabarits l'interprète", arguments: [
        "fiches/landes-college-angresse.html", "index.html", "comparer/index.html", "departements/40/index.html",
        "mecanismes/clause-sociale/index.html", "flux.atom",
    ])
    func titleShownEscaped(_ path: String) async throws {
        let text = try await Self.files()[path] ?? ""
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{titre}} ]]&gt;"), "\(path)")
    }

    @Test("Le flux Atom et le plan du site restent du XML bien formé ; les données JSON se relisent à l'identique")
    func structuredFiles() async throws {
        let files = try await Self.files()
        for path in ["flux.atom", "sitemap.xml"] {
            #expect(throws: Never.self) { try XMLDocument(data: Data((files[path] ?? "").utf8)) }
        }
        let search = try #require(try JSONSerialization.jsonObject(with: Data((files["recherche.json"] ?? "").utf8)) as? [[String: Any]])
        #expect(search.contains { $0["titre"] as? String == Self.hostile })
        let open = try #require(try JSONSerialization.jsonObject(with: Data((files["donnees/indicateurs.json"] ?? "").utf8)) as? [String: Any])
        let entries = try #require(open["fiches"] as? [[String: Any]])
        #expect(entries.contains { $0["titre"] as? String == Self.hostile && $0["lieu"] as? String == Self.attribute })
        let csv = try CSV<Named>(string: String((files["donnees/indicateurs.csv"] ?? "").dropFirst()), delimiter: .semicolon)
        #expect(csv.rows.contains { $0["titre"] == Self.hostile && $0["lieu"] == Self.attribute })
    }

    @Test("Une cellule du CSV ne devient jamais une formule dans un tableur", arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+33 1", "'+33 1"), ("@SOMME(A1)", "'@SOMME(A1)"),
        ("-moins", "'-moins"), ("-12,5", "-12,5"), ("Titre", "Titre"), ("", ""),
    ])
    func noFormula(_ input: (String, String)) {
        #expect(CSVExporter.field(input.0) == CSVExporter.field(input.1))
        #expect(CSVExporter.neutralized(input.0) == input.1)
    }

    @Test("Les données structurées JSON-LD restent un seul bloc de script, du JSON valide")
    func jsonLD() async throws {
        let page = try await Self.files()["fiches/landes-college-angresse.html"] ?? ""
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["headline"] as? String == Self.hostile)
    }

    @Test("Un caractère de direction invisible dans un titre est refusé avant d'atteindre une page")
    func directionCharacterRefused() {
        let text = Sample.replacing("titre: \"Un chantier d'insertion\"", with: "titre: \"Un chantier \u{202E}d'insertion\"")
        #expect(WholePath.run(Array(text.utf8)).diagnostics.map(\.code) == [.directionCharacter])
        #expect(WholePath.run(Array(text.utf8)).page == nil)
    }
}
