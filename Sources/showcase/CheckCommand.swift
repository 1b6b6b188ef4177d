import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase check`: validates every case study, writes nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie les fiches, le catalogue et les gabarits sans rien écrire.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, gitlab
    }

    @OptionGroup var options: ProjectOptions

    @Option(help: "Format des diagnostics : text (pour les personnes), json (pour la CI), github (annotations GitHub Actions) ou gitlab (rapport Code Quality de GitLab).")
    var format: Format = .text

    @Flag(help: "Traite les avertissements comme des erreurs.")
    var strict = false

    @Option(name: .customLong("decp"), help: ArgumentHelp(
        "Compare les fiches qui nomment leur marché (`decp:`) à un fichier des données essentielles (DECP v2, JSON).",
        valueName: "fichier"))
    var decpFile: String?

    func run() async throws {
        let report: CheckReport
        do {
            report = try await Pipeline(freesMemory: false).check(ProjectPaths(root: options.project), decp: decpFile)
        } catch {
            Reporter.environmentFailure(error, json: format == .json || format == .gitlab, github: format == .github)
        }
        let diagnostics = strict ? report.diagnostics.map(Reporter.escalated) : report.diagnostics
        switch format {
        case .json:
            Terminal.standardOutput(DiagnosticEncoder.json(diagnostics))
        case .github:
            Terminal.standardOutput(DiagnosticEncoder.githubAnnotations(diagnostics))
        case .gitlab:
            Terminal.standardOutput(DiagnosticEncoder.gitlabCodeQuality(diagnostics))
        case .text:
            Reporter.printDiagnostics(diagnostics, sources: report.sources)
            if !diagnostics.hasErrors {
                let noun = report.entryCount == 1 ? "fiche valide" : "fiches valides"
                Terminal.standardError("\(report.entryCount) \(noun).\n")
            }
        }
        if diagnostics.hasErrors { throw ExitCode(Outcome.invalidContent) }
    }
}
