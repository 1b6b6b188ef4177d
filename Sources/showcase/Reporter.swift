import ShowcaseFoundation
import ShowcaseContent
import ShowcaseSite

/// Prints what the pipeline reports; the single place where the command line turns diagnostics into output.
enum Reporter {
    static func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(sources: sources, colors: Terminal.standardErrorSupportsColor)
        var text = renderer.render(diagnostics)
        if let summary = DiagnosticRenderer.summary(diagnostics) { text += "\n" + summary + ".\n" }
        Terminal.standardError(text)
    }

    /// A problem of the environment: printed like any diagnostic, then exit status 2.
    static func environmentFailure(_ error: EnvironmentError, json: Bool = false, github: Bool = false) -> Never {
        if json {
            Terminal.standardOutput(DiagnosticEncoder.json([error.diagnostic]))
        } else if github {
            Terminal.standardOutput(DiagnosticEncoder.githubAnnotations([error.diagnostic]))
        } else {
            let renderer = DiagnosticRenderer(sources: [:], colors: Terminal.standardErrorSupportsColor)
            Terminal.standardError(renderer.render(error.diagnostic))
        }
        Terminal.exit(Outcome.usageOrEnvironment)
    }

    /// Under `--strict`, warnings count as errors.
    static func escalated(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.severity = .error
        return copy
    }
}
