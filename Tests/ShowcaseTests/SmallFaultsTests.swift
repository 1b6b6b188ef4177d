#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseSite
@testable import ShowcasePages

/// What real projects met and showcase passed over in silence, or said in English.
@Suite("Noms de fichiers, étiquettes YAML et messages", .serialized)
struct SmallFaultsTests {
    @Test("Un nom de fiche trop long pour une adresse est refusé par check, avec la longueur permise")
    func longName() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/\(String(repeating: "a", count: 240)).md": Sample.valid], into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        let diagnostic = try #require(report.diagnostics.first { $0.code == .invalidFileName })
        #expect(diagnostic.message.hasSuffix("240 caractères, 200 au plus"))
        // A name at the limit builds: the site's files add `.html`, and nothing else, to it.
        try FileSystem.disk.removeTree(root + "/content/\(String(repeating: "a", count: 240)).md")
        TestSupport.write(["content/\(String(repeating: "b", count: Slug.maximumLength)).md": Sample.valid], into: root)
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
    }

    @Test("Un nom de fichier qui n'est pas en UTF-8 a son diagnostic au lieu de « introuvable »")
    func nameNotUTF8() async throws {
        let root = TestSupport.copyOfShippedProject()
        // « café.md » written in Latin-1, as an old Windows disk gives it.
        let path = Array((root + "/content/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.diagnostics.contains { $0.code == .invalidFileName && $0.message.contains("n'est pas écrit en UTF-8") },
                "\(report.diagnostics)")
    }

    @Test("Une fiche en .MD ou .markdown est signalée au lieu d'être ignorée en silence", arguments: ["essai.MD", "essai.markdown"])
    func caseStudyExtension(name: String) async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/\(name)": Sample.valid], into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        let warning = try #require(report.diagnostics.first { $0.code == .fileIgnored })
        #expect(warning.severity == .warning)
        #expect(warning.help == "renommez-le en « essai.md »")
    }

    @Test("Une étiquette YAML est refusée avec sa place, au lieu d'être ignorée", arguments: ["!!int 9000", "!perso 9000", "!!str [1]"])
    func yamlTag(value: String) throws {
        let read = TestSupport.read(Sample.replacing("valeur: 9000", with: "valeur: \(value)"))
        let diagnostic = try #require(read.diagnostics.first { $0.code == .yamlSyntax }, "\(read.diagnostics)")
        let tag = String(value.split(separator: " ")[0])
        #expect(diagnostic.message == "l'étiquette YAML « \(tag) » n'est pas prise en charge : showcase lit chaque valeur d'après le schéma")
        #expect(diagnostic.location?.line == 12)
    }

    @Test("Les raisons du système sont en français, avec l'élision")
    func systemReasonsInFrench() {
        #expect(FrenchErrno.impossible("écrire") == "impossible d'écrire")
        #expect(FrenchErrno.impossible("lire") == "impossible de lire")
        for code in [EEXIST, ENOTEMPTY, EXDEV, EIO, EBUSY, ELOOP, EINVAL, ENOSPC, 9999] {
            #expect(FrenchErrno.describe(code) != String(cString: strerror(code)), "errno \(code)")
        }
    }

    @Test("Les erreurs d'utilisation et l'aide de la ligne de commande sont en français")
    func usageInFrench() throws {
        let folder = TestSupport.temporaryFolder()
        let unknown = try CommandLineTests.run(["build", "--inconnu"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.hasPrefix("erreur : option inconnue « --inconnu »\nutilisation : showcase build"))
        let value = try CommandLineTests.run(["check", "--format", "xml"], in: folder)
        #expect(value.status == 2)
        #expect(value.standardError.hasPrefix("erreur : la valeur « xml » n'est pas permise pour « --format <format> ». choisissez parmi « text », « json », « github » ou « gitlab »."))
        let help = try CommandLineTests.run(["--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("UTILISATION :"))
        #expect(help.standardOutput.contains("Affiche cette aide."))
        #expect(!help.standardOutput.contains("Show help information"))
    }
}

/// Case studies filed in sub-folders of `content/` (by year, by theme) are read like the others.
@Suite("Fiches rangées dans des sous-dossiers", .serialized)
struct SubFolderTests {
    @Test("Une fiche dans content/2024/ est lue, sa page garde le nom du fichier, sa photo est à côté d'elle")
    func readAndPublished() async throws {
        let root = TestSupport.copyOfShippedProject()
        let photo = ImageTests.png
        try FileSystem.disk.createDirectories(root + "/content/2024")
        try FileSystem.disk.writeFile(root + "/content/2024/chantier.png", photo)
        let withPhoto = Sample.replacing("mecanismes:\n", with: "images:\n  - fichier: chantier.png\n    alt: Le chantier du collège\nmecanismes:\n")
        TestSupport.write(["content/2024/rangee.md": withPhoto], into: root)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.entryCount == TestSupport.shippedEntries + 1)
        let page = TestSupport.text(root + "/site/fiches/rangee.html")
        #expect(page.contains("Un chantier d&#39;insertion") || page.contains("Un chantier d'insertion"))
        #expect(TestSupport.snapshot(root + "/site").keys.contains { $0.hasPrefix("images/chantier-") })
    }

    @Test("Deux fiches de même nom dans deux dossiers sont une erreur qui nomme les deux")
    func sameNameTwice() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/2024/essai.md": Sample.valid, "content/essai.md": Sample.valid], into: root)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        let duplicate = try #require(report.diagnostics.first { $0.code == .duplicateValue })
        #expect(duplicate.message.contains("content/2024/essai.md") && duplicate.message.contains("content/essai.md"))
    }
}

