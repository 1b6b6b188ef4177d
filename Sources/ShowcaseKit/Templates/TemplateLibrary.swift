import Mustache

/// The project's templates (`templates/**/*.mustache`), parsed once, and the only user of swift-mustache.
///
/// A template is named by its path under `templates/` without the extension: `fiche`, `partiels/chiffres`.
/// `{{> partiels/chiffres}}` includes one; `{{< gabarit}}{{$contenu}}…{{/contenu}}{{/gabarit}}` fills a layout.
public struct TemplateLibrary: Sendable {

    private let library: MustacheLibrary
    private let names: Set<String>

    /// Parses every template; a syntax error is reported at its line and column.
    ///
    /// - Parameter files: each template's name and text.
    public static func load(_ files: [(name: String, file: SourceFile)]) -> (TemplateLibrary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        for (name, file) in files {
            do {
                templates[name] = try MustacheTemplate(string: file.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    .templateSyntax, "gabarit illisible : \(describe(error.error))",
                    at: file.location(line: error.context.lineNumber, column: error.context.columnNumber),
                    help: "vérifiez que chaque section `{{#…}}` ou `{{^…}}` est refermée par `{{/…}}` du même nom"))
            } catch {
                diagnostics.append(.error(.templateSyntax, "gabarit illisible : \(error)", at: .startOf(file.path)))
            }
        }
        for name in SitePages.requiredTemplates where templates[name] == nil && !files.contains(where: { $0.name == name }) {
            diagnostics.append(.error(.templateMissing, "le gabarit « \(name).mustache » est introuvable", at: nil,
                                      help: "créez `templates/\(name).mustache`, ou repartez des gabarits fournis avec showcase"))
        }
        return (TemplateLibrary(library: MustacheLibrary(templates: templates), names: Set(templates.keys)), diagnostics)
    }

    /// Whether the project has a template of that name (pages without their template are not written).
    public func has(_ name: String) -> Bool { names.contains(name) }

    /// The page rendered with template `name`; templates only ever see the page models.
    public func render(_ page: PageView, template name: String) -> String {
        library.render(page, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "une section est refermée sous un autre nom que celui qui l'ouvre"
        case .unfinishedName: return "une balise `{{` n'est pas refermée par `}}`"
        case .expectedSectionEnd: return "une section n'est jamais refermée"
        case .invalidSetDelimiter: return "changement de délimiteurs invalide"
        default: return String(describing: error)
        }
    }
}
