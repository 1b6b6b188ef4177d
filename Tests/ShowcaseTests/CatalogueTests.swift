import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Catalogue des indicateurs")
struct CatalogueTests {
    static func diagnostics(_ text: String) -> String {
        let file = SourceFile(path: "indicateurs.yaml", text: text)
        return DiagnosticRenderer(sources: [file.path: file]).render(CatalogueParser.parse(file).diagnostics)
    }

    static let base = """
    constantes:
      base_etp:
        libelle: Base ETP
        valeur: 1607
        unite: heures
        definition: Durée légale.
    indicateurs:
      heures:
        libelle: Heures
        unite: heures
        definition: Des heures.
      personnes:
        libelle: Personnes
        unite: personnes
        definition: Des personnes.

    """

    @Test("Le catalogue livré est valide et ordonne ses formules")
    func shipped() {
        let file = TestSupport.sourceFile(atProjectPath: "indicateurs.yaml")
        let (catalogue, problems) = CatalogueParser.parse(file)
        #expect(problems.isEmpty)
        #expect(catalogue.derivedInDependencyOrder.map(\.id) == catalogue.derived.map(\.id))
        #expect(catalogue.indicator("beneficiaires_rsa")?.atMost == "personnes_embauchees")
    }

    @Test("Une formule qui tourne en rond est signalée")
    func cycle() {
        let text = Self.base + """
          a:
            libelle: A
            unite: nombre
            definition: A.
            formule: b + 1
          b:
            libelle: B
            unite: nombre
            definition: B.
            formule: a * 2

        """
        #expect(Self.diagnostics(text) == """
            erreur[formule-cycle]: les formules tournent en rond : a → b → a
              --> indicateurs.yaml:20:14
               |
            20 |     formule: b + 1
               |              ^^^^^
               = aide: une formule ne peut pas dépendre, même indirectement, de son propre résultat

            """)
    }

    @Test("Une formule qui nomme un indicateur inconnu est signalée, avec une suggestion")
    func unknownName() {
        let text = Self.base + """
          etp:
            libelle: ETP
            unite: etp
            definition: ETP.
            formule: heure / base_etp

        """
        #expect(Self.diagnostics(text) == """
            erreur[formule-nom-inconnu]: la formule de « etp » nomme « heure », qui n'existe pas
              --> indicateurs.yaml:20:14
               |
            20 |     formule: heure / base_etp
               |              ^^^^^
               = aide: vouliez-vous dire « heures » ?

            """)
    }

    @Test("Une division par un chiffre qui peut être nul est refusée")
    func divisionByZero() {
        let text = Self.base + """
          par_personne:
            libelle: Heures par personne
            unite: heures-par-personne
            definition: H/p.
            formule: heures / personnes

        """
        #expect(Self.diagnostics(text) == """
            erreur[formule-division-par-zero]: la formule de « par_personne » divise par « personnes », qui peut valoir zéro
              --> indicateurs.yaml:20:23
               |
            20 |     formule: heures / personnes
               |                       ^^^^^^^^^
               = aide: donnez à « personnes » une borne `min` strictement positive dans le catalogue

            """)
    }

    @Test("Une unité inconnue est signalée")
    func unknownUnit() {
        let text = Self.base.replacingOccurrences(of: "unite: personnes", with: "unite: gens")
        #expect(Self.diagnostics(text) == """
            erreur[unite-inconnue]: unité inconnue « gens »
              --> indicateurs.yaml:14:12
               |
            14 |     unite: gens
               |            ^^^^
               = aide: unités connues : `heures`, `personnes`, `euros`, `unites`, `postes`, `tco2e`, `pourcent`, `etp`, `heures-par-million-euros`, `heures-par-personne`, `euros-par-unite`, `nombre` ; une nouvelle unité se déclare sous `unites:` en tête du catalogue

            """)
    }

    @Test("Une formule mal écrite est signalée à l'endroit du problème")
    func syntax() {
        let text = Self.base + """
          x:
            libelle: X
            unite: nombre
            definition: X.
            formule: heures / (personnes + 1

        """
        #expect(Self.diagnostics(text) == """
            erreur[formule-invalide]: formule illisible : parenthèse « ( » jamais refermée
              --> indicateurs.yaml:20:37
               |
            20 |     formule: heures / (personnes + 1
               |                                     ^
               = aide: une formule combine des identifiants et des nombres avec + - * / et des parenthèses

            """)
    }

    @Test("Un indicateur ajouté au catalogue s'utilise dans une fiche sans toucher au code")
    func extensible() throws {
        let text = Self.base + """
          tonnes_evitees:
            libelle: Déchets évités
            unite: nombre
            definition: Tonnes de déchets évitées.

        """
        let catalogue = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: text)).catalogue
        let parser = CaseStudyParser(catalogue: catalogue, config: TestSupport.config)
        let study = """
        ---
        titre: T
        resume: R
        porteur:
          type: commune
        chiffres:
          tonnes_evitees:
            valeur: 12
            source: s
        sources:
          - id: s
            titre: S
            editeur: E
        ---
        """
        let result = CaseStudyReader(parser: parser).read(Array(study.utf8), path: "content/t.md")
        #expect(result.diagnostics.isEmpty)
        #expect(result.study?.figure("tonnes_evitees")?.value.value == 12)
    }
}

@Suite("Formules")
struct FormulaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let formula: String
        let value: Double?
        let display: String
        var testDescription: String { formula }
    }

    static let values: [String: Double] = ["h": 9000, "base": 1607, "p": 24, "r": 16, "zero": 0]

    @Test("Lecture, calcul et affichage", arguments: [
        Case(formula: "h / base", value: 9000.0 / 1607.0, display: "[h] ÷ [base]"),
        Case(formula: "r / p * 100", value: 16.0 / 24.0 * 100, display: "[r] ÷ [p] × 100"),
        Case(formula: "h / (p * 2)", value: 187.5, display: "[h] ÷ ([p] × 2)"),
        Case(formula: "h - (p - r)", value: 8992, display: "[h] \u{2212} ([p] \u{2212} [r])"),
        Case(formula: "(h - p) - r", value: 8960, display: "[h] \u{2212} [p] \u{2212} [r]"),
        Case(formula: "1 + 2 * 3", value: 7, display: "1 + 2 × 3"),
        Case(formula: "-p + 1.5", value: -22.5, display: "\u{2212}[p] + 1,5"),
        Case(formula: "h / zero", value: nil, display: "[h] ÷ [zero]"),
        Case(formula: "h / inconnu", value: nil, display: "[h] ÷ [inconnu]"),
    ])
    func evaluates(_ testCase: Case) throws {
        let formula = try FormulaParser.parse(testCase.formula).get()
        #expect(formula.evaluate { Self.values[$0] } == testCase.value)
        #expect(formula.display { "[\($0)]" } == testCase.display)
    }

    @Test("Les formules mal écrites sont refusées avec la position du problème", arguments: [
        ("h +", 3), ("(h", 2), ("h $ p", 2), ("h p", 2), ("", 0), (String(repeating: "(", count: 40) + "h", 32),
    ])
    func rejects(_ input: (String, Int)) {
        guard case .failure(let error) = FormulaParser.parse(input.0) else {
            Issue.record("« \(input.0) » a été accepté")
            return
        }
        #expect(error.offset == input.1)
    }
}

@Suite("Nombres à la française")
struct FrenchNumberTests {
    @Test("Espace fine insécable entre les milliers, virgule décimale, arrondi au plus proche", arguments: [
        (9000.0, nil, "9\u{202F}000"), (17_000_000, nil, "17\u{202F}000\u{202F}000"), (999, nil, "999"),
        (1607, nil, "1\u{202F}607"), (5.6004, 1, "5,6"), (5.65, 1, "5,7"), (5.64, 1, "5,6"), (529.41, 0, "529"),
        (66.666, 1, "66,7"), (0.5, 0, "1"), (-2.5, 0, "\u{2212}3"), (1.25, nil, "1,25"), (12.0, 2, "12,00"),
        (-3.0, nil, "\u{2212}3"), (0.1, nil, "0,1"), (1_234.5, nil, "1\u{202F}234,5"),
        // Found by the fuzzer: beyond 10^15 a value no longer fits the 64-bit path; it must still print.
        (2.5e20, nil, "250\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000"), (1e15, 1, "1\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000"),
        (.infinity, nil, "—"), (.nan, 2, "—"),
    ] as [(Double, Int?, String)])
    func format(_ input: (Double, Int?, String)) {
        #expect(FrenchNumber.format(input.0, decimals: input.1) == input.2)
    }

    @Test("Unités : pluriel, millions et milliards d'euros exacts seulement", arguments: [
        ("heures", 9000.0, "9\u{202F}000\u{00A0}heures"), ("personnes", 1, "1\u{00A0}personne"),
        ("euros", 17_000_000, "17\u{00A0}M€"), ("euros", 1_500_000, "1,5\u{00A0}M€"),
        ("euros", 17_234_567, "17\u{202F}234\u{202F}567\u{00A0}€"), ("euros", 48_000, "48\u{202F}000\u{00A0}€"),
        ("pourcent", 66.7, "66,7\u{00A0}%"), ("nombre", 12, "12"),
        ("euros", 1_800_000_000, "1,8\u{00A0}Md€"), ("euros", 1_234_567_890, "1\u{202F}234\u{202F}567\u{202F}890\u{00A0}€"),
        ("repas", 1, "1\u{00A0}repas"), ("tonnes", 2.5, "2,5\u{00A0}t"), ("m2", 1200, "1\u{202F}200\u{00A0}m²"),
    ] as [(String, Double, String)])
    func units(_ input: (String, Double, String)) throws {
        let unit = try #require(TestSupport.catalogue.units.first { $0.id == input.0 })
        #expect(unit.format(input.1, decimals: nil) == input.2)
    }
}

/// Units are data of the catalogue (`unites:`): a project adds the unit its purchases report without code.
@Suite("Unités déclarées dans le catalogue")
struct CatalogueUnitTests {
    static let withMeals = """
    unites:
      repas: { singulier: repas, pluriel: repas, dimension: quantite }
      pourcent: { singulier: "%", pluriel: "%", symbole: "%", dimension: part }
    indicateurs:
      repas_servis:
        libelle: Repas servis
        unite: repas
        definition: Des repas.
      part_bio:
        libelle: Part bio
        unite: pourcent
        nombre: decimal
        definition: Une part.

    """

    @Test("Une unité déclarée sert aux indicateurs ; une part ne s'additionne pas d'une fiche à l'autre")
    func declaredUnit() throws {
        let (catalogue, problems) = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: Self.withMeals))
        #expect(problems.isEmpty, "\(problems)")
        let meals = try #require(catalogue.indicator("repas_servis"))
        #expect(meals.unit.format(1200, decimals: nil) == "1\u{202F}200\u{00A0}repas")
        #expect(meals.isSummable)
        #expect(catalogue.indicator("part_bio")?.isSummable == false)
        // Declared units replace the defaults: `heures` is no longer known here.
        #expect(!catalogue.units.contains { $0.id == "heures" })
    }

    @Test("Une dimension inconnue est signalée, avec la suggestion")
    func unknownDimension() {
        let text = Self.withMeals.replacingOccurrences(of: "dimension: quantite", with: "dimension: quantité")
        let diagnostics = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: text)).diagnostics
        #expect(diagnostics.contains { $0.code == .unknownValue && $0.help == "vouliez-vous dire « quantite » ?" }, "\(diagnostics)")
    }

    @Test("« somme: true » sur une part est refusé ; « somme: false » retire un chiffre des totaux")
    func summability() {
        let forced = Self.withMeals.replacingOccurrences(of: "    nombre: decimal\n", with: "    nombre: decimal\n    somme: true\n")
        let refused = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: forced)).diagnostics
        #expect(refused.contains { $0.message.hasPrefix("« part_bio » est en % (une part ou un rapport)") }, "\(refused)")
        let kept = Self.withMeals.replacingOccurrences(of: "    unite: repas\n", with: "    unite: repas\n    somme: false\n")
        let (catalogue, problems) = CatalogueParser.parse(SourceFile(path: "indicateurs.yaml", text: kept))
        #expect(problems.isEmpty)
        #expect(catalogue.indicator("repas_servis")?.isSummable == false)
    }
}
