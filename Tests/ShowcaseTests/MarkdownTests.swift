import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseTemplates
@testable import ShowcasePages
@testable import ShowcaseSite

@Suite("Rendu Markdown")
struct MarkdownTests {
    static func render(_ markdown: String, firstLine: Int = 1) -> RenderedMarkdown {
        let file = SourceFile(path: "content/f.md", text: String(repeating: "\n", count: firstLine - 1) + markdown)
        return MarkdownRenderer().render(markdown, file: file, firstLine: firstLine)
    }

    @Test("Le Markdown courant devient du HTML, les intertitres commencent au niveau 2")
    func basics() {
        let rendered = Self.render("# Le besoin\n\nDu *texte* et un [lien](https://exemple.fr).\n\n## Détail\n\n- un\n- deux\n")
        #expect(rendered.html == """
            <h2 id="section-le-besoin">Le besoin</h2>
            <p>Du <em>texte</em> et un <a href="https://exemple.fr">lien</a>.</p>
            <h3 id="section-detail">Détail</h3>
            <ul>
            <li>un</li>
            <li>deux</li>
            </ul>

            """)
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test("Des intertitres déjà au niveau 2 restent au niveau 2")
    func headingsAlreadyLevelTwo() {
        #expect(Self.render("## A\n\n### B\n").html == "<h2 id=\"section-a\">A</h2>\n<h3 id=\"section-b\">B</h3>\n")
    }

    @Test("Le schéma d'un lien : lettres, chiffres et +-. avant les deux-points, en minuscules", arguments: [
        ("JavaScript:alert(1)", "javascript"), ("https://exemple.fr", "https"), ("mailto:a@b.fr", "mailto"), ("c++.x-1:y", "c++.x-1"),
        ("/chemin/page.html", nil), ("page.html#ancre", nil), ("page.html", nil), (":rien", nil), ("a b:c", nil), ("é:x", nil),
        ("java\u{0}script:x", nil), ("?q=a:b", nil), ("", nil),
    ] as [(String, String?)])
    func linkScheme(_ input: (String, String?)) {
        #expect(URLRules.scheme(of: input.0) == input.1)
    }

    @Test("Aucun script, aucun gestionnaire d'événement, aucun lien javascript: n'atteint la page", arguments: [
        "<script>alert(1)</script>",
        "Texte <img src=x onerror=alert(1)> suite",
        "<a href=\"https://x\" onclick=\"alert(1)\">clic</a>",
        "[clic](javascript:alert(1))",
        "[clic](JavaScript:alert(1))",
        "[clic](<javascript:alert(1)>)",
        "![image](javascript:alert(1))",
        "[clic](data:text/html;base64,PHNjcmlwdD4=)",
        "[clic](vbscript:msgbox)",
        "<iframe src=\"https://x\"></iframe>",
        "<svg onload=alert(1)>",
    ])
    func hostile(_ markdown: String) {
        let html = Self.render(markdown).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onload"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text"))
        #expect(!html.contains("<iframe"))
    }

    @Test("Le HTML brut et les liens refusés sont signalés à leur ligne et colonne dans le fichier")
    func warnings() {
        let rendered = Self.render("Un paragraphe.\n\nVoir [ici](ftp://x) et <b>gras</b>.\n", firstLine: 10)
        #expect(rendered.diagnostics.map(\.code) == [.unsafeLink, .rawHTMLIgnored, .rawHTMLIgnored])
        #expect(rendered.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(rendered.diagnostics.compactMap(\.location).map { "\($0.line):\($0.column)" } == ["12:6", "12:24", "12:31"])
        #expect(rendered.html == "<p>Un paragraphe.</p>\n<p>Voir <a href=\"\">ici</a> et <!-- raw HTML omitted -->gras<!-- raw HTML omitted -->.</p>\n")
    }

    @Test("Les colonnes comptent les caractères, pas les octets, après des lettres accentuées")
    func columnsAfterAccents() {
        let rendered = Self.render("Équipé à <i>x</i>\n")
        #expect(rendered.diagnostics.first?.location?.column == 10)
    }

    @Test("Les adresses http, https, mailto et relatives sont gardées", arguments: [
        "https://exemple.fr", "http://exemple.fr", "mailto:achats@exemple.fr", "../autre/", "#sources", "page.html",
    ])
    func allowedLinks(_ url: String) {
        let rendered = Self.render("[a](\(url))")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html.contains("href=\"\(url)\""))
    }
}

/// Pipe tables in stories (issue 12, point 9), on libcmark's tree: libcmark stays the one Markdown dependency.
@Suite("Tableaux dans le récit")
struct PipeTableTests {
    static func render(_ body: String) -> RenderedMarkdown {
        MarkdownRenderer().render(body, file: SourceFile(path: "content/essai.md", text: body), firstLine: 1)
    }

    @Test("Un tableau à barres verticales devient un tableau accessible, ses cellules en Markdown, alignées")
    func table() {
        let html = Self.render("Avant.\n\n| Lot | Objet | Montant |\n|---|:---:|---:|\n| 1 | Casiers **neufs** | 48 000 € |\n| 2 | a \\| b |\n\nAprès.\n").html
        #expect(html.contains("<p>Avant.</p>"))
        #expect(html.contains("<tr><th scope=\"col\">Lot</th><th scope=\"col\" class=\"aligne-centre\">Objet</th><th scope=\"col\" class=\"aligne-droite\">Montant</th></tr>"))
        #expect(html.contains("<tr><td>1</td><td class=\"aligne-centre\">Casiers <strong>neufs</strong></td><td class=\"aligne-droite\">48 000 €</td></tr>"))
        // A short row is filled, an escaped pipe stays in its cell.
        #expect(html.contains("<tr><td>2</td><td class=\"aligne-centre\">a | b</td><td class=\"aligne-droite\"></td></tr>"))
        #expect(html.contains("<p>Après.</p>"))
    }

    @Test("Dans une cellule, le HTML et les liens dangereux sont traités comme ailleurs, signalés une fois à leur place")
    func unsafeCells() {
        let rendered = Self.render("| A | B |\n|---|---|\n| [x](javascript:alert(1)) | <script>y</script> |\n")
        #expect(!rendered.html.contains("javascript:"))
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.rawHTMLIgnored, .rawHTMLIgnored, .unsafeLink])
        #expect(rendered.diagnostics.first { $0.code == .unsafeLink }?.location?.column == 3)
    }

    @Test("Ce qui n'est pas un tableau reste du texte : pas de ligne de séparation, ou dans un bloc de code", arguments: [
        "a | b\nc | d\n", "```\n| a | b |\n|---|---|\n```\n", "| a | b |\n|---|\n",
    ])
    func notTables(_ body: String) {
        #expect(!Self.render(body).html.contains("<table>"))
    }
}
