/// showcase's version, said in one place: `showcase --version`, the pages' `generator` meta tag and the open data.
public enum ShowcaseVersion {
    public static let current = "0.6.0"
    /// Where showcase's sources are published, each release tagged with its version: the CI files `init` writes
    /// fetch and build showcase from there (`init --depot` names another copy, such as an institution's mirror).
    public static let sourceRepository = "https://github.com/showcase-vitrine/showcase.git"
    /// `showcase 0.6.0`, as pages and data name what made them.
    public static var generator: String { "showcase " + current }
}
