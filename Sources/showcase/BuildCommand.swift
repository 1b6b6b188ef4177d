import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase build`: checks, then writes the site; on any error the previous site stays as it was.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Vérifie les fiches puis écrit le site (par défaut dans site/).")

    @OptionGroup var options: ProjectOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Dossier de sortie, relatif au projet.", valueName: "dossier"))
    var output: String = "site"

    @Option(help: ArgumentHelp("Adresse de publication, à la place de `base_url` de showcase.yaml (pour un déploiement d'aperçu).",
                               valueName: "adresse"))
    var baseURL: String?

    @Flag(help: "Affiche la durée de chaque étape.")
    var timings = false

    @Flag(help: "Inclut les brouillons (`brouillon: true`), marqués comme tels, pour les relire avant publication.")
    var drafts = false

    func run() async throws {
        let report: BuildReport
        do {
            report = try await Pipeline(freesMemory: false).build(ProjectPaths(root: options.project, output: output, baseURL: baseURL),
                                                                  includingDrafts: drafts)
        } catch {
            Reporter.environmentFailure(error)
        }
        Reporter.printDiagnostics(report.diagnostics, sources: report.sources)
        for notice in report.notices { Terminal.standardError("note : \(notice).\n") }
        guard report.succeeded else {
            Terminal.standardError("Le site n'a pas été écrit ; « \(report.output) » est inchangé.\n")
            throw ExitCode(Outcome.invalidContent)
        }
        let seconds = report.timings.reduce(0) { $0 + $1.seconds }
        if timings {
            for (stage, duration) in report.timings {
                Terminal.standardOutput("  \(FrenchNumber.format(duration * 1000, decimals: 0)) ms  \(stage)\n")
            }
        }
        let noun = report.entryCount == 1 ? "fiche" : "fiches"
        let rendered = report.pagesRendered == report.pagesWritten ? "toutes refaites"
            : "\(report.pagesRendered) refaite\(report.pagesRendered > 1 ? "s" : ""), les autres inchangées"
        Terminal.standardOutput(
            "\(report.entryCount) \(noun), \(report.pagesWritten) pages (\(rendered)) dans \(report.output) en \(FrenchNumber.format(seconds, decimals: 2)) s.\n")
    }
}
