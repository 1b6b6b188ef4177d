import ShowcaseFoundation

/// Walks the front matter of one case study into a `CaseStudy`, reporting every problem it meets.
package struct CaseStudyParser: Sendable {
    package let catalogue: IndicatorCatalogue
    package let config: SiteConfig
    /// Whether computed indicators carry their working (`IndicatorCompiler.compute`); `check` shows none.
    package var workings = true

    static let topFields = [
        "brouillon", "titre", "titre_court", "resume", "mise_a_jour", "images", "porteur", "partenaires", "mecanismes", "considerations_environnementales", "contrat", "lieu",
        "dates", "prix", "chiffres", "constantes", "sources", "territoire", "decp",
    ]
    static let territoryFields = ["departements", "region", "national"]
    static let buyerFields = ["nom", "type", "departement", "siret"]
    static let partnerFields = ["nom", "type", "libelle_type", "role", "siret", "siren"]
    static let contractFields = ["nature", "procedure", "technique", "execution", "objet", "lot", "cpv", "lots"]
    static let decpFields = ["id", "acheteur"]
    static let lotFields = ["numero", "objet", "montant", "taxes", "mecanisme", "titulaire"]
    static let awardFields = ["programme", "edition", "categorie", "statut", "date_ceremonie", "preuves"]
    static let figureFields = ["valeur", "qualificatif", "periode", "perimetre", "objectif", "taxes", "source", "citation", "page", "note"]
    static let ownFigureFields = figureFields + ["libelle", "unite", "definition"]
    static let sourceFields = ["id", "titre", "editeur", "date", "url"]
    static let datedFields = ["date", "source"]
    static let imageFields = ["fichier", "alt", "legende", "credit"]

    /// The catalogue's figure names, reported then derived, and the help an unknown name under `chiffres` gets:
    /// the same for every file, so made once.
    private let catalogueFigureNames: [String]
    private let unknownFigureHelp: String

    package init(catalogue: IndicatorCatalogue, config: SiteConfig) {
        self.catalogue = catalogue
        self.config = config
        let reported = catalogue.reported.map(\.id)
        catalogueFigureNames = reported + catalogue.derived.map(\.id)
        unknownFigureHelp = "les chiffres connus sont ceux du catalogue `indicateurs.yaml` : "
            + reported.map { "`\($0)`" }.joined(separator: ", ")
            + " ; un autre chiffre s'écrit avec son `libelle` et son `unite`"
    }

    /// - Parameter front: the front matter, already read into nodes.
    package func parse(_ front: YAMLNode?, body: SplitDocument, file: SourceFile, slug: String) -> (CaseStudy, [Diagnostic]) {
        var reader = NodeReader(file: file)
        var study = CaseStudy(slug: slug, path: file.path)
        study.body = body.body
        study.bodyFirstLine = body.bodyFirstLine
        let root = front ?? .emptyMapping(at: file.location(line: 1, column: 1, length: 3))
        let fence = file.location(line: 1, column: 1, length: 3)
        guard let top = reader.fields(of: root, allowed: Self.topFields, context: "", start: fence) else {
            return (study, reader.diagnostics)
        }
        study.isDraft = reader.flag(top, "brouillon") ?? false
        study.title = reader.text(top, "titre", required: true, example: "titre: \"Des casiers fabriqués en détention\"")?.value ?? ""
        study.summary = reader.text(top, "resume", required: true, example: "resume: \"En une ou deux phrases…\"")?.value ?? ""
        study.shortTitle = reader.text(top, "titre_court", required: false)?.value ?? ShortTitle.make(study.title)
        study.updated = reader.value(top, "mise_a_jour", required: false).flatMap { reader.date($0, name: "mise_a_jour")?.value }
        study.images = images(top, title: study.title, &reader)
        study.place = reader.text(top, "lieu", required: false)?.value
        study.territory = territory(top, &reader)
        study.sources = sources(top, &reader)
        study.buyer = buyer(top, &reader)
        study.partners = partners(top, &reader)
        study.mechanisms = (reader.list(top, "mecanismes") ?? []).compactMap { node in
            reader.term(node, name: "mecanismes", in: LegalMechanisms.vocabulary).flatMap { term in
                LegalMechanisms.mechanism(term.value.id).map { Located($0, at: term.location) }
            }
        }
        study.environmentalConsiderations = (reader.list(top, "considerations_environnementales") ?? []).compactMap {
            reader.term($0, name: "considerations_environnementales", in: Vocabularies.environmentalConsiderations)?.value
        }
        study.contract = contract(top, &reader)
        study.decp = decp(top, buyerSIRET: study.buyer.siret, &reader)
        study.dates = dates(top, sources: study.sources, &reader)
        study.figures = figures(top, sources: study.sources, &reader)
        study.constants = constants(top, &reader)
        study.derived = IndicatorCompiler.compute(study, catalogue: catalogue, workings: workings)
        // After the figures and sources: its evidence names them.
        study.award = award(top, of: study, &reader)
        return (study, reader.diagnostics + CaseStudyRules.check(study, catalogue: catalogue))
    }

    /// Photos: a file beside the fiche and a text alternative are required; the file itself is checked on load.
    private func images(_ top: Fields, title: String, _ reader: inout NodeReader) -> [ImageReference] {
        (reader.list(top, "images") ?? []).compactMap { node in
            guard let fields = reader.fields(of: node, allowed: Self.imageFields, context: "images") else { return nil }
            let file = reader.text(fields, "fichier", required: true, example: "fichier: chantier.jpg")
            let alt = reader.text(fields, "alt", required: true, example: "alt: \"Des ouvriers posent la charpente du préau\"")
            let caption = reader.text(fields, "legende", required: false)?.value
            let credit = reader.text(fields, "credit", required: false)?.value
            if let file, !ImagePaths.isAcceptable(file.value) {
                reader.report(.error(.invalidImage, "« \(file.value) » ne peut pas servir de photo",
                                     at: file.location, help: ImagePaths.help))
                return nil
            }
            guard let file, let alt else { return nil }
            // An alternative that only repeats the file name or the title tells someone who cannot see the photo
            // nothing of what it shows.
            let described = Slug.make(alt.value), titled = Slug.make(title)
            if [Path.stem(file.value), Path.lastComponent(file.value)].contains(where: { Slug.make($0) == described }) || titled == described {
                reader.report(.warning(.altRepeatsName, "le texte alternatif « \(alt.value) » répète \(described == titled ? "le titre de la fiche" : "le nom du fichier") : il ne dit pas ce que montre la photo",
                                       at: alt.location,
                                       help: "décrivez ce qu'on y voit, pour qui ne la voit pas : `alt: Deux salariés posent un casier dans un couloir du collège`"))
            }
            return ImageReference(file: file, alt: alt.value, caption: caption, credit: credit)
        }
    }

    private func buyer(_ top: Fields, _ reader: inout NodeReader) -> Buyer {
        guard let node = reader.value(top, "porteur", required: true, example: "porteur:"),
              let fields = reader.fields(of: node, allowed: Self.buyerFields, context: "porteur") else { return Buyer() }
        var buyer = Buyer()
        buyer.name = reader.text(fields, "nom", required: false)?.value
        buyer.kind = reader.value(fields, "type", required: true, example: "type: departement")
            .flatMap { reader.term($0, name: "type", in: Vocabularies.buyerKinds)?.value }
        buyer.departement = reader.value(fields, "departement", required: false)
            .flatMap { reader.term($0, name: "departement", in: Departements.vocabulary)?.value }
        buyer.siret = siret(fields, &reader)
        return buyer
    }

    private func partners(_ top: Fields, _ reader: inout NodeReader) -> [Partner] {
        (reader.list(top, "partenaires") ?? []).compactMap { node in
            guard let fields = reader.fields(of: node, allowed: Self.partnerFields, context: "partenaires") else { return nil }
            let name = reader.text(fields, "nom", required: true, example: "nom: \"Nom du partenaire\"")
            let kind = reader.value(fields, "type", required: true, example: "type: ACI")
                .flatMap { reader.term($0, name: "type", in: Vocabularies.partnerKinds) }
            let role = reader.value(fields, "role", required: false)
                .flatMap { reader.term($0, name: "role", in: Vocabularies.partnerRoles)?.value }
            let kindLabel = reader.text(fields, "libelle_type", required: kind?.value.id == "autre",
                                        example: "libelle_type: Régie de quartier")
            if let kindLabel, let kind, kind.value.id != "autre" {
                reader.report(.error(.wrongType, "« libelle_type » ne sert qu'au type `autre`", at: kindLabel.location,
                                     help: "supprimez la ligne, ou écrivez `type: autre` si aucun type ne convient"))
            }
            let sirets = (reader.list(fields, "siret") ?? []).compactMap { reader.text($0, name: "siret").flatMap { validSIRET($0, &reader) } }
            let siren = reader.text(fields, "siren", required: false).flatMap { validSIREN($0, &reader) }
            guard let name, let kind else { return nil }
            return Partner(name: name.value, kind: kind, kindLabel: kind.value.id == "autre" ? kindLabel?.value : nil, role: role,
                           sirets: sirets, siren: siren)
        }
    }

    private func contract(_ top: Fields, _ reader: inout NodeReader) -> Contract? {
        guard let node = reader.value(top, "contrat", required: false),
              let fields = reader.fields(of: node, allowed: Self.contractFields, context: "contrat") else { return nil }
        func term(_ name: String, _ vocabulary: Vocabulary) -> Term? {
            reader.value(fields, name, required: false).flatMap { reader.term($0, name: name, in: vocabulary)?.value }
        }
        var contract = Contract()
        contract.nature = term("nature", Vocabularies.contractNatures)
        contract.procedure = term("procedure", Vocabularies.procedures)
        contract.technique = term("technique", Vocabularies.techniques)
        contract.execution = term("execution", Vocabularies.executionModes)
        contract.object = reader.text(fields, "objet", required: false)?.value
        contract.lot = reader.text(fields, "lot", required: false)?.value
        contract.lots = (reader.list(fields, "lots") ?? []).compactMap { lot($0, &reader) }
        if let cpv = reader.text(fields, "cpv", required: false) {
            if Identifiers.isCPV(cpv.value) {
                contract.cpv = cpv.value
            } else {
                reader.report(.error(.wrongType, "« \(cpv.value) » n'est pas un code CPV", at: cpv.location,
                                     help: "un code CPV a 8 chiffres, suivis ou non d'un tiret et d'un chiffre de contrôle : `45214200-2`"))
            }
        }
        return contract
    }

    /// `decp:` — the contract's id in the essential data, and its buyer's SIRET (the `porteur`'s by default).
    private func decp(_ top: Fields, buyerSIRET: String?, _ reader: inout NodeReader) -> DECPReference? {
        guard let entry = top["decp"], let fields = reader.fields(of: entry.value, allowed: Self.decpFields, context: "decp")
        else { return nil }
        let id = reader.text(fields, "id", required: true, example: "id: \"2025S00004\"")
        let given = reader.text(fields, "acheteur", required: false)
        let buyer = given.flatMap { validSIRET($0, &reader) } ?? (given == nil ? buyerSIRET : nil)
        if given == nil, buyerSIRET == nil {
            reader.report(.error(.missingField, "le SIRET de l'acheteur manque : il nomme le marché dans les données essentielles avec son `id`",
                                 at: entry.key.location,
                                 help: "ajoutez sous `decp:` une ligne `acheteur: \"22470001600013\"` (le SIRET de l'acheteur), ou `siret:` sous `porteur:`"))
        }
        guard let id, let buyer else { return nil }
        return DECPReference(id: id.value, buyerSIRET: buyer, location: entry.key.location)
    }

    /// Each date is `2025-12-17`, or `{date: 2025-12-17, source: communique}` to cite where it comes from.
    private func dates(_ top: Fields, sources: [SourceReference], _ reader: inout NodeReader) -> [KeyDate] {
        guard let node = reader.value(top, "dates", required: false),
              let fields = reader.fields(of: node, allowed: Vocabularies.dateKinds.terms.map(\.id), context: "dates")
        else { return [] }
        return Vocabularies.dateKinds.terms.compactMap { kind -> KeyDate? in
            guard let value = reader.value(fields, kind.id, required: false) else { return nil }
            guard value.shape == .mapping else {
                return reader.date(value, name: kind.id).map { KeyDate(kind: kind, date: $0, sourceID: nil) }
            }
            guard let dated = reader.fields(of: value, allowed: Self.datedFields, context: kind.id) else { return nil }
            let date = reader.value(dated, "date", required: true, example: "date: 2025-12-17")
                .flatMap { reader.date($0, name: "date") }
            let source = sourceReference(dated, sources: sources, &reader)
            return date.map { KeyDate(kind: kind, date: $0, sourceID: source) }
        }
    }

    private func award(_ top: Fields, of study: CaseStudy, _ reader: inout NodeReader) -> AwardEntry? {
        guard let node = reader.value(top, "prix", required: false),
              let fields = reader.fields(of: node, allowed: Self.awardFields, context: "prix") else { return nil }
        let programmes = Vocabulary(name: "un programme de prix déclaré dans showcase.yaml",
                                    terms: config.programmes.map { Term($0.id, $0.name) })
        let programme = reader.value(fields, "programme", required: true, example: "programme: trophees-commande-publique")
            .flatMap { reader.term($0, name: "programme", in: programmes) }
            .flatMap { config.programme($0.value.id) }
        let edition = reader.value(fields, "edition", required: true, example: "edition: 2025")
            .flatMap { reader.number($0, name: "edition", integer: true, bounds: 1990...2100) }
        let status = reader.value(fields, "statut", required: true, example: "statut: laureat")
            .flatMap { reader.term($0, name: "statut", in: Vocabularies.awardStatuses) }
        var category = reader.text(fields, "categorie", required: false)
        if let given = category, let programme {
            category = Self.category(given, of: programme, &reader)
        }
        let ceremony = reader.value(fields, "date_ceremonie", required: false).flatMap { reader.date($0, name: "date_ceremonie") }
        let evidenceNode = reader.value(fields, "preuves", required: false)
        guard let programme, let edition, let status else { return nil }
        var award = AwardEntry(programme: programme, edition: Int(edition.value), category: category?.value, status: status.value,
                               ceremony: ceremony?.value)
        let figureNames = study.figures.map(\.indicator.id) + study.derived.map(\.definition.id)
        award.evidence = AwardEvidenceReader(programme: programme, figureNames: figureNames, sourceIDs: study.sources.map(\.id))
            .read(evidenceNode, at: top["prix"]?.key.location ?? node.location, &reader)
        // Results under embargo: before the ceremony, a laureate is shown as what it was, a candidate.
        if status.value.id == "laureat", let ceremony = ceremony?.value, config.today < ceremony,
           let candidate = Vocabularies.awardStatuses.term(matching: "candidat") {
            award.status = candidate
            award.embargoedUntil = ceremony
        }
        return award
    }

    private func figures(_ top: Fields, sources: [SourceReference], _ reader: inout NodeReader) -> [Figure] {
        guard let node = reader.value(top, "chiffres", required: false) else { return [] }
        let own = ownFigureKeys(node)
        guard let fields = reader.fields(of: node, allowed: own.isEmpty ? catalogueFigureNames : catalogueFigureNames + own.map(\.value),
                                         context: "chiffres", extraHelp: unknownFigureHelp)
        else { return [] }
        let fromCatalogue = catalogue.indicators.compactMap { indicator -> Figure? in
            guard let entry = fields[indicator.id] else { return nil }
            if indicator.isDerived {
                reader.report(.error(.derivedFigureWritten, "« \(indicator.id) » est calculé par showcase, il ne s'écrit pas",
                                     at: entry.key.location,
                                     help: "supprimez ce chiffre : il est calculé à partir de \(indicator.formula?.names.map { "« \($0) »" }.joined(separator: ", ") ?? "")"))
                return nil
            }
            guard entry.value.shape == .mapping else {
                reader.report(.error(.wrongType, "le chiffre « \(indicator.id) » doit indiquer sa valeur et sa source",
                                     at: entry.value.location,
                                     help: "écrivez, indentés sous « \(indicator.id) » : `valeur: 9000` puis `source: identifiant-de-la-source`"))
                return nil
            }
            guard let figureFields = reader.fields(of: entry.value, allowed: Self.figureFields, context: indicator.id) else { return nil }
            return figure(of: indicator, figureFields, sources: sources, &reader)
        }
        let ownFigures = own.compactMap { key -> Figure? in
            guard let entry = fields[key.value],
                  let figureFields = reader.fields(of: entry.value, allowed: Self.ownFigureFields, context: key.value),
                  let indicator = ownIndicator(key, figureFields, known: catalogueFigureNames, &reader) else { return nil }
            return figure(of: indicator, figureFields, sources: sources, &reader)
        }
        return fromCatalogue + ownFigures
    }

    private func figure(of indicator: IndicatorDefinition, _ fields: Fields, sources: [SourceReference],
                        _ reader: inout NodeReader) -> Figure? {
        let value = reader.value(fields, "valeur", required: true, example: "valeur: 9000")
            .flatMap { reader.number($0, name: indicator.id, key: "valeur", integer: indicator.isInteger, bounds: indicator.bounds) }
        let source = sourceReference(fields, sources: sources, required: true, &reader)
        let quote = reader.text(fields, "citation", required: false)?.value
        let page = reader.text(fields, "page", required: false)?.value
        let note = reader.text(fields, "note", required: false)?.value
        guard let value, let source else { return nil }
        var figure = Figure(indicator: indicator, value: value, sourceID: source, quote: quote, page: page, note: note)
        Self.readReporting(of: &figure, fields, &reader)
        return figure
    }

    /// The keys under `chiffres:` the catalogue does not know but that carry a `libelle`: figures of this entry
    /// alone, so that a fact the catalogue has no indicator for is kept as data rather than dropped.
    private func ownFigureKeys(_ node: YAMLNode) -> [Located<String>] {
        node.pairs(outside: catalogueFigureNames).filter { $0.value.pair(named: "libelle") != nil }.map(\.key)
    }

    /// The definition of a figure of this entry alone: its label, a unit of the catalogue, and what it measures.
    /// Never added to other entries' figures: two entries' own figures may share a name and not a meaning.
    private func ownIndicator(_ key: Located<String>, _ fields: Fields, known: [String],
                              _ reader: inout NodeReader) -> IndicatorDefinition? {
        if !key.value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) || key.value.first == "_" {
            let suggestion = Slug.make(key.value).replacingOccurrences(of: "-", with: "_")
            reader.report(.error(.invalidFigureName, "« \(key.value) » n'est pas un nom de chiffre : des minuscules sans accent, des chiffres et des _",
                                 at: key.location, help: suggestion.isEmpty ? nil : "écrivez `\(suggestion):`"))
            return nil
        }
        if let close = Suggestion.closest(to: key.value, among: known) {
            reader.report(.warning(.ownFigureLikeCatalogue, "« \(key.value) » ressemble à l'indicateur « \(close) » du catalogue",
                                   at: key.location,
                                   help: "si c'est le même chiffre, écrivez `\(close):` sans `libelle` ni `unite` : il sera compté dans les totaux"))
        }
        let label = reader.text(fields, "libelle", required: true, example: "libelle: Surface d'espaces verts entretenue")
        let unitIDs = catalogue.units.map(\.id)
        let unit = reader.text(fields, "unite", required: true, example: "unite: m2").flatMap { raw -> Unit? in
            if let unit = catalogue.units.first(where: { $0.id == raw.value }) { return unit }
            reader.report(.error(.unknownUnit, "« \(raw.value) » n'est pas une unité du catalogue", at: raw.location,
                                 help: Suggestion.closest(to: raw.value, among: unitIDs).map { "vouliez-vous dire « \($0) » ?" }
                                    ?? "unités permises : " + unitIDs.map { "`\($0)`" }.joined(separator: ", ")))
            return nil
        }
        let definition = reader.text(fields, "definition", required: false)?.value
        guard let label, let unit else { return nil }
        return IndicatorDefinition(
            id: key.value, label: label.value, unit: unit, isInteger: false, bounds: 0...Double.greatestFiniteMagnitude,
            definition: definition ?? "Chiffre propre à cette fiche : le catalogue n'a pas d'indicateur pour lui.",
            formula: nil, decimals: nil, atMost: nil, warnAbove: nil, isSummable: false, isOwn: true, location: key.location)
    }

    /// `territoire:`: several départements, a region, or the whole country.
    private func territory(_ top: Fields, _ reader: inout NodeReader) -> Territory? {
        guard let node = reader.value(top, "territoire", required: false),
              let fields = reader.fields(of: node, allowed: Self.territoryFields, context: "territoire") else { return nil }
        var territory = Territory()
        territory.departements = (reader.list(fields, "departements") ?? []).compactMap {
            reader.term($0, name: "departements", in: Departements.vocabulary)?.value
        }
        territory.region = reader.value(fields, "region", required: false)
            .flatMap { reader.term($0, name: "region", in: Territory.regions)?.value }
        territory.isNational = reader.flag(fields, "national") ?? false
        return territory
    }

    /// One lot: its object is required; amount, tax basis, mechanism and holder when the sources give them.
    private func lot(_ node: YAMLNode, _ reader: inout NodeReader) -> Lot? {
        guard let fields = reader.fields(of: node, allowed: Self.lotFields, context: "lots") else { return nil }
        let number = reader.text(fields, "numero", required: false)
        let object = reader.text(fields, "objet", required: true, example: "objet: Électroménager reconditionné")
        let amount = reader.value(fields, "montant", required: false)
            .flatMap { reader.number($0, name: "montant", integer: false, bounds: 0...Double.greatestFiniteMagnitude) }
        let basis = reader.value(fields, "taxes", required: false).flatMap { Self.taxBasis($0, &reader) }
        let mechanism = reader.value(fields, "mecanisme", required: false)
            .flatMap { reader.term($0, name: "mecanisme", in: LegalMechanisms.vocabulary) }
            .flatMap { LegalMechanisms.mechanism($0.value.id) }
        let holder = reader.text(fields, "titulaire", required: false)
        guard let object else { return nil }
        return Lot(number: number?.value, object: object.value, amount: amount?.value, taxBasis: basis, mechanism: mechanism,
                   holder: holder?.value)
    }

    /// How the figure is worded by its source: qualifier, period, scope, target, tax basis.
    private static func readReporting(of figure: inout Figure, _ fields: Fields, _ reader: inout NodeReader) {
        let indicator = figure.indicator
        figure.qualifier = reader.value(fields, "qualificatif", required: false)
            .flatMap { reader.term($0, name: "qualificatif", in: Qualifier.vocabulary) }
            .flatMap { Qualifier(rawValue: $0.value.id) }
        if let period = reader.text(fields, "periode", required: false) {
            if let parsed = FigurePeriod(period.value) {
                figure.period = parsed
            } else {
                reader.report(.error(
                    .unknownValue, "« \(period.value) » n'est pas une période connue", at: period.location,
                    help: "écrivez `periode: total`, `periode: par-jour`, `periode: par-mois`, `periode: par-an`, ou des années : `periode: 2018-2024`"))
            }
        }
        figure.scope = reader.text(fields, "perimetre", required: false)?.value
        figure.target = reader.value(fields, "objectif", required: false)
            .flatMap { reader.number($0, name: "\(indicator.id) (objectif)", key: "objectif", integer: indicator.isInteger,
                                     bounds: indicator.bounds) }?.value
        if let basis = reader.value(fields, "taxes", required: false) {
            if indicator.unit.isAmount {
                figure.taxBasis = taxBasis(basis, &reader)
            } else {
                reader.report(.error(.wrongType, "« taxes » ne s'applique qu'à un montant, et « \(indicator.id) » n'en est pas un",
                                     at: basis.location, help: "supprimez la ligne `taxes`"))
            }
        }
    }

    /// `taxes: HT` or `TTC`.
    private static func taxBasis(_ node: YAMLNode, _ reader: inout NodeReader) -> TaxBasis? {
        reader.term(node, name: "taxes", in: TaxBasis.vocabulary).flatMap { TaxBasis(rawValue: $0.value.id) }
    }

    /// The `source` field: the `id` of one of the entry's sources, which must be declared.
    private func sourceReference(
        _ fields: Fields, sources: [SourceReference], required: Bool = false, _ reader: inout NodeReader
    ) -> String? {
        let sourceIDs = sources.map(\.id)
        guard let source = reader.text(fields, "source", required: required,
                                       example: "source: \(sourceIDs.first ?? "identifiant-de-la-source")") else { return nil }
        guard sourceIDs.contains(source.value) else {
            let help = Suggestion.help(for: source.value, among: sourceIDs, listing: "sources déclarées : ",
                                       whenNone: "déclarez la source dans la liste `sources:` avec `id: \(source.value)`")
            reader.report(.error(.unknownSource, "la source « \(source.value) » n'est pas déclarée dans `sources`",
                                 at: source.location, help: help))
            return source.value
        }
        return source.value
    }

    private func constants(_ top: Fields, _ reader: inout NodeReader) -> [String: Located<Double>] {
        guard let node = reader.value(top, "constantes", required: false) else { return [:] }
        let overridable = catalogue.constants.filter(\.isOverridable)
        guard let fields = reader.fields(of: node, allowed: overridable.map(\.id), context: "constantes") else { return [:] }
        var values: [String: Located<Double>] = [:]
        for constant in overridable {
            if let value = reader.value(fields, constant.id, required: false)
                .flatMap({ reader.number($0, name: constant.id, integer: false, bounds: constant.bounds) }) {
                values[constant.id] = value
            }
        }
        return values
    }

    private func sources(_ top: Fields, _ reader: inout NodeReader) -> [SourceReference] {
        var seen: Set<String> = []
        let example = "sources: [{id: ma-source, titre: \"Titre du document\", editeur: \"Qui le publie\"}]"
        return (reader.list(top, "sources", required: true, example: example) ?? []).compactMap { node in
            guard let fields = reader.fields(of: node, allowed: Self.sourceFields, context: "sources") else { return nil }
            let id = reader.text(fields, "id", required: true, example: "id: communique-2025")
            let title = reader.text(fields, "titre", required: true, example: "titre: \"Titre du document\"")
            let publisher = reader.text(fields, "editeur", required: true, example: "editeur: \"Qui le publie\"")
            let date = reader.value(fields, "date", required: false).flatMap { reader.date($0, name: "date") }
            let url = reader.text(fields, "url", required: false)
            if let url, !URLRules.isAbsoluteWebURL(url.value) {
                reader.report(.error(.invalidURL, "« \(url.value) » n'est pas une adresse web", at: url.location,
                                     help: "une adresse commence par `https://` ; si le document n'est pas en ligne, supprimez la ligne `url`"))
            }
            if let id, !seen.insert(id.value).inserted {
                reader.report(.error(.duplicateValue, "deux sources portent l'identifiant « \(id.value) »", at: id.location,
                                     help: "donnez à chaque source un identifiant différent"))
            }
            guard let id, let title, let publisher else { return nil }
            return SourceReference(id: id.value, title: title.value, publisher: publisher.value, date: date?.value,
                                   url: url.flatMap { URLRules.isAbsoluteWebURL($0.value) ? $0.value : nil })
        }
    }

    /// A category as the programme spells it. Outside a closed list, an error; outside an open one, accepted,
    /// with a warning when it is close to a listed one (likely a typing slip).
    private static func category(_ given: Located<String>, of programme: AwardProgramme, _ reader: inout NodeReader) -> Located<String>? {
        let listed = Vocabulary(name: "une catégorie de « \(programme.name) »", terms: programme.categories.map { Term($0, $0) })
        if programme.categories.isEmpty { return given }
        if let term = listed.term(matching: given.value) { return Located(term.id, at: given.location) }
        let suggestion = Suggestion.closest(to: given.value, among: programme.categories).map { "vouliez-vous dire « \($0) » ?" }
        if programme.categoriesClosed {
            reader.report(.error(
                .unknownValue, "« \(given.value) » n'est pas une catégorie de « \(programme.name) », dont la liste est fermée dans showcase.yaml",
                at: given.location,
                help: suggestion ?? "catégories permises : " + programme.categories.map { "« \($0) »" }.joined(separator: ", ")))
            return nil
        }
        if let suggestion {
            reader.report(.warning(
                .unknownValue, "« \(given.value) » n'est pas une des catégories de « \(programme.name) » listées dans showcase.yaml (la liste est ouverte : elle est acceptée)",
                at: given.location,
                help: suggestion + " sinon, ajoutez-la aux `categories` du programme dans showcase.yaml"))
        }
        return given
    }

    private func siret(_ fields: Fields, _ reader: inout NodeReader) -> String? {
        reader.text(fields, "siret", required: false).flatMap { validSIRET($0, &reader) }
    }

    /// A SIREN: 9 digits with their key; a SIRET written instead is told apart.
    private func validSIREN(_ siren: Located<String>, _ reader: inout NodeReader) -> String? {
        let compact = siren.value.filter { !$0.isWhitespace }
        if Identifiers.isSIREN(compact) { return compact }
        if Identifiers.isSIRET(compact) {
            reader.report(.error(.wrongType, "« \(siren.value) » est un SIRET (14 chiffres, l'établissement) : un SIREN en a 9 (l'entreprise)",
                                 at: siren.location, help: "gardez ses 9 premiers chiffres : `siren: \(compact.prefix(9))`"))
        } else {
            reader.report(.error(.wrongType, "« \(siren.value) » n'est pas un numéro SIREN valide", at: siren.location,
                                 help: "un SIREN a 9 chiffres dont le dernier est une clé de contrôle ; recopiez-le depuis l'annuaire des entreprises"))
        }
        return nil
    }

    private func validSIRET(_ siret: Located<String>, _ reader: inout NodeReader) -> String? {
        let compact = siret.value.filter { !$0.isWhitespace }
        if Identifiers.isSIREN(compact) {
            reader.report(.error(.wrongType, "« \(siret.value) » est un SIREN (9 chiffres, l'entreprise) : un SIRET en a 14 (l'établissement)",
                                 at: siret.location,
                                 help: "recopiez le SIRET de l'établissement depuis l'annuaire des entreprises : le SIREN suivi de 5 chiffres"))
            return nil
        }
        guard Identifiers.isSIRET(compact) else {
            reader.report(.error(.wrongType, "« \(siret.value) » n'est pas un numéro SIRET valide", at: siret.location,
                                 help: "un SIRET a 14 chiffres dont le dernier est une clé de contrôle ; recopiez-le depuis l'annuaire des entreprises"))
            return nil
        }
        return compact
    }
}
