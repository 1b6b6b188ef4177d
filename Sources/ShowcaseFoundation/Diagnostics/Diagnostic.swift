/// How serious a problem is: an error fails `check` and stops `build`; a warning does so only under `--strict`.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// One problem found in the user's files or environment, as data. Turning it into text is the job of
/// `DiagnosticRenderer` (for people) or `DiagnosticEncoder` (for machines), never of the code that finds it.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    /// What is wrong, in French, one sentence without a final full stop.
    public var message: String
    /// Where; `nil` only for problems of the environment (a missing folder, a full disk).
    public var location: SourceLocation?
    /// How to fix it, in French.
    public var help: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        at location: SourceLocation?, help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.help = help
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, help: help)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, help: help)
    }
}

extension Array where Element == Diagnostic {
    /// Files first in path order, then line and column; problems without a place come first.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            }
        }.map(\.element)
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A diagnostic can stand for a failed step (`Result<_, Diagnostic>`) where one problem stops that step.
extension Diagnostic: Error {}

/// A failure of the environment rather than of the content (missing folder, permissions, full disk):
/// `showcase` exits with status 2 and prints the diagnostic it carries.
public struct EnvironmentError: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, help: String? = nil) {
        diagnostic = .error(code, message, at: location, help: help)
    }
}
