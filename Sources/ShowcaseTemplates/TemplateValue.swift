import ShowcaseFoundation

/// What a name means in a template: the values page models give the template engine, without reflection and
/// without casting: each model answers `value(named:)` with one of these.
package enum TemplateValue: Sendable {
    case missing
    /// Text, HTML-escaped by `{{ }}`, written as is by `{{{ }}}`.
    case text(String)
    case number(Int)
    case flag(Bool)
    case object(any TemplateObject)
    case list([any TemplateObject])
    case texts([String])

    /// `nil` becomes `.missing`, and so does empty text, so that `{{#x}}` hides an absent value.
    package static func optional(_ text: String?) -> TemplateValue {
        guard let text, !text.isEmpty else { return .missing }
        return .text(text)
    }

    package static func optional(_ object: (any TemplateObject)?) -> TemplateValue {
        object.map(TemplateValue.object) ?? .missing
    }
}

/// A page model a template can read: `{{titre}}` asks for `value(named: "titre")`.
package protocol TemplateObject: Sendable {
    func value(named name: String) -> TemplateValue
}