/// A programme's categories may be a closed list (then another one is an error) or an open one (each edition
/// may add some: another one is accepted, with a warning when it looks like a typing slip).
@Suite("Catégories des programmes de prix")
struct AwardCategoryTests {
    static func entry(category: String) -> String {
        Sample.replacing("chiffres:\n", with: """
            prix:
              programme: trophees-commande-publique
              edition: 2025
              categorie: \(category)
              statut: laureat
            chiffres:

            """)
    }

    static func read(_ text: String, closed: Bool) -> ReadCaseStudy {
        let configuration = TestSupport.sourceFile(atProjectPath: "showcase.yaml").text
            .replacingOccurrences(of: "    nom: Trophées de la commande publique\n",
                                  with: "    nom: Trophées de la commande publique\n" + (closed ? "    categories_fermees: true\n" : ""))
        let config = SiteConfigParser.parse(SourceFile(path: "showcase.yaml", text: configuration))
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics)")
        let parser = CaseStudyParser(catalogue: TestSupport.catalogue, config: config.config)
        return CaseStudyReader(parser: parser).read(Array(text.utf8), path: "content/essai.md")
    }

    @Test("Liste fermée : une catégorie proche d'une connue est une erreur qui le dit, avec la suggestion")
    func closedList() throws {
        let read = Self.read(Self.entry(category: "Clause sociale"), closed: true)
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "« Clause sociale » n'est pas une catégorie de « Trophées de la commande publique », dont la liste est fermée dans showcase.yaml")
        #expect(diagnostic.help == "vouliez-vous dire « Clauses sociales » ?")
    }

    @Test("Liste ouverte : une catégorie proche d'une connue est acceptée, avec un avertissement et la suggestion")
    func openListClose() throws {
        let read = Self.read(Self.entry(category: "Clause sociale"), closed: false)
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.hasSuffix("(la liste est ouverte : elle est acceptée)"))
        #expect(read.study?.award?.category == "Clause sociale")
    }

    @Test("Liste ouverte : une catégorie nouvelle, loin des connues, passe sans un mot ; une connue garde son orthographe")
    func openListNew() {
        // The entry cites no evidence for the programme's criteria: those warnings are another test's.
        let new = Self.read(Self.entry(category: "Économie circulaire"), closed: false)
        #expect(new.diagnostics.filter { $0.code != .criterionWithoutEvidence }.isEmpty, "\(new.diagnostics)")
        #expect(new.study?.award?.category == "Économie circulaire")
        let known = Self.read(Self.entry(category: "clauses sociales"), closed: true)
        #expect(known.diagnostics.filter { $0.code != .criterionWithoutEvidence }.isEmpty)
        #expect(known.study?.award?.category == "Clauses sociales")
    }
}

