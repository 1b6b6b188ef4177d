import Foundation
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Files `showcase new` and `showcase init` write, from the resources bundled with showcase.
package enum Scaffold {
    /// The text every placeholder of a new fiche starts with; `check` warns while one is left.
    package static let placeholder = PlaceholderCheck.placeholder

    /// A new case study with every field present and explained in French, valid as written.
    package static func newCaseStudy(
        title: String, date: PartialDate, catalogue: IndicatorCatalogue, config: SiteConfig
    ) throws(EnvironmentError) -> String {
        let text = try resourceText("Scaffold/fiche.md")
        let list = { (vocabulary: Vocabulary) in vocabulary.terms.map(\.id).joined(separator: ", ") }
        let figures = catalogue.reported.map { indicator in
            "#   \(indicator.id) : \(indicator.label) (\(indicator.unit.plural.isEmpty ? "nombre" : indicator.unit.plural)). \(indicator.definition)"
        }
        let values: [String: String] = [
            "titre": title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""),
            "date": date.description,
            "types_acheteur": list(Vocabularies.buyerKinds),
            "types_partenaire": list(Vocabularies.partnerKinds),
            "roles": list(Vocabularies.partnerRoles),
            "mecanismes": LegalMechanisms.all.map { "\($0.id) (art. \($0.article))" }.joined(separator: ", "),
            "considerations": list(Vocabularies.environmentalConsiderations),
            "natures": list(Vocabularies.contractNatures),
            "procedures": list(Vocabularies.procedures),
            "techniques": list(Vocabularies.techniques),
            "executions": list(Vocabularies.executionModes),
            "dates": list(Vocabularies.dateKinds),
            "programmes": config.programmes.isEmpty ? "aucun n'est déclaré dans showcase.yaml" : config.programmes.map(\.id).joined(separator: ", "),
            "statuts": list(Vocabularies.awardStatuses),
            "chiffres": figures.joined(separator: "\n"),
            "unites": catalogue.units.map(\.id).joined(separator: ", "),
            "constantes": catalogue.constants.filter(\.isOverridable).map { constant in
                "\(constant.id) (\(constant.label.lowercasedFirstLetter), \(FrenchNumber.format(constant.value, decimals: nil)) par défaut)"
            }.joined(separator: ", "),
        ]
        var result = text
        for (name, value) in values { result = result.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return result
    }

    /// The files of a new project (configuration, catalogue, templates), by path relative to the project.
    package static func skeletonFiles() throws(EnvironmentError) -> [(path: String, bytes: [UInt8])] {
        let root = try resourceFolder().appendingPathComponent("Skeleton")
        var files: [(path: String, bytes: [UInt8])] = []
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw missingResources()
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files.append((relative, Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Where the CI files install showcase, inside the project (a CI cache keeps only what is in the project).
    package static let installedToolFolder = ".showcase-outil"

    /// The CI files of a new project: GitHub Actions and GitLab CI, each checking every change with its own
    /// annotation format, building, and publishing the main branch to its Pages.
    package static func hostingFiles(sourceRepository: String) throws(EnvironmentError) -> [(path: String, bytes: [UInt8])] {
        let files = [(".github/workflows/showcase.yml", "Hosting/github-actions.yml"), (".gitlab-ci.yml", "Hosting/gitlab-ci.yml")]
        var written: [(path: String, bytes: [UInt8])] = []
        for (path, resource) in files {
            let text = try resourceText(resource)
                .replacingOccurrences(of: "{{depot}}", with: sourceRepository)
                .replacingOccurrences(of: "{{version}}", with: ShowcaseVersion.current)
            written.append((path, Array(text.utf8)))
        }
        return written
    }

    private static func resourceFolder() throws(EnvironmentError) -> URL {
        guard let url = Bundle.module.resourceURL else { throw missingResources() }
        return url
    }

    private static func resourceText(_ path: String) throws(EnvironmentError) -> String {
        let url = try resourceFolder().appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw missingResources() }
        return String(decoding: data, as: UTF8.self)
    }

    private static func missingResources() -> EnvironmentError {
        EnvironmentError(.folderNotFound, "les fichiers modèles de showcase sont introuvables",
                         help: "réinstallez showcase : le dossier de ressources doit rester à côté de l'exécutable")
    }
}
