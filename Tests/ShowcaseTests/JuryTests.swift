import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcasePages
@testable import ShowcaseSite

/// The jurors' workflow (issue 14): criteria, evidence per criterion, results under embargo.
@Suite("Critères et preuves")
struct EvidenceTests {
    /// The sample entered in the Trophées, citing evidence for each of its four criteria.
    static let entered = Sample.replacing("chiffres:\n", with: """
        prix:
          programme: trophees-commande-publique
          edition: 2025
          statut: candidat
          preuves:
            resultats:
              chiffres: [heures_insertion, etp_insertion]
              sections: [le-chantier]
              sources: [depliant]
            reproductibilite:
              texte: Une clause sociale, à la portée de tout acheteur.
            innovation:
              sections: [le-chantier]
            pilotage:
              sources: [depliant]
        chiffres:

        """)

    @Test("Les programmes livrés : les Trophées ont leurs quatre critères, idealCO aucun")
    func shippedCriteria() {
        #expect(TestSupport.config.programme("trophees-commande-publique")?.criteria.map(\.id)
                == ["resultats", "reproductibilite", "innovation", "pilotage"])
        #expect(TestSupport.config.programme("trophees-idealco")?.criteria.isEmpty == true)
    }

    @Test("Un critère mal déclaré dans showcase.yaml est signalé")
    func badCriterion() {
        let text = TestSupport.sourceFile(atProjectPath: "showcase.yaml").text
            .replacingOccurrences(of: "      - id: innovation\n", with: "      - id: Innovation Risque\n")
            .replacingOccurrences(of: "      - id: pilotage\n", with: "      - id: resultats\n")
        let diagnostics = SiteConfigParser.parse(SourceFile(path: "showcase.yaml", text: text)).diagnostics
        #expect(diagnostics.map(\.code) == [.wrongType, .duplicateValue])
        #expect(diagnostics.first?.help == "écrivez `id: innovation-risque`")
    }

    @Test("Des preuves pour chaque critère : pas un mot ; la page les montre, chaque lien menant à son élément")
    func complete() throws {
        let read = TestSupport.read(Self.entered)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let study = try #require(read.study)
        #expect(study.award?.evidence.map(\.criterion.id) == ["resultats", "reproductibilite", "innovation", "pilotage"])
        let story = Story.render(study, file: read.file)
        #expect(story.diagnostics.isEmpty)
        #expect(story.html.contains("<h2 id=\"section-le-chantier\">Le chantier</h2>"))
        let view = EntryViewBuilder.card(study, derived: study.derived, config: TestSupport.config)
            .completed(bodyHTML: story.html, jsonLD: "", headings: story.headings)
        let results = try #require(view.evidence.first)
        #expect(results.items.map(\.label) == [
            "Heures d'insertion : 9\u{202F}000\u{00A0}heures", "Équivalents temps plein d'insertion : 5,6\u{00A0}ETP",
            "Le chantier", "[1] La commande publique inclusive",
        ])
        #expect(results.items.map(\.target) == ["chiffre-heures_insertion", "indicateur-etp_insertion", "section-le-chantier", "source-1"])
    }

    @Test("Un critère sans preuve est un avertissement qui dit la question du jury")
    func missingCriterion() {
        let read = TestSupport.read(Self.entered.replacingOccurrences(of: "    pilotage:\n      sources: [depliant]\n", with: ""))
        #expect(read.diagnostics.map(\.code) == [.criterionWithoutEvidence])
        #expect(read.diagnostics.first?.severity == .warning)
        #expect(read.diagnostics.first?.message == "le critère « Pilotage de la stratégie d'achat » de « Trophées de la commande publique » n'a pas de preuve dans cette fiche")
        #expect(read.diagnostics.first?.help?.hasSuffix("comment la stratégie d'achat est-elle pilotée ?") == true)
    }

    @Test("Une preuve qui ne mène à rien est une erreur, avec la suggestion", arguments: [
        ("chiffres: [heures_insertion, etp_insertion]", "chiffres: [heures_insertions]", "vouliez-vous dire « heures_insertion » ?"),
        ("chiffres: [heures_insertion, etp_insertion]", "chiffres: [montant_euros]", "chiffres de cette fiche : `heures_insertion`, `personnes_embauchees`, `beneficiaires_rsa`, `etp_insertion`, `part_rsa`, `heures_par_personne`"),
        ("      sources: [depliant]\n    reproductibilite", "      sources: [depliants]\n    reproductibilite", "vouliez-vous dire « depliant » ?"),
        ("    pilotage:\n", "    pilotge:\n", "vouliez-vous dire « pilotage » ?"),
    ])
    func pointsAtNothing(old: String, new: String, help: String) {
        let read = TestSupport.read(Self.entered.replacingOccurrences(of: old, with: new))
        #expect(read.diagnostics.contains { $0.severity == .error && $0.help == help }, "\(read.diagnostics)")
    }

    @Test("Une section qui n'est pas un intertitre du récit est une erreur à sa ligne, avec la suggestion")
    func unknownSection() throws {
        let read = TestSupport.read(Self.entered.replacingOccurrences(of: "sections: [le-chantier]\n      sources", with: "sections: [le-chantiers]\n      sources"))
        let story = Story.render(try #require(read.study), file: read.file)
        #expect(story.diagnostics.map(\.code) == [.evidenceNotFound])
        #expect(story.diagnostics.first?.help == "vouliez-vous dire « le-chantier » ?")
        #expect(story.diagnostics.first?.location?.line == 17)
    }

    @Test("Des preuves pour un programme sans critères sont une erreur qui le dit")
    func programmeWithoutCriteria() {
        let read = TestSupport.read(Self.entered.replacingOccurrences(of: "trophees-commande-publique", with: "trophees-idealco"))
        #expect(read.diagnostics.map(\.code) == [.unknownField])
        #expect(read.diagnostics.first?.message == "« Trophées idealCO » ne déclare pas de critères : « preuves » n'a rien à quoi se rapporter")
    }

    @Test("Deux intertitres de même texte ont chacun leur ancre")
    func uniqueAnchors() {
        let story = MarkdownRenderer().render("## Bilan\n\ntexte\n\n## Bilan\n\n### Le *détail* `x`\n",
                                              file: SourceFile(path: "x.md", text: ""), firstLine: 1)
        #expect(story.anchors == ["bilan", "bilan-2", "le-detail-x"])
        #expect(story.html.contains("<h2 id=\"section-bilan-2\">Bilan</h2>"))
        #expect(story.html.contains("<h3 id=\"section-le-detail-x\">Le <em>détail</em> <code>x</code></h3>"))
    }
}

