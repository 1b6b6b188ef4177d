import Testing
import Foundation
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Construction du site", .serialized)
struct BuildTests {
    @Test("Le projet livré produit l'accueil et chaque fiche avec ses vrais chiffres")
    func shippedSite() async throws {
        let root = TestSupport.copyOfShippedProject()
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        let files = TestSupport.snapshot(root + "/site")
        #expect(report.pagesWritten == files.keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".atom") || $0.hasSuffix(".xml") || $0.hasSuffix(".txt") }.count)
        #expect(Set([
            ".showcase-site", "assets/style.css", "index.html",
            "donnees/indicateurs.csv", "donnees/indicateurs.json", "donnees/indicateurs.schema.json",
            "fiches/brest-reliure-en-detention.html", "fiches/envie-electromenager-reconditionne.html",
            "fiches/landes-college-angresse.html", "fiches/lot-et-garonne-casiers.html",
        ]).isSubset(of: files.keys))
        let angresse = TestSupport.text(root + "/site/fiches/landes-college-angresse.html")
        for expected in [
            "17\u{00A0}M€", "9\u{202F}000\u{00A0}heures", "24\u{00A0}personnes", "16\u{00A0}personnes",
            "9\u{202F}000\u{00A0}h ÷ 1\u{202F}607\u{00A0}h = 5,6\u{00A0}ETP", "66,7\u{00A0}%", "529\u{00A0}h/M€",
            "href=\"#source-1\"", "id=\"source-1\"",
        ] {
            #expect(angresse.contains(expected), "« \(expected) » manque dans la fiche d'Angresse")
        }
        let lockers = TestSupport.text(root + "/site/fiches/lot-et-garonne-casiers.html")
        #expect(lockers.contains("48\u{00A0}unités"))
        #expect(lockers.contains("Lauréat · Trophées de la commande publique 2025 · Prix de la Communauté des acheteurs"))
        #expect(lockers.contains("<time datetime=\"2025-12-17\">17 décembre 2025</time>"))
        let olympic = TestSupport.text(root + "/site/fiches/solideo-insertion-chantiers-olympiques.html")
        #expect(olympic.contains("2\u{202F}874\u{202F}641\u{00A0}heures"))
        #expect(olympic.contains("pour un objectif de 2\u{202F}475\u{202F}000\u{00A0}heures, soit 116\u{00A0}%"))
        #expect(olympic.contains("environ 4\u{00A0}Md€"))
        let greenSpaces = TestSupport.text(root + "/site/fiches/fonsorbes-espaces-verts-esat.html")
        #expect(greenSpaces.contains("63\u{202F}000\u{00A0}m²"))
        #expect(greenSpaces.contains("Espaces verts entretenus"))
        let home = TestSupport.text(root + "/site/index.html")
        #expect(home.contains("href=\"fiches/landes-college-angresse.html\""))
        #expect(files.keys.filter { $0.hasPrefix("fiches/") }.count == TestSupport.shippedEntries)
    }

    @Test("check et build lisent les fiches par la même étape : ils donnent les mêmes diagnostics")
    func checkAndBuildAgree() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Sample.replacing("valeur: 9000", with: "valeur: neuf mille")], into: root)
        let checked = try await Pipeline().check(ProjectPaths(root: root))
        let built = try await Pipeline().build(ProjectPaths(root: root))
        #expect(checked.diagnostics.hasErrors)
        #expect(checked.diagnostics.sortedForDisplay() == built.contentDiagnostics.sortedForDisplay())
    }

    @Test("La même entrée donne des fichiers identiques à l'octet près")
    func deterministic() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root, output: "premier"))
        _ = try await Pipeline().build(ProjectPaths(root: root, output: "second"))
        let first = TestSupport.snapshot(root + "/premier"), second = TestSupport.snapshot(root + "/second")
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test("Une fiche invalide n'écrit rien : le site précédent reste intact")
    func invalidContentKeepsPreviousSite() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let before = TestSupport.snapshot(root + "/site")
        // A valid fiche changed too: its page is rendered and written beside the old one before the invalid one is
        // known, and must go with the failed build.
        let edited = root + "/content/brest-reliure-en-detention.md"
        try FileSystem.disk.writeFile(edited, try FileSystem.disk.readFile(edited) + Array("\nUne phrase de plus.\n".utf8))
        TestSupport.write(["content/cassee.md": "---\ntitre: [\n---\n"], into: root)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(!report.succeeded)
        #expect(report.pagesWritten == 0)
        #expect(TestSupport.snapshot(root + "/site") == before)
        #expect(try FileSystem.disk.listDirectory(root).map(\.name).sorted() == [".showcase-cache", ".site.showcase-verrou", "content", "indicateurs.yaml", "showcase.yaml", "site", "templates"])
    }

    @Test("Une écriture qui échoue (disque plein) laisse le site précédent intact et ne laisse pas de dossier temporaire")
    func failedWriteKeepsPreviousSite() async throws {
        let root = TestSupport.copyOfShippedProject()
        _ = try await Pipeline().build(ProjectPaths(root: root))
        let before = TestSupport.snapshot(root + "/site")
        // A changed figure, so that the page really has to be written again.
        let angresse = root + "/content/landes-college-angresse.md"
        TestSupport.write(["content/landes-college-angresse.md": TestSupport.text(angresse).replacingOccurrences(of: "valeur: 9000", with: "valeur: 9100")], into: root)
        var failing = FileSystem.disk
        failing.writeFile = { path, bytes throws(FileSystemError) in
            if path.contains("landes-college-angresse.html") {
                throw FileSystemError(operation: "écrire", path: path, code: ENOSPC)
            }
            try FileSystem.disk.writeFile(path, bytes)
        }
        let error = await #expect(throws: EnvironmentError.self) { try await Pipeline(fileSystem: failing).build(ProjectPaths(root: root)) }
        #expect(error?.diagnostic.message.hasSuffix("le disque est plein") == true)
        #expect(error?.diagnostic.help == "libérez de la place sur le disque puis relancez ; le site précédent est intact")
        #expect(TestSupport.snapshot(root + "/site") == before)
        #expect(try FileSystem.disk.listDirectory(root).map(\.name).sorted() == [".showcase-cache", ".site.showcase-verrou", "content", "indicateurs.yaml", "showcase.yaml", "site", "templates"])
    }

    @Test("Un dossier de sortie qui n'a pas été créé par showcase n'est jamais remplacé")
    func foreignOutputFolder() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["documents/important.txt": "à garder"], into: root)
        do {
            _ = try await Pipeline().build(ProjectPaths(root: root, output: "documents"))
            Issue.record("le dossier a été remplacé")
        } catch {
            #expect(error.diagnostic.code == .unsafeOutputFolder)
        }
        #expect(TestSupport.text(root + "/documents/important.txt") == "à garder")
    }

    @Test("Le rendu d'une petite fiche correspond au fichier de référence relu")
    func golden() async throws {
        let root = TestSupport.temporaryFolder()
        TestSupport.copy(TestSupport.fixtures + "/site", to: root)
        for item in ["indicateurs.yaml", "showcase.yaml"] { TestSupport.copy(TestSupport.packageRoot + "/" + item, to: root + "/" + item) }
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        for page in ["index.html", "fiches/essai.html"] {
            let golden = TestSupport.fixtures + "/golden/" + page.replacingOccurrences(of: "/", with: "_")
            let actual = TestSupport.text(root + "/site/" + page)
            if ProcessInfo.processInfo.environment["SHOWCASE_RECORD"] == "1" {
                try FileSystem.disk.writeFile(golden, Array(actual.utf8))
            }
            #expect(actual == TestSupport.text(golden), "\(page) diffère de \(golden) (SHOWCASE_RECORD=1 pour réenregistrer)")
        }
    }
}

