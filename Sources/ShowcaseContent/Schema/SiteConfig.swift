import ShowcaseFoundation

/// An award programme case studies can be entered in, as the site configuration declares it.
package struct AwardProgramme: Sendable {
    package let id: String
    package let name: String
    package let organiser: String?
    package let url: String?
    /// Categories of the programme; empty when the configuration does not list them (any category is accepted).
    package let categories: [String]
    /// Whether `categories` lists every category there is (`categories_fermees: true`): then another one is an
    /// error. Open by default, since each edition may add categories: another one is accepted, with a warning
    /// when it is close to a listed one.
    package let categoriesClosed: Bool
    /// What the jury weighs (`criteres:`), in the programme's order; empty when the configuration gives none.
    package let criteria: [AwardCriterion]
    /// The public page the criteria are taken from, when given (`criteres_source:`).
    package let criteriaSource: String?
}

/// One criterion of an award programme: what a juror asks of every entry.
package struct AwardCriterion: Sendable, Equatable {
    package let id: String
    package let title: String
    /// The question the jury asks, in one line.
    package let question: String
}

/// The site configuration, read from `showcase.yaml` at the project root.
package struct SiteConfig: Sendable {
    package var title: String
    package var description: String
    /// Where the site is published (`https://exemple.fr/vitrine/`); internal links stay relative, so that the
    /// site also works when served from any sub-path or opened from disk.
    package var baseURL: String
    /// Where `base_url` is written, to point at it.
    package var baseURLLocation: SourceLocation?
    package var programmes: [AwardProgramme]
    /// The picture shared with pages that have no photo of their own (`image_partage`, a file of
    /// `templates/assets/`, and `image_partage_alt`).
    package var shareImage: (path: String, alt: String)?
    /// The day the site is built for, not written in the file: results under embargo stay hidden before their
    /// ceremony (`BuildDate`).
    package var today: PartialDate = BuildDate.today()

    package func programme(_ id: String) -> AwardProgramme? { programmes.first { $0.id == id } }

    /// A warning when the site would be published with the address of the example (`init` writes one): the
    /// feed, the sitemap and the open data would point there.
    package var exampleAddressWarning: Diagnostic? {
        let host = baseURL.split(separator: "/").dropFirst().first.map { $0.lowercased() } ?? ""
        guard ["example.org", "example.com", "example.net", "www.example.org", "www.example.com"].contains(host) else { return nil }
        return .warning(
            .exampleAddress, "« base_url » est encore l'adresse d'exemple « \(baseURL) » : le flux Atom, le plan du site et les données ouvertes y renverront",
            at: baseURLLocation,
            help: "remplacez-la par l'adresse où le site sera publié, par exemple `base_url: https://www.mon-departement.fr/vitrine/`")
    }

    /// `base_url` replaced by the one given on the command line (`--base-url`); the problem when it is not an
    /// address.
    package mutating func override(baseURL given: String) -> Diagnostic? {
        guard URLRules.isAbsoluteWebURL(given) || given.hasPrefix("/") else {
            return .error(.invalidURL, "« \(given) », donné par `--base-url`, n'est pas une adresse http(s) ni un chemin commençant par /",
                          at: nil, help: "par exemple `--base-url https://apercu.exemple.fr/vitrine/`")
        }
        baseURL = given.hasSuffix("/") ? given : given + "/"
        baseURLLocation = nil
        return nil
    }

    /// Used when a project has no `showcase.yaml`.
    package static let fallback = SiteConfig(
        title: "Vitrine des achats inclusifs et durables", description: "", baseURL: "/", programmes: [])
}

