import ShowcaseFoundation

/// A YAML value with the place it was written, independent of the YAML library that read it.
///
/// Scalars stay text: what `9000` or `2025-12-17` means is decided by the schema that expects it, not guessed
/// by the parser (so `"47"` and `47` are both the département code 47, and a word where a number is expected
/// can be reported with its exact position).
package struct YAMLNode: Sendable {
    package enum Kind: Sendable {
        case scalar(String, quoted: Bool)
        case mapping([(key: Located<String>, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    package var kind: Kind
    package var location: SourceLocation
    /// Nodes in this tree, itself included, counted once when built: what expanding an alias to it costs, known
    /// without walking a tree that aliases may have made exponentially large.
    package let size: Int

    package init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        switch kind {
        case .scalar: size = 1
        case .sequence(let items): size = 1 + items.reduce(0) { $0 + $1.size }
        case .mapping(let pairs): size = 1 + pairs.reduce(0) { $0 + 1 + $1.value.size }
        }
    }

    /// A plain scalar that YAML reads as "nothing": empty, `~` or `null`.
    package var isNull: Bool {
        if case .scalar(let text, quoted: false) = kind { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// What this node is, in words for a diagnostic: « du texte », « une liste »…
    package var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "une valeur vide" : "du texte"
        case .mapping: return "un groupe de champs"
        case .sequence: return "une liste"
        }
    }
}
