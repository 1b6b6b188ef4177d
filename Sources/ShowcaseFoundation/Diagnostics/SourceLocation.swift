/// A place in a project file, as people count: lines and columns start at 1.
///
/// Columns count Unicode scalars (what YAML parsers report and what a French accented letter is: one column),
/// never bytes. `length` is the width of the caret line under the offending text, at least 1.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The file, by its number in `SourcePaths`, which costs nothing to copy.
    private var fileNumber: UInt32
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.init(fileNumber: SourcePaths.number(file), line: line, column: column, length: length)
    }

    /// A place in the file that `SourcePaths` numbered `fileNumber` (see `SourceFile.location`).
    init(fileNumber: UInt32, line: Int, column: Int, length: Int) {
        self.fileNumber = fileNumber
        self.line = max(1, line)
        self.column = max(1, column)
        self.length = max(1, length)
    }

    /// The path shown to people, relative to the project root (`content/angresse.md`).
    public var file: String {
        get { SourcePaths.path(fileNumber) }
        set { fileNumber = SourcePaths.number(newValue) }
    }

    /// The start of a file, for problems that concern it as a whole.
    public static func startOf(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A value read from a project file, with the place it was written: positions travel with values so that a rule
/// applied late in the pipeline can still point at the line a writer has to fix.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