/// Results under embargo until the ceremony (issue 14, point 5).
@Suite("Résultats sous embargo", .serialized)
struct EmbargoTests {
    static let laureate = Sample.replacing("chiffres:\n", with: """
        prix:
          programme: trophees-idealco
          edition: 2025
          statut: laureat
          date_ceremonie: 2025-12-04
        chiffres:

        """)

    static func read(today: String) -> CaseStudy? {
        var config = TestSupport.config
        config.today = PartialDate(iso: today)!
        return CaseStudyReader(parser: CaseStudyParser(catalogue: TestSupport.catalogue, config: config))
            .read(Array(laureate.utf8), path: "content/essai.md").study
    }

    @Test("Avant la cérémonie, un lauréat est montré comme candidat ; le jour même, comme lauréat")
    func status() {
        #expect(Self.read(today: "2025-12-03")?.award?.status.id == "candidat")
        #expect(Self.read(today: "2025-12-03")?.award?.embargoedUntil?.description == "2025-12-04")
        #expect(Self.read(today: "2025-12-04")?.award?.status.id == "laureat")
        #expect(Self.read(today: "2025-12-04")?.award?.embargoedUntil == nil)
    }

    @Test("Le site ne dit rien du résultat avant la cérémonie, et le dit à la construction suivante, la date passée")
    func site() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Self.laureate], into: root)
        setenv(BuildDate.variable, "2025-12-03", 1)
        defer { unsetenv(BuildDate.variable) }
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let before = TestSupport.text(root + "/site/fiches/essai.html")
        #expect(before.contains("Dossier présenté · Trophées idealCO 2025"))
        #expect(!before.contains("Lauréat"))
        #expect(!TestSupport.text(root + "/site/statuts/laureat/index.html").contains("essai.html"))
        #expect(TestSupport.text(root + "/site/donnees/indicateurs.csv").contains(";Trophées idealCO;2025;;Dossier présenté;"))
        // Nothing changed in the files; the day did. The remembered pages must not be kept.
        setenv(BuildDate.variable, "2025-12-04", 1)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        #expect(TestSupport.text(root + "/site/fiches/essai.html").contains("Lauréat · Trophées idealCO 2025"))
        #expect(TestSupport.text(root + "/site/statuts/laureat/index.html").contains("essai.html"))
        #expect(TestSupport.snapshot(root + "/site") == (try await CacheTrustTests.cleanSite(of: root)))
    }
}

