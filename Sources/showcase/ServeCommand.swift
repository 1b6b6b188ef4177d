import ArgumentParser
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite
#if PreviewServer
import ShowcaseServer
#endif

/// `showcase serve`: a live preview that rebuilds and reloads on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Aperçu du site : reconstruit à chaque enregistrement, recharge les pages, montre les erreurs dans la page.")

    @OptionGroup var options: ProjectOptions

    @Option(help: "Port d'écoute (0 : un port libre).")
    var port: Int = 8000

    @Option(help: "Adresse d'écoute ; 127.0.0.1 par défaut, pour que seule cette machine voie l'aperçu.")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("Adresse de publication, à la place de `base_url` de showcase.yaml.", valueName: "adresse"))
    var baseURL: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("le port doit être compris entre 0 et 65535") }
    }

    func run() async throws {
        #if PreviewServer
        let server = DevServer(paths: ProjectPaths(root: options.project, baseURL: baseURL), host: host, port: port)
        let host = self.host
        do {
            try await server.run(
                onReady: { port in
                    Terminal.standardOutput("Aperçu sur http://\(host):\(port)/ — Ctrl+C pour arrêter.\n")
                },
                log: { line in Terminal.standardOutput(line + "\n") })
        } catch let error as EnvironmentError {
            Reporter.environmentFailure(error)
        } catch {
            Reporter.environmentFailure(EnvironmentError(.readFailed, "l'aperçu n'a pas pu démarrer : \(error)",
                                                         help: "le port est peut-être déjà pris : essayez `--port 0`"))
        }
        #else
        // Still listed, so that help, completions and scripts are the same in every build.
        Reporter.environmentFailure(EnvironmentError(
            .previewUnavailable, "cette installation de showcase n'a pas l'aperçu (elle a été installée avec `--no-serve`)",
            help: "construisez le site avec `showcase build` et ouvrez site/index.html, ou réinstallez showcase avec `script/install`"))
        #endif
    }
}
