/// showcase's version, said in one place: `showcase --version`, the pages' `generator` meta tag and the open data.
public enum ShowcaseVersion {
    public static let current = "0.6.0"
    /// `showcase 0.6.0`, as pages and data name what made them.
    public static var generator: String { "showcase " + current }
}
