import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseImages
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

/// The jurors' site beyond the entry pages, built from the shipped project.
@Suite("Pages du site", .serialized)
struct SitePagesTests {
    /// Built once, by the first test that asks (a task, not a blocked thread: suites run side by side on a
    /// pool as small as the machine's cores).
    static let built = Task<String, any Error> {
        let root = TestSupport.copyOfShippedProject()
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        return root + "/site"
    }

    static func page(_ path: String) async throws -> String { TestSupport.text(try await built.value + "/" + path) }

    @Test("Une carte mise de côté en octets se relit champ pour champ, pour chaque fiche livrée")
    func cardsSurviveTheirEncoding() throws {
        // The shipped entries, and the fuzzer's seed with lots, partners and qualified figures.
        let files = try FileSystem.disk.listDirectory(TestSupport.packageRoot + "/content").map { TestSupport.packageRoot + "/content/" + $0.name }
            + [TestSupport.fixtures + "/fuzz/graine-chiffres-lots-tableau.md"]
        var checked = (figures: 0, lots: 0, evidence: 0, dates: 0)
        for file in files where file.hasSuffix(".md") {
            let name = Path.lastComponent(file)
            let study = try #require(TestSupport.read(try FileSystem.disk.readFile(file), path: "content/" + name).study)
            let catalogue = TestSupport.catalogue
            let card = EntryViewBuilder.card(
                study, derived: study.derived,
                notComputed: EntryViewBuilder.notComputed(study, catalogue: catalogue, computed: study.derived), config: TestSupport.config)
            let listed = ListedEntry(card: card, cells: ComparisonBuilder.cells(study, derived: study.derived, catalogue: catalogue),
                                     filterKeys: Taxonomies.filterKeys(study).joined(separator: " "))
            let decoded = try ListedEntry(encoded: listed.encoded)
            // Every stored field, nested views included, and which views are shared (a figure and its source).
            var expected = "", actual = ""
            dump((listed.card, listed.cells, listed.filterKeys), to: &expected)
            dump((decoded.card, decoded.cells, decoded.filterKeys), to: &actual)
            #expect(actual == expected, "\(name)")
            #expect(!decoded.cells.isEmpty)
            checked.figures += card.figures.count
            checked.lots += card.contract?.lots.count ?? 0
            checked.evidence += card.evidence.count
            checked.dates += card.dates.filter { $0.source != nil }.count
        }
        // Every nested view is exercised.
        #expect(checked.figures > 0 && checked.lots > 0 && checked.evidence > 0 && checked.dates > 0, "\(checked)")
        #expect(throws: MalformedBinary.self) { try ListedEntry(encoded: [1, 2, 3]) }
        // Cells cut short are refused when the card is read, not when the compare table asks for them.
        let study = try #require(TestSupport.read(Sample.valid).study)
        let encoded = ListedEntry(card: EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config),
                                  cells: ComparisonBuilder.cells(study, derived: study.derived, catalogue: TestSupport.catalogue),
                                  filterKeys: "").encoded
        #expect((try? ListedEntry(encoded: encoded)) != nil)
        #expect(throws: MalformedBinary.self) { try ListedEntry(encoded: Array(encoded.dropLast())) }
    }

    @Test("Chaque type de page existe", arguments: [
        "index.html", "comparer/index.html", "themes/index.html", "recherche/index.html", "404.html", "flux.atom",
        "sitemap.xml", "robots.txt", "recherche.json", "assets/favicon.svg", "assets/comparer.js", "assets/recherche.js",
        "mecanismes/reserve-penitentiaire/index.html", "environnement/achat-reemploi/index.html", "departements/47/index.html", "prix/trophees-commande-publique/2025/index.html",
        "categories/trophees-commande-publique/prix-de-la-communaute-des-acheteurs/index.html", "statuts/laureat/index.html",
    ])
    func exists(_ path: String) async throws {
        #expect(FileSystem.disk.kind(try await Self.built.value + "/" + path) == .file)
    }

    /// Computed by hand from content/, figure by figure (own figures of an entry are never totalled):
    /// - amount: Angresse 17 000 000 € + Solideo « environ » 4 000 000 000 € = environ 4 017 M€ (2 entries);
    /// - insertion hours: Angresse 9 000 + Solideo 2 874 641 (a total measured against a target: it adds) = 2 883 641;
    /// - people hired: Angresse 24 + Solideo 4 005 = 4 029; RSA beneficiaries: Angresse 16;
    /// - insertion posts: Brest 8; items delivered: Lot-et-Garonne 48 lockers + Champigny 50 laptops = 98;
    /// - amount placed with SMEs and the ESS: Solideo 693 000 000 € = 693 M€.
    /// Envie, Fonsorbes and Nice publish no catalogue figure that adds up (Nice's saving is a share; Fonsorbes's
    /// surfaces and workers are its own figures).
    @Test("Les totaux de l'accueil sont ceux qu'on calcule à la main sur les fiches livrées")
    func homeTotals() async throws {
        let home = try await Self.page("index.html")
        let tiles = home.components(separatedBy: "<p class=\"tuile-valeur\">").dropFirst().map { tile in
            let value = tile.prefix { $0 != "<" }
            let label = tile.components(separatedBy: "<p class=\"tuile-libelle\">").dropFirst().first?.prefix { $0 != "<" } ?? ""
            let coverage = tile.components(separatedBy: "<p class=\"tuile-couverture\">").dropFirst().first?.prefix { $0 != "<" } ?? ""
            return "\(value) · \(label) · \(coverage)"
        }
        #expect(Array(tiles.prefix(7)) == [
            "environ 4\u{202F}017\u{00A0}M€ · Montant de l&#39;achat · 2 fiches renseignées sur 8",
            "2\u{202F}883\u{202F}641\u{00A0}heures · Heures d&#39;insertion · 2 fiches renseignées sur 8",
            "4\u{202F}029\u{00A0}personnes · Personnes mises en emploi · 2 fiches renseignées sur 8",
            "16\u{00A0}personnes · Bénéficiaires du RSA mis en emploi · 1 fiche renseignée sur 8",
            "8\u{00A0}postes · Postes en insertion · 1 fiche renseignée sur 8",
            "98\u{00A0}unités · Articles livrés · 2 fiches renseignées sur 8",
            "693\u{00A0}M€ · Montant confié à des PME ou à l&#39;ESS · 1 fiche renseignée sur 8",
        ])
        #expect(!tiles.contains { $0.contains("Espaces verts entretenus") })
    }

    @Test("Une page de thème liste ses fiches et leurs totaux")
    func taxonomyPage() async throws {
        let page = try await Self.page("departements/40/index.html")
        #expect(page.contains("<h1>Landes (40)</h1>"))
        #expect(page.contains("href=\"../../fiches/landes-college-angresse.html\""))
        #expect(!page.contains("lot-et-garonne-casiers"))
        #expect(page.contains("<p class=\"tuile-valeur\">9\u{202F}000\u{00A0}heures</p>"))
        #expect(page.contains("<p class=\"tuile-couverture\">1 fiche renseignée sur 1</p>"))
    }

    @Test("Le tableau de comparaison : en-têtes avec scope, chiffre inconnu « — » avec sa raison lisible")
    func compareTable() async throws {
        let page = try await Self.page("comparer/index.html")
        #expect(page.contains("<th scope=\"col\" class=\"nombre\" title=\"Heures de travail réalisées par des personnes en parcours d&#39;insertion grâce à l&#39;achat.\">Heures d&#39;insertion</th>"))
        #expect(page.contains("<th scope=\"row\"><a href=\"../fiches/landes-college-angresse.html\">Collège d&#39;Angresse (Landes)</a></th>"))
        #expect(page.contains("<td class=\"nombre\" data-valeur=\"9000\">9\u{202F}000\u{00A0}heures</td>"))
        #expect(page.contains("<span class=\"inconnu\" tabindex=\"0\"><span aria-hidden=\"true\">—</span><span class=\"raison\">Non publié par les sources de cette fiche.</span></span>"))
        #expect(page.contains("<span class=\"raison\">Non calculable : les sources de cette fiche ne donnent pas : heures d&#39;insertion.</span>"))
        #expect(page.contains("data-cles=\"mecanisme:reserve-penitentiaire departement:47 prix:trophees-commande-publique-2025 categorie:trophees-commande-publique-prix-de-la-communaute-des-acheteurs statut:laureat\""))
    }

    @Test("Les graphiques sont des SVG dessinés à la construction, avec titre, description et tableau de données")
    func charts() async throws {
        let page = try await Self.page("comparer/index.html")
        #expect(page.contains("<svg class=\"graphique-svg\" role=\"img\" aria-labelledby=\"graphique-mecanismes-titre graphique-mecanismes-desc\""))
        #expect(page.contains("<title id=\"graphique-mecanismes-titre\">Fiches par mécanisme juridique</title>"))
        #expect(page.contains("<caption>Données du graphique « Fiches selon le nombre de chiffres publiés »</caption>"))
        #expect(!page.contains("<script>"))
    }

    @Test("Le flux Atom est du XML bien formé, une entrée par fiche, aux adresses absolues")
    func feed() async throws {
        let document = try XMLDocument(data: Data(try await Self.page("flux.atom").utf8))
        let entries = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == TestSupport.shippedEntries)
        let ids = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='id']").compactMap(\.stringValue)
        #expect(ids.contains("https://example.org/vitrine/fiches/landes-college-angresse.html"))
        let updated = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='updated']").first?.stringValue
        #expect(updated == "2026-12-01T00:00:00Z")
    }

    @Test("Le plan du site liste chaque page une fois ; robots.txt le désigne")
    func sitemap() async throws {
        let document = try XMLDocument(data: Data(try await Self.page("sitemap.xml").utf8))
        let locations = try document.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations.count == Set(locations).count)
        #expect(locations.contains("https://example.org/vitrine/"))
        #expect(locations.contains("https://example.org/vitrine/comparer/"))
        #expect(locations.contains("https://example.org/vitrine/fiches/brest-reliure-en-detention.html"))
        #expect(try await Self.page("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/vitrine/sitemap.xml\n")
    }

    @Test("La page 404 pointe vers la racine de la vitrine quel que soit l'endroit où elle s'affiche")
    func notFound() async throws {
        #expect(try await Self.page("404.html").contains("<a href=\"/vitrine/index.html\">Revenir à l'accueil</a>"))
        #expect(SitePages.rootPath(of: "https://exemple.fr/a/b/") == "/a/b/")
        #expect(SitePages.rootPath(of: "https://exemple.fr") == "/")
        #expect(SitePages.rootPath(of: "/") == "/")
    }

    @Test("L'index de recherche a une entrée par fiche, en texte brut")
    func searchIndex() async throws {
        let records = try #require(try JSONSerialization.jsonObject(with: Data(try await Self.page("recherche.json").utf8)) as? [[String: Any]])
        #expect(records.count == TestSupport.shippedEntries)
        let angresse = try #require(records.first { ($0["chemin"] as? String) == "fiches/landes-college-angresse.html" })
        #expect((angresse["texte"] as? String)?.hasPrefix("L'opération Le Département des Landes a construit") == true)
        #expect((angresse["texte"] as? String)?.contains("<") == false)
    }

    @Test("Chaque fiche porte ses données structurées JSON-LD")
    func structuredData() async throws {
        let page = try await Self.page("fiches/lot-et-garonne-casiers.html")
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "Article")
        #expect(json["award"] as? String == "Prix de la Communauté des acheteurs, Trophées de la commande publique 2025")
        #expect((json["citation"] as? [[String: Any]])?.count == 3)
    }

    @Test("Aucune page ne charge de ressource d'un autre site")
    func noThirdParty() async throws {
        for page in ["index.html", "comparer/index.html", "fiches/landes-college-angresse.html", "recherche/index.html"] {
            let html = try await Self.page(page)
            #expect(!html.contains("src=\"http"), "\(page)")
            #expect(!html.contains("rel=\"stylesheet\" href=\"http"), "\(page)")
        }
    }
}

