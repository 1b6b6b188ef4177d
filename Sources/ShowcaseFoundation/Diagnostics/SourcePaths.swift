import Synchronization

/// The paths of the files that positions point into, each given a number once.
///
/// A `SourceLocation` holds the number, not the path: every value read from a file carries its position, and a
/// path string is reference-counted at each copy of every one of them (`check` spent about 6 % of its time
/// counting them over 10 000 files). The table only grows, by one path per file ever read by this process.
enum SourcePaths {
    private struct Table {
        var numbers: [String: UInt32] = [:]
        var paths: [String] = []
    }

    private static let table = Mutex(Table())

    /// The number of `path`, given on its first use.
    static func number(_ path: String) -> UInt32 {
        table.withLock { table in
            if let number = table.numbers[path] { return number }
            let number = UInt32(table.paths.count)
            table.paths.append(path)
            table.numbers[path] = number
            return number
        }
    }

    static func path(_ number: UInt32) -> String {
        table.withLock { $0.paths[Int(number)] }
    }
}
