import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase`: builds showcase sites of inclusive and sustainable public purchases.
///
/// Exit status: 0 valid, 1 content invalid, 2 usage or environment error.
@main
struct ShowcaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showcase",
        abstract: "Génère le site vitrine des achats publics inclusifs et durables.",
        discussion: "Codes de sortie : 0 contenu valide, 1 contenu invalide, 2 erreur d'utilisation ou d'environnement.",
        version: ShowcaseVersion.current,
        subcommands: [CheckCommand.self, BuildCommand.self, ServeCommand.self, ExportCommand.self, NewCommand.self, InitCommand.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Usage errors exit with 2 (ArgumentParser's default is 64), as CI scripts expect; they and the help
            // are said in French.
            let code = exitCode(for: error), message = fullMessage(for: error)
            if code == .validationFailure {
                Terminal.standardError(FrenchUsage.translate(message) + "\n")
                Terminal.exit(Outcome.usageOrEnvironment)
            }
            if code == .success, !message.isEmpty {
                Terminal.standardOutput(FrenchUsage.translate(message) + "\n")
                Terminal.exit(Outcome.valid)
            }
            exit(withError: error)
        }
    }
}

/// The exit statuses `showcase` promises.
enum Outcome {
    static let valid: Int32 = 0
    static let invalidContent: Int32 = 1
    static let usageOrEnvironment: Int32 = 2
}

/// Options every command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Dossier du projet (celui qui contient content/).", valueName: "dossier"))
    var project: String = "."
}
