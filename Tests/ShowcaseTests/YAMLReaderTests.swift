import ShowcaseContent
import ShowcaseFoundation
import Testing

/// The YAML reader's flat document: what the schema reads through `YAMLNode`.
@Suite("Lecture YAML")
struct YAMLReaderTests {
    static func read(_ text: String) -> Result<YAMLNode?, Diagnostic> {
        YAMLReader.read(text, in: SourceFile(path: "content/essai.md", text: text))
    }

    static func root(_ text: String) throws -> YAMLNode {
        try #require(try read(text).get())
    }

    /// The problem that stops the reading; `nil` when the text was read.
    static func problem(_ text: String) -> Diagnostic? {
        guard case .failure(let problem) = read(text) else { return nil }
        return problem
    }

    @Test("Groupes, listes et textes sont lus à leur place, les guillemets retenus")
    func shapesAndPlaces() throws {
        let root = try Self.root("""
        titre: "Des casiers"
        porteur:
          nom: Département
          type: departement
        mecanismes: [clause-sociale, reserve-penitentiaire]
        vide:
        """)
        #expect(root.shape == .mapping)
        #expect(root.pairs.map(\.key.value) == ["titre", "porteur", "mecanismes", "vide"])
        let title = try #require(root.pair(named: "titre"))
        #expect(title.value.text == "Des casiers" && title.value.isQuoted)
        #expect(title.key.location.line == 1 && title.key.location.column == 1 && title.key.location.length == 5)
        #expect(title.value.location.column == 8 && title.value.location.length == 13)
        let buyer = try #require(root.pair(named: "porteur")?.value)
        #expect(buyer.shape == .mapping)
        #expect(buyer.pair(named: "type")?.value.text == "departement")
        #expect(buyer.pair(named: "type")?.value.location.line == 4)
        #expect(buyer.pair(named: "typ") == nil && buyer.pair(named: "types") == nil)
        let mechanisms = try #require(root.pair(named: "mecanismes")?.value)
        #expect(mechanisms.items.map(\.text) == ["clause-sociale", "reserve-penitentiaire"])
        #expect(mechanisms.text == nil && mechanisms.pairs.isEmpty && buyer.items.isEmpty)
        #expect(root.pair(named: "vide")?.value.isNull == true)
        #expect(root.pairs(outside: ["titre", "porteur"]).map(\.key.value) == ["mecanismes", "vide"])
        #expect(root.firstKeyLocation?.line == 1)
    }

    @Test("Vide, `~` et `null` ne valent rien ; entre guillemets, c'est du texte", arguments: [
        ("a:", true), ("a: ~", true), ("a: null", true), ("a: \"null\"", false), ("a: ''", false), ("a: 0", false),
    ])
    func nulls(_ text: String, _ isNull: Bool) throws {
        #expect(try Self.root(text).pair(named: "a")?.value.isNull == isNull)
    }

    @Test("Un alias se lit comme la valeur de son ancre, et compte autant de valeurs qu'elle")
    func aliases() throws {
        let root = try Self.root("""
        base: &porteur
          nom: Département
          type: departement
        copie: *porteur
        liste: [*porteur, *porteur]
        """)
        let copy = try #require(root.pair(named: "copie")?.value)
        #expect(copy.shape == .mapping)
        #expect(copy.pair(named: "nom")?.value.text == "Département")
        #expect(copy.location.line == 1, "an alias's value is its anchor's, where it was written")
        #expect(root.pair(named: "liste")?.value.items.map { $0.pair(named: "type")?.value.text } == ["departement", "departement"])
        // The anchored mapping holds 5 values (itself, two keys, two values); the list, itself and two of them.
        #expect(root.pair(named: "base")?.value.size == 5)
        #expect(root.pair(named: "liste")?.value.size == 11)
    }

    @Test("Un alias sans ancre est refusé à sa place")
    func aliasWithoutAnchor() throws {
        let problem = try #require(Self.problem("a: 1\nb: *rien\n"), "an alias to nothing was read")
        #expect(problem.message == "alias `*` qui ne renvoie à aucune ancre")
        #expect(problem.location?.line == 2 && problem.location?.column == 4)
    }

    /// The same name written twice, as typed or with its accent encoded the other way (the two look alike), with
    /// a few other keys between them or with enough to make the reader hash them.
    @Test("Un champ écrit deux fois au même niveau est signalé à sa seconde place, même dans un grand groupe", arguments: [
        ("titre", "titre", 2), ("titre", "titre", 100), ("r\u{E9}gion", "re\u{301}gion", 2), ("r\u{E9}gion", "re\u{301}gion", 100),
    ])
    func duplicateKeys(_ first: String, _ second: String, _ others: Int) throws {
        let filler = (0..<others).map { "champ\($0): \($0)\n" }.joined()
        let problem = try #require(Self.problem("\(first): Un\n" + filler + "\(second): Deux\n"), "a key written twice was read")
        #expect(problem.code == .duplicateKey)
        #expect(problem.message == "le champ « \(second) » est écrit deux fois au même niveau")
        #expect(problem.location?.line == others + 2 && problem.location?.length == second.unicodeScalars.count)
    }

    @Test("Le même nom dans deux groupes différents n'est pas un doublon")
    func sameKeyInTwoMappings() throws {
        let root = try Self.root("a:\n  nom: x\nb:\n  nom: y\nnom: z\n")
        #expect(root.pair(named: "a")?.value.pair(named: "nom")?.value.text == "x")
        #expect(root.pair(named: "b")?.value.pair(named: "nom")?.value.text == "y")
        #expect(root.pair(named: "nom")?.value.text == "z")
    }

    @Test("Un nom de champ qui est une liste est refusé")
    func keyThatIsAList() throws {
        let problem = try #require(Self.problem("? [a, b]\n: 1\n"), "a list as a key was read")
        #expect(problem.message == "un nom de champ doit être du texte, pas une liste")
    }

    @Test("Un séparateur de ligne invisible (U+2028, U+2029) est refusé à sa place : YAML y couperait la ligne", arguments: ["\u{2028}", "\u{2029}"])
    func lineSeparators(_ separator: String) throws {
        let text = "titre: \"D\u{2019}abord\"\nresume: \"Un \u{E9}t\u{E9}\(separator) de chantier\"\nlieu: Brest\n"
        let problem = try #require(Self.problem(text), "a line separator was read")
        #expect(problem.message.contains(separator == "\u{2028}" ? "U+2028" : "U+2029"))
        #expect(problem.location?.line == 2 && problem.location?.column == 16)
    }
}
