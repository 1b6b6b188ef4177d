import Testing
@testable import ShowcasePages

/// The search index's excerpt of a story: its HTML as plain text, cut at a word.
@Suite("Texte brut tiré du HTML")
struct PlainTextTests {
    @Test("Balises ôtées, entités décodées, blancs réduits", arguments: [
        ("<p>Un <em>chantier</em> d&#39;insertion</p>\n<p>à Brest &amp; ailleurs</p>", "Un chantier d'insertion à Brest & ailleurs"),
        ("<h2 id=\"x\">Titre</h2><p>&lt;b&gt; &quot;cité&quot; &unknown; &amp</p>", "Titre <b> \"cité\" &unknown; &amp"),
        ("  \t<br/>  texte  \n\n fin ", "texte fin"),
        ("", ""),
        ("<p>été</p><p>œuvre</p>", "été œuvre"),
    ])
    func plain(html: String, text: String) {
        #expect(PlainText.fromHTML(html) == text)
    }

    /// Once the limit is reached the last word may be cut: it is dropped, and an ellipsis says so.
    @Test("Arrêté à la limite de caractères, accents comptés pour un, le dernier mot ôté")
    func cutAtAWord() {
        #expect(PlainText.fromHTML("<p>élan éclat étude</p>", limit: 10) == "élan …")
        #expect(PlainText.fromHTML("<p>élan éclat étude</p>", limit: 12) == "élan éclat …")
        #expect(PlainText.fromHTML("<p>élan</p>", limit: 3) == "éla")
        #expect(PlainText.fromHTML("<p>a &amp; b</p>", limit: 100) == "a & b")
    }
}
