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
    /// 0 when the build stopped on errors (nothing was written).
    public var pagesWritten: Int
    public var output: String
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}
