import ShowcaseFoundation

/// The project's templates (`templates/**/*.mustache`), parsed once.
///
/// A template is named by its path under `templates/` without the extension: `fiche`, `partiels/chiffres`.
/// `{{> partiels/chiffres}}` includes one; `{{< gabarit}}{{$contenu}}…{{/contenu}}{{/gabarit}}` fills a layout.
/// The syntax is Mustache's; the engine is `TemplateRenderer`.
package struct TemplateLibrary: Sendable {
    private let program: TemplateProgram

    /// Parses every template; a syntax error is reported at its line and column.
    ///
    /// - Parameters:
    ///   - files: each template's name and text.
    ///   - required: the names of the templates the site cannot do without.
    package static func load(_ files: [(name: String, file: SourceFile)], required: [String]) -> (TemplateLibrary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: [TemplateNode]] = [:]
        for (name, file) in files {
            do throws(TemplateSyntaxError) {
                templates[name] = try TemplateParser.parse(file.text)
            } catch {
                diagnostics.append(.error(
                    .templateSyntax, "gabarit illisible : \(error.message)",
                    at: file.location(line: error.line, column: error.column, length: 2),
                    help: "vérifiez que chaque section `{{#…}}` ou `{{^…}}` est refermée par `{{/…}}` du même nom"))
            }
        }
        for name in required where templates[name] == nil && !files.contains(where: { $0.name == name }) {
            diagnostics.append(.error(.templateMissing, "le gabarit « \(name).mustache » est introuvable", at: nil,
                                      help: "créez `templates/\(name).mustache`, ou repartez des gabarits fournis avec showcase"))
        }
        return (TemplateLibrary(program: TemplateProgram(templates)), diagnostics)
    }

    /// Whether the project has a template of that name (pages without their template are not written).
    package func has(_ name: String) -> Bool { program.indexByName[name] != nil }

    /// The page rendered with template `name`, as UTF-8 bytes; templates only ever see the page models.
    package func render(_ page: any TemplateObject, template name: String) -> [UInt8] {
        TemplateRenderer(program: program).render(name, page)
    }
}
