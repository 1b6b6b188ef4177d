#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one project file, as the rest of the pipeline sees it, with an index of its lines.
///
/// The text is already decoded (a UTF-8 byte-order mark removed, Windows CRLF line ends turned into LF), so
/// that a line shown in a diagnostic is the line as the writer typed it.
public struct SourceFile: Sendable {
    /// The path shown to people, relative to the project root.
    public let path: String
    public let text: String
    /// `path`'s number, which the locations in this file carry.
    private let pathNumber: UInt32
    /// UTF-8 offset of the start of each line; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        pathNumber = SourcePaths.number(path)
        var starts = [0]
        // Room for lines of about 30 bytes, so that the index of a fiche is seldom reallocated as it grows.
        starts.reserveCapacity(text.utf8.count / 32 + 2)
        var text = text
        // memchr from line end to line end: every file of every build is indexed here.
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of line `number` (1-based) without its line end, or `nil` past the end of the file.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// The number of the first line of `first...last` (the last line of the file by default) whose bytes,
    /// without the line end, satisfy `test`; `nil` when none does. Looks at the bytes in place, without making
    /// a substring of each line: the front matter's closing fence is looked for in every file of every build.
    public func firstLine(from first: Int, through last: Int? = nil, where test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
        let last = min(last ?? lineStarts.count, lineStarts.count)
        guard first >= 1, first <= last else { return nil }
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            for number in first...last {
                let start = lineStarts[number - 1]
                var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if test(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return number }
            }
            return nil
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// Lines `first` through `last` (1-based, inclusive) with the line ends between them; empty when `first > last`.
    public func text(fromLine first: Int, toLine last: Int) -> String {
        guard first <= last, first >= 1, first <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = lineStarts[first - 1]
        let end = last < lineStarts.count ? lineStarts[last] - 1 : utf8.count
        guard end > start else { return "" }
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// A location in this file; `column` and `length` in Unicode scalars.
    public func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(fileNumber: pathNumber, line: line, column: column, length: length)
    }

    /// Converts a 1-based column counted in UTF-8 bytes (as cmark reports) into one counted in Unicode scalars.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard let text = self.line(line) else { return byteColumn }
        let prefix = text.utf8.prefix(max(0, byteColumn - 1))
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }
}
