import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseTemplates

/// The template engine's Mustache, on small templates whose output is written out in full: sections, inverted
/// sections, transforms, partials (indented), layouts with blocks, and what a missing name or template gives.
@Suite("Moteur de gabarits")
struct TemplateEngineTests {
    /// A page model answering from a table.
    struct Model: TemplateObject {
        var values: [TemplateKey: TemplateValue] = [:]
        func value(for key: TemplateKey) -> TemplateValue { values[key] ?? .missing }
    }

    static func render(_ templates: [String: String], _ page: Model, template: String = "page") -> String {
        let files = templates.sorted { $0.key < $1.key }.map { (name: $0.key, file: SourceFile(path: "templates/\($0.key).mustache", text: $0.value)) }
        let (library, diagnostics) = TemplateLibrary.load(files, required: [])
        #expect(diagnostics.isEmpty)
        return String(decoding: library.render(page, template: template), as: UTF8.self)
    }

    static let items = [Model(values: [.titre: .text("un")]), Model(values: [.titre: .text("deux")]), Model(values: [.titre: .text("trois")])]

    @Test("Variables échappées ou non, nom inconnu et valeur absente")
    func variables() {
        let page = Model(values: [.titre: .text("<b>A & B</b> l'été"), .nombre: .number(42), .est_fiche: .flag(true)])
        #expect(Self.render(["page": "{{titre}}|{{{titre}}}|{{nombre}}|{{est_fiche}}|{{resume}}|{{pas_un_nom}}"], page)
            == "&lt;b&gt;A &amp; B&lt;/b&gt; l&#39;été|<b>A & B</b> l'été|42|true||")
    }

    @Test("Sections sur une liste, avec first(), last(), index() et les noms des cadres englobants")
    func listSections() {
        let page = Model(values: [.fiches: .list(Self.items), .site: .text("S")])
        #expect(Self.render(["page": "{{#fiches}}{{#first()}}[{{/first()}}{{index()}}:{{titre}}/{{site}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{/fiches}}"], page)
            == "[0:un/S, 1:deux/S, 2:trois/S]")
    }

    @Test("Sections inversées, empty() et count()")
    func invertedAndTransforms() {
        let page = Model(values: [.fiches: .list(Self.items), .adresses: .texts([]), .resume: .text("")])
        #expect(Self.render(["page": "{{count(fiches)}}{{^empty(fiches)}}+{{/empty(fiches)}}{{#empty(adresses)}}vide{{/empty(adresses)}}{{^resume}}sans{{/resume}}{{#resume}}avec{{/resume}}{{^titre}}-{{/titre}}"], page)
            == "3+videsans-")
    }

    @Test("Section sur un objet, un texte, et liste de textes parcourue avec « . »")
    func objectAndTextSections() {
        let page = Model(values: [.fiche: .object(Model(values: [.titre: .text("F")])), .resume: .text("R"), .adresses: .texts(["a", "b"])])
        #expect(Self.render(["page": "{{#fiche}}{{titre}}{{/fiche}}{{fiche.titre}}{{#resume}}<{{.}}>{{/resume}}{{#adresses}}{{.}};{{/adresses}}"], page)
            == "FF<R>a;b;")
    }

    @Test("Un partiel seul sur une ligne indentée prend l'indentation à chaque ligne ; un partiel absent n'écrit rien")
    func partials() {
        let templates = ["page": "<ul>\n  {{> partiels/item}}\n</ul>{{> absent}}\n", "partiels/item": "<li>{{titre}}</li>\n<li>fin</li>\n"]
        #expect(Self.render(templates, Model(values: [.titre: .text("T")])) == "<ul>\n  <li>T</li>\n  <li>fin</li>\n</ul>\n")
    }

    @Test("Un gabarit parent rempli par blocs : le bloc de la page la plus extérieure l'emporte, sinon le contenu par défaut")
    func layouts() {
        let templates = [
            "base": "<title>{{$titre}}défaut{{/titre}}</title><main>{{$contenu}}rien{{/contenu}}</main><p>{{$pied}}pied{{/pied}}</p>",
            "milieu": "{{<base}}{{$contenu}}milieu{{/contenu}}{{$pied}}pied du milieu{{/pied}}{{/base}}",
            "page": "{{<milieu}}{{$contenu}}page {{titre}}{{/contenu}}{{/milieu}}",
        ]
        #expect(Self.render(templates, Model(values: [.titre: .text("T")])) == "<title>défaut</title><main>page T</main><p>pied du milieu</p>")
        #expect(Self.render(templates, Model(), template: "absent") == "")
    }

    @Test("Un bloc dont le remplacement contient le même bloc s'arrête au lieu de tourner sans fin")
    func blockInsideItsOwnOverride() {
        let templates = ["base": "[{{$contenu}}défaut{{/contenu}}]", "page": "{{<base}}{{$contenu}}x{{$contenu}}y{{/contenu}}{{/contenu}}{{/base}}"]
        let output = Self.render(templates, Model())
        #expect(output.hasPrefix("[x") && output.hasSuffix("]") && output.count < 100)
    }

    @Test("Des partiels qui s'incluent l'un l'autre s'arrêtent au lieu de tourner sans fin")
    func partialLoop() {
        let output = Self.render(["page": "a{{> page}}"], Model())
        #expect(output == String(repeating: "a", count: 32))
    }
}
