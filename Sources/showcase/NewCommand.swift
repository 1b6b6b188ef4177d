import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// `showcase new "Titre"`: a new fiche, every field explained, valid as written.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crée content/<titre>.md : une fiche à remplir, chaque champ expliqué.")

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Le titre de la fiche, entre guillemets.")
    var title: String

    func run() throws {
        do {
            let path = try ProjectCreator().newCaseStudy(title: title, in: ProjectPaths(root: options.project), today: .today())
            Terminal.standardOutput("Fiche créée : \(path)\nRemplissez-la, puis lancez `showcase check`.\n")
        } catch {
            Reporter.environmentFailure(error)
        }
    }
}