/// Drafts and publication: what `build` publishes is what is ready.
@Suite("Brouillons et publication", .serialized)
struct DraftTests {
    static let draft = Sample.replacing("---\ntitre:", with: "---\nbrouillon: true\ntitre:")

    @Test("Un brouillon n'est pas publié par build ; build --drafts le montre, marqué ; la construction suivante le retire")
    func draftLeftOut() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Self.draft], into: root)
        let report = try await Pipeline().build(ProjectPaths(root: root))
        #expect(report.succeeded)
        #expect(report.entryCount == TestSupport.shippedEntries)
        #expect(report.notices == ["1 brouillon n'est pas publié (`brouillon: true`) ; `showcase build --drafts` les montre, marqués, pour les relire"])
        #expect(FileSystem.disk.kind(root + "/site/fiches/essai.html") == nil)
        #expect(!TestSupport.text(root + "/site/index.html").contains("essai.html"))
        let review = try await Pipeline().build(ProjectPaths(root: root), includingDrafts: true)
        #expect(review.entryCount == TestSupport.shippedEntries + 1)
        #expect(TestSupport.text(root + "/site/fiches/essai.html").contains("<strong>Brouillon</strong>"))
        #expect(TestSupport.text(root + "/site/index.html").contains("<strong>Brouillon</strong>, non publié"))
        // Remembered by the build that showed it, the draft is still not published by the next one.
        try TestSupport.requireSuccess(await Pipeline().build(ProjectPaths(root: root)))
        #expect(FileSystem.disk.kind(root + "/site/fiches/essai.html") == nil)
        #expect(TestSupport.snapshot(root + "/site") == (try await CacheTrustTests.cleanSite(of: root)))
    }

    @Test("Un « À compléter » bloque la publication d'une fiche, pas d'un brouillon")
    func placeholders() throws {
        let text = Sample.replacing("Du texte.", with: "Du texte. À compléter.")
        let ready = TestSupport.read(text)
        let blocking = try #require(ready.diagnostics.first { $0.code == .placeholderLeft })
        #expect(blocking.severity == .error)
        #expect(blocking.help?.contains("`brouillon: true`") == true)
        let draft = TestSupport.read(text.replacingOccurrences(of: "---\ntitre:", with: "---\nbrouillon: true\ntitre:"))
        #expect(draft.diagnostics.map(\.severity) == [.warning])
    }

    @Test("L'aperçu montre les brouillons, marqués")
    func previewShowsDrafts() async throws {
        let root = TestSupport.copyOfShippedProject()
        TestSupport.write(["content/essai.md": Self.draft], into: root)
        let builder = PreviewBuilder(paths: ProjectPaths(root: root))
        let outcome = await builder.rebuild()
        #expect(outcome.succeeded)
        let page = try #require(await builder.files["fiches/essai.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("<strong>Brouillon</strong>"))
    }

    @Test("Une adresse de publication encore sur example.org est un avertissement de build, à sa ligne")
    func exampleAddress() async throws {
        let root = TestSupport.copyOfShippedProject()
        let report = try await Pipeline().build(ProjectPaths(root: root))
        let warning = try #require(report.diagnostics.first { $0.code == .exampleAddress })
        #expect(warning.severity == .warning)
        #expect(warning.location?.file == "showcase.yaml")
        let line = try #require(warning.location?.line)
        #expect(TestSupport.text(root + "/showcase.yaml").split(separator: "\n", omittingEmptySubsequences: false)[line - 1].hasPrefix("base_url:"))
        TestSupport.write(["showcase.yaml": TestSupport.text(root + "/showcase.yaml")
            .replacingOccurrences(of: "https://example.org/", with: "https://www.landes.fr/")], into: root)
        #expect(!(try await Pipeline().build(ProjectPaths(root: root))).diagnostics.contains { $0.code == .exampleAddress })
        #expect(!(try await Pipeline().check(ProjectPaths(root: root))).diagnostics.contains { $0.code == .exampleAddress })
    }
}

