import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase export`: the open data of every entry on standard output, as `build` writes it in site/donnees/.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Écrit sur la sortie standard les données ouvertes des fiches (CSV ou JSON).")

    @OptionGroup var options: ProjectOptions

    @Option(help: "csv (séparateur ;, virgule décimale, pour un tableur) ou json.")
    var format: Format = .csv

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    func run() async throws {
        let result: (bytes: [UInt8]?, report: CheckReport)
        do {
            result = try await Pipeline().export(ProjectPaths(root: options.project), format: format == .csv ? .csv : .json)
        } catch {
            Reporter.environmentFailure(error)
        }
        Reporter.printDiagnostics(result.report.diagnostics, sources: result.report.sources)
        guard let bytes = result.bytes else { throw ExitCode(Outcome.invalidContent) }
        Terminal.standardOutput(bytes: bytes)
    }
}
