import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// What `check` found.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files diagnostics point into, to quote their lines.
    public var sources: [String: SourceFile]
    public var entryCount: Int
}

/// What `build` did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    public var entryCount: Int
    /// Pages of the site (entries and lists); 0 when the build stopped on errors (nothing was written).
    public var pagesWritten: Int
    /// Of those, the pages rendered by this build (the others were kept from the previous one, unchanged).
    public var pagesRendered: Int
    public var output: String
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// What the writer should know that is not a problem of the content (a build cache that could not be used).
    public var notices: [String] = []
    /// Photo variants encoded by this build (the others came from the photo store).
    public var photosEncoded = 0

    public var succeeded: Bool { !diagnostics.hasErrors }
}