@Suite("Catalogue extensible, de bout en bout", .serialized)
struct ExtensibleCatalogueTests {
    @Test("Un indicateur ajouté au catalogue et utilisé dans une fiche paraît sur la fiche, dans les totaux et dans le CSV")
    func newIndicatorEverywhere() async throws {
        let root = TestSupport.copyOfShippedProject()
        let catalogue = TestSupport.text(root + "/indicateurs.yaml") + """

          reemploi_mesure:
            libelle: Réemploi mesuré
            unite: tco2e
            nombre: decimal
            definition: Émissions évitées par le réemploi, estimées par la source.

        """
        TestSupport.write(["indicateurs.yaml": catalogue], into: root)
        let angresse = TestSupport.text(root + "/content/landes-college-angresse.md").replacingOccurrences(
            of: "chiffres:\n", with: "chiffres:\n  reemploi_mesure:\n    valeur: 12.5\n    source: depliant-landes\n")
        TestSupport.write(["content/landes-college-angresse.md": angresse], into: root)

        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.contentDiagnostics.isEmpty)
        let page = TestSupport.text(root + "/site/fiches/landes-college-angresse.html")
        #expect(page.contains("<p class=\"chiffre-valeur\">12,5\u{00A0}tCO2e</p>"))
        #expect(page.contains("Réemploi mesuré <a class=\"appel-source\" href=\"#source-1\""))
        let home = TestSupport.text(root + "/site/index.html")
        #expect(home.contains("<p class=\"tuile-valeur\">12,5\u{00A0}tCO2e</p>\n      <p class=\"tuile-libelle\">Réemploi mesuré</p>"))
        let csv = TestSupport.text(root + "/site/donnees/indicateurs.csv")
        #expect(csv.contains(";reemploi_mesure;reemploi_mesure_qualificatif;reemploi_mesure_periode;reemploi_mesure_perimetre;reemploi_mesure_objectif;reemploi_mesure_source"))
        #expect(csv.contains(";12,5;;total;;;La commande publique inclusive, Département des Landes (dépliant)"))
    }
}
