import ShowcaseFoundation

/// What a name means in a template: the values page models give the template engine, without reflection and
/// without casting: each model answers `value(for:)` with one of these.
package enum TemplateValue: Sendable {
    case missing
    /// Text, HTML-escaped by `{{ }}`, written as is by `{{{ }}}`.
    case text(String)
    case number(Int)
    case flag(Bool)
    case object(any TemplateObject)
    /// A list of page models, read in place: looking it up boxes the array once, not each of its elements.
    case list(any TemplateList)
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

/// A page model a template can read: `{{titre}}` asks for `value(for: .titre)`.
package protocol TemplateObject: Sendable {
    func value(for key: TemplateKey) -> TemplateValue
}

/// A list a template loops over. Any array of page models is one, so that `.list(images)` costs a retain where
/// converting `[ImageView]` to `[any TemplateObject]` allocated and copied the whole array on every lookup.
package protocol TemplateList: Sendable {
    var count: Int { get }
    func item(at index: Int) -> any TemplateObject
}

extension Array: TemplateList where Element: TemplateObject {
    package func item(at index: Int) -> any TemplateObject { self[index] }
}