@Suite("Photos", .serialized)
struct ImageTests {
    /// A 1 × 1 PNG.
    static let png = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)

    static func project(images: String, writeImage: Bool = true) -> String {
        let root = TestSupport.copyOfShippedProject()
        let text = TestSupport.text(root + "/content/landes-college-angresse.md")
            .replacingOccurrences(of: "porteur:\n", with: images + "porteur:\n")
        TestSupport.write(["content/landes-college-angresse.md": text], into: root)
        if writeImage { try! FileSystem.disk.writeFile(root + "/content/chantier.png", png) }
        return root
    }

    /// Each case: the `images:` block, the diagnostic code, and its line counted from the `images:` line.
    @Test("Une photo introuvable, illisible ou sans texte alternatif est refusée par check", arguments: [
        ("images:\n  - fichier: absente.png\n    alt: Une photo\n", "image-introuvable", 1),
        ("images:\n  - fichier: chantier.png\n", "champ-manquant", 1),
        ("images:\n  - fichier: chantier.png\n    alt: \"\"\n", "valeur-vide", 2),
        ("images:\n  - fichier: ../../etc/passwd.png\n    alt: x\n", "image-invalide", 1),
        ("images:\n  - fichier: https://exemple.fr/a.png\n    alt: x\n", "image-invalide", 1),
        ("images:\n  - fichier: page.md\n    alt: x\n", "image-invalide", 1),
    ])
    func rejected(_ input: (String, String, Int)) async throws {
        let root = Self.project(images: input.0)
        let text = TestSupport.text(root + "/content/landes-college-angresse.md")
        let imagesLine = text.components(separatedBy: "\n").firstIndex(of: "images:")! + 1
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.diagnostics.map(\.code.rawValue) == [input.1])
        #expect(report.diagnostics.first?.location?.file == "content/landes-college-angresse.md")
        #expect(report.diagnostics.first?.location?.line == imagesLine + input.2)
    }

    @Test("Une image écrite dans le texte est refusée : les photos se déclarent dans l'en-tête")
    func inBody() async throws {
        let root = TestSupport.copyOfShippedProject()
        let path = root + "/content/landes-college-angresse.md"
        TestSupport.write(["content/landes-college-angresse.md": TestSupport.text(path) + "\n![Chantier](chantier.png)\n"], into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.diagnostics.map(\.code) == [.imageInBody])
        let build = try await Pipeline().build(ProjectPaths(root: root))
        #expect(!build.succeeded)
        #expect(FileSystem.disk.kind(root + "/site") == nil)
    }

    @Test("Tailles lues par libvips dans l'en-tête ; ce qui n'est pas une image est refusé")
    func probe() async throws {
        let png = try Photos.facts(Self.png).get()
        #expect((png.width, png.height, png.pages) == (1, 1, 1))
        #expect(throws: PhotoError.self) { try Photos.facts(Array("pas une image".utf8)).get() }
    }
}