/// The legal vocabulary real purchases need (issue 12, point 4).
@Suite("Vocabulaire juridique")
struct LegalVocabularyTests {
    @Test("Le marché d'insertion et de qualification (R. 2123-1, 3°) est un mécanisme, sans réservation")
    func insertionContract() throws {
        let read = TestSupport.read(Sample.replacing("  - clause-sociale", with: "  - marche-insertion"))
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let mechanism = try #require(LegalMechanisms.mechanism("marche-insertion"))
        #expect(mechanism.article == "R. 2123-1, 3°")
        #expect(!mechanism.isReservation)
    }

    @Test("L'achat issu du réemploi (loi AGEC) est une considération environnementale, un thème, hors colonne DECP")
    func reuse() throws {
        let study = try #require(TestSupport.read(Sample.replacing("chiffres:", with: "considerations_environnementales: [achat-reemploi, clause-environnementale]\nchiffres:")).study)
        #expect(OpenDataEntry(study: study, derived: study.derived).environmentalConsiderations == ["Clause environnementale"])
        let summary = EntrySummary(study: study, derived: study.derived)
        let theme = try #require(Taxonomies.build([summary], config: TestSupport.config).first { $0.id == "environnement" })
        #expect(theme.terms.map(\.path) == ["environnement/clause-environnementale/", "environnement/achat-reemploi/"])
        #expect(theme.terms.last?.label == "Achat issu du réemploi, de la réutilisation ou du recyclage (loi AGEC, art. 58)")
    }
}

/// Partners as real purchases have them (issue 12, point 4).
@Suite("Partenaires")
struct PartnerTests {
    static func partner(_ lines: String) -> ReadCaseStudy {
        TestSupport.read(Sample.replacing("mecanismes:\n", with: "partenaires:\n  - nom: Régie des quartiers\n" + lines + "mecanismes:\n"))
    }

    @Test("Le type « autre » porte son libellé, que la page montre ; sans libellé, l'erreur donne la ligne à écrire")
    func otherKind() throws {
        let read = Self.partner("    type: autre\n    libelle_type: Régie de quartier\n")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.study?.partners.first?.kindLabel == "Régie de quartier")
        let missing = Self.partner("    type: autre\n")
        #expect(missing.diagnostics.first?.help == "ajoutez une ligne `libelle_type: Régie de quartier`")
        let useless = Self.partner("    type: ACI\n    libelle_type: Chantier\n")
        #expect(useless.diagnostics.first?.message == "« libelle_type » ne sert qu'au type `autre`")
    }

    @Test("Plusieurs SIRET, un SIREN ; un SIRET écrit à la place d'un SIREN a son diagnostic")
    func identifiers() throws {
        let read = Self.partner("    type: ACI\n    siret: [\"73282932000074\", \"35600000000048\"]\n    siren: \"732 829 320\"\n")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.study?.partners.first?.sirets == ["73282932000074", "35600000000048"])
        #expect(read.study?.partners.first?.siren == "732829320")
        let swapped = Self.partner("    type: ACI\n    siren: \"73282932000074\"\n")
        #expect(swapped.diagnostics.first?.help == "gardez ses 9 premiers chiffres : `siren: 732829320`")
    }
}

@Suite("Dossiers en boucle")
struct FolderLoopTests {
    @Test("Un sous-dossier de content/ lié à un dossier parent ne fait pas tourner la lecture sans fin")
    func linkToParent() async throws {
        let root = TestSupport.copyOfShippedProject()
        #expect(symlink("..", root + "/content/boucle") == 0)
        #expect(symlink(root + "/content", root + "/content/encore") == 0)
        let report = try await Pipeline().check(ProjectPaths(root: root))
        #expect(report.entryCount == TestSupport.shippedEntries)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
    }
}