/// The jury's pages (issue 14, points 3 and 4): the criteria matrix and a dossier per category.
@Suite("Grille des critères et dossiers", .serialized)
struct JuryPagesTests {
    static let matrix = "prix/trophees-commande-publique/2025/criteres/index.html"
    static let dossier = "prix/trophees-commande-publique/2025/prix-de-la-communaute-des-acheteurs/dossier/index.html"

    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("Le site livré a une grille pour le programme qui a des critères, un dossier par catégorie, et la page de l'édition y mène")
    func shipped() async throws {
        let root = TestSupport.copyOfShippedProject()
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let site = root + "/site/"
        #expect(FileSystem.disk.kind(site + Self.matrix) == .file)
        #expect(FileSystem.disk.kind(site + Self.dossier) == .file)
        #expect(FileSystem.disk.kind(site + "prix/trophees-idealco/2025/sans-categorie/dossier/index.html") == .file)
        #expect(FileSystem.disk.kind(site + "prix/trophees-idealco/2025/criteres/index.html") == nil)
        let edition = TestSupport.text(site + "prix/trophees-commande-publique/2025/index.html")
        #expect(edition.contains("href=\"../../../prix/trophees-commande-publique/2025/criteres/index.html\""))

        // Each evidence link of the matrix leads to an element of the entry's page.
        let matrix = TestSupport.text(site + Self.matrix)
        let entryPage = TestSupport.text(site + "fiches/lot-et-garonne-casiers.html")
        let links = matrix.components(separatedBy: "href=\"../../../../fiches/lot-et-garonne-casiers.html#").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
        #expect(links.count == 8)
        for anchor in links { #expect(Self.ids(entryPage).contains(anchor), "#\(anchor)") }
        #expect(matrix.contains("<th scope=\"col\" data-critere=\"pilotage\"><span class=\"critere-titre\">Pilotage de la stratégie d&#39;achat</span>"))
        #expect(matrix.contains("<script src=\"../../../../assets/notation.js\" defer></script>"))
    }

    @Test("Le dossier tient chaque fiche en entier, ses ancres rendues uniques, ses liens internes menant à elles")
    func dossier() async throws {
        let root = TestSupport.copyOfShippedProject()
        // A second laureate in the same category, so that two entries share the page.
        let second = Sample.replacing("chiffres:\n", with: """
            prix:
              programme: trophees-commande-publique
              edition: 2025
              categorie: Prix de la Communauté des acheteurs
              statut: candidat
              preuves:
                resultats: { chiffres: [heures_insertion], sections: [le-chantier], sources: [depliant] }
                reproductibilite: { sources: [depliant] }
                innovation: { sources: [depliant] }
                pilotage: { sources: [depliant] }
            chiffres:

            """)
        TestSupport.write(["content/essai.md": second], into: root)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let page = TestSupport.text(root + "/site/" + Self.dossier)
        let ids = Self.ids(page)
        #expect(Set(ids).count == ids.count, "ancres en double : \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys)")
        for anchor in page.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(ids.contains(anchor), "#\(anchor)")
        }
        #expect(page.contains("<h2 class=\"titre-fiche\" id=\"essai-titre\">Un chantier d&#39;insertion</h2>"))
        #expect(page.contains("<h2 id=\"essai-section-le-chantier\">Le chantier</h2>"))
        #expect(page.contains("id=\"lot-et-garonne-casiers-critere-innovation\""))
        #expect(!page.contains("<h1>Un chantier"))
    }

    @Test("Une retouche du récit d'une fiche refait son dossier et sa grille, comme une construction complète")
    func storyEdit() async throws {
        let root = TestSupport.copyOfShippedProject()
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        let path = root + "/content/lot-et-garonne-casiers.md"
        let text = TestSupport.text(path).replacingOccurrences(of: "## La suite\n", with: "## Et ensuite\n")
            .replacingOccurrences(of: "sections: [la-suite]", with: "sections: [et-ensuite]")
        try FileSystem.disk.writeFile(path, Array(text.utf8))
        let report = try await Pipeline().build(ProjectPaths(root: root))
        try TestSupport.requireSuccess(report)
        #expect(TestSupport.text(root + "/site/" + Self.dossier).contains("id=\"lot-et-garonne-casiers-section-et-ensuite\">Et ensuite</h2>"))
        #expect(TestSupport.text(root + "/site/" + Self.matrix).contains("#section-et-ensuite\">Et ensuite</a>"))
        #expect(TestSupport.snapshot(root + "/site") == (try await CacheTrustTests.cleanSite(of: root)))
    }
}
