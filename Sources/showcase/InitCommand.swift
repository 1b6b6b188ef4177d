import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase init DIR`: a new project for another buyer.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Crée un nouveau projet : configuration, catalogue, gabarits et une première fiche.")

    @Argument(help: ArgumentHelp("Le dossier du nouveau projet (vide ou à créer).", valueName: "dossier"))
    var folder: String

    @Option(name: .customLong("depot"),
            help: ArgumentHelp("Où la CI du projet prend les sources de showcase (une copie gardée par votre institution).",
                               valueName: "adresse"))
    var sourceRepository: String = ShowcaseVersion.sourceRepository

    func run() throws {
        do {
            let written = try ProjectCreator().newProject(at: folder, today: .today(), sourceRepository: sourceRepository)
            Terminal.standardOutput("Projet créé dans \(folder) (\(written.count) fichiers, dont la CI pour GitHub et GitLab).\n"
                + "Ensuite : cd \(folder) && showcase build\n")
        } catch {
            Reporter.environmentFailure(error)
        }
    }
}