/// Reads `showcase.yaml`.
package enum SiteConfigParser {
    static let fields = ["titre", "description", "base_url", "programmes", "image_partage", "image_partage_alt"]
    static let programmeFields = ["nom", "organisateur", "url", "categories", "categories_fermees", "criteres", "criteres_source"]
    static let criterionFields = ["id", "titre", "question"]

    package static func parse(_ file: SourceFile) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        var config = SiteConfig.fallback
        let root: YAMLNode
        switch YAMLReader.read(file.text, in: file) {
        case .failure(let diagnostic):
            reader.report(diagnostic)
            return (config, reader.diagnostics)
        case .success(nil):
            return (config, reader.diagnostics)
        case .success(let node?):
            root = node
        }
        guard let top = reader.fields(of: root, allowed: fields, context: "") else { return (config, reader.diagnostics) }
        if let title = reader.text(top, "titre", required: true) { config.title = title.value }
        if let description = reader.text(top, "description", required: false) { config.description = description.value }
        if let base = reader.text(top, "base_url", required: false) {
            if URLRules.isAbsoluteWebURL(base.value) || base.value.hasPrefix("/") {
                config.baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
                config.baseURLLocation = base.location
            } else {
                reader.report(.error(.invalidURL, "« base_url » doit être une adresse http(s) ou un chemin commençant par /",
                                     at: base.location, help: "par exemple `base_url: https://www.exemple.fr/vitrine/`"))
            }
        }
        if let image = reader.text(top, "image_partage", required: false) {
            let alt = reader.text(top, "image_partage_alt", required: true, example: "image_partage_alt: Le logo du département")
            if image.value.hasPrefix("assets/"), Path.isConfinedRelative(image.value) {
                config.shareImage = alt.map { (image.value, $0.value) }
            } else {
                reader.report(.error(.invalidImage, "« \(image.value) » doit être une image de templates/assets/, écrite `assets/nom.png`",
                                     at: image.location, help: "placez l'image dans templates/assets/ et écrivez `image_partage: assets/partage.png`"))
            }
        }
        if let node = reader.value(top, "programmes", required: false) {
            if node.shape == .mapping {
                config.programmes = node.pairs.compactMap { programme($0.key, $0.value, reader: &reader) }
            } else {
                reader.report(.error(.wrongType, "« programmes » doit être un groupe de programmes nommés", at: node.location,
                                     help: "écrivez `identifiant-du-programme:` puis `nom:` indenté en dessous"))
            }
        }
        return (config, reader.diagnostics)
    }

    private static func programme(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> AwardProgramme? {
        guard let fields = reader.fields(of: node, allowed: programmeFields, context: key.value) else { return nil }
        let name = reader.text(fields, "nom", required: true)
        let organiser = reader.text(fields, "organisateur", required: false)
        let url = reader.text(fields, "url", required: false)
        if let url, !URLRules.isAbsoluteWebURL(url.value) {
            reader.report(.error(.invalidURL, "« \(url.value) » n'est pas une adresse web", at: url.location,
                                 help: "une adresse commence par `https://`"))
        }
        let categories = (reader.list(fields, "categories") ?? []).compactMap { reader.text($0, name: "categories")?.value }
        let closed = reader.flag(fields, "categories_fermees") ?? false
        let criteria = Self.criteria(fields, reader: &reader)
        let criteriaSource = reader.text(fields, "criteres_source", required: false)
        if let criteriaSource, !URLRules.isAbsoluteWebURL(criteriaSource.value) {
            reader.report(.error(.invalidURL, "« \(criteriaSource.value) » n'est pas une adresse web", at: criteriaSource.location,
                                 help: "une adresse commence par `https://`"))
        }
        guard let name else { return nil }
        return AwardProgramme(id: key.value, name: name.value, organiser: organiser?.value, url: url?.value,
                              categories: categories, categoriesClosed: closed, criteria: criteria,
                              criteriaSource: criteriaSource?.value)
    }

    /// `criteres:` — each with an id (lower case, digits and hyphens: entries name it), a title and a question.
    private static func criteria(_ fields: Fields, reader: inout NodeReader) -> [AwardCriterion] {
        var seen = Set<String>()
        return (reader.list(fields, "criteres") ?? []).compactMap { node -> AwardCriterion? in
            guard let criterion = reader.fields(of: node, allowed: criterionFields, context: "criteres") else { return nil }
            let id = reader.text(criterion, "id", required: true, example: "id: resultats")
            let title = reader.text(criterion, "titre", required: true, example: "titre: Résultats mesurés")
            let question = reader.text(criterion, "question", required: true,
                                       example: "question: Quels résultats l'achat a-t-il obtenus ?")
            guard let id, let title, let question else { return nil }
            guard Slug.isSlug(id.value) else {
                reader.report(.error(.wrongType, "« \(id.value) » n'est pas un identifiant de critère : des minuscules sans accent, des chiffres et des tirets",
                                     at: id.location, help: "écrivez `id: \(Slug.make(id.value))`"))
                return nil
            }
            guard seen.insert(id.value).inserted else {
                reader.report(.error(.duplicateValue, "le critère « \(id.value) » est déclaré deux fois", at: id.location,
                                     help: "donnez à chaque critère un identifiant différent"))
                return nil
            }
            return AwardCriterion(id: id.value, title: title.value, question: question.value)
        }
    }
}
