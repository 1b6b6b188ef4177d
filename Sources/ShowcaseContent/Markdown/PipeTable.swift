import ShowcaseFoundation

/// A GitHub-style pipe table, found in the lines of a paragraph libcmark read as text (libcmark has no table
/// extension): a header row, a delimiter row (`|---|:---:|`), then body rows. Its cells go through the same
/// Markdown rendering as the rest of the story, one by one.
struct PipeTable {
    enum Alignment {
        case none, left, center, right
    }

    let header: [String]
    let alignments: [Alignment]
    let rows: [[String]]

    /// `nil` unless `lines` are a table: a header row with a pipe, then a delimiter row of as many columns.
    init?(lines: [Substring]) {
        guard lines.count >= 2, lines[0].contains("|") else { return nil }
        let header = Self.cells(lines[0])
        let delimiters = Self.cells(lines[1])
        guard header.count == delimiters.count, !header.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for delimiter in delimiters {
            let trimmed = delimiter.trimmingWhitespace
            let dashes = trimmed.trimmingCharacters(in: [":"])
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (trimmed.hasPrefix(":"), trimmed.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (false, true): alignments.append(.right)
            case (true, false): alignments.append(.left)
            case (false, false): alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        // A row has the header's number of cells: missing ones are empty, extra ones dropped, as on GitHub.
        rows = lines.dropFirst(2).map { line in
            let cells = Self.cells(line)
            return Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
        }
    }

    /// The cells of one row: split on `|` not escaped by `\`, outer pipes optional, each trimmed.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character == "|" ? "|" : "\\" + String(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        let trimmedLine = String(line).trimmingWhitespace
        if trimmedLine.hasPrefix("|") { cells.removeFirst() }
        if trimmedLine.hasSuffix("|"), !trimmedLine.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        return cells.map(\.trimmingWhitespace)
    }

    /// The table's HTML; `cell` renders one cell's Markdown (inline).
    func html(cell: (String) -> String) -> String {
        func attributes(_ column: Int) -> String {
            switch alignments[column] {
            case .none, .left: ""
            case .center: " class=\"aligne-centre\""
            case .right: " class=\"aligne-droite\""
            }
        }
        var html = "<div class=\"tableau\">\n<table>\n<thead>\n<tr>"
        for (column, text) in header.enumerated() { html += "<th scope=\"col\"\(attributes(column))>\(cell(text))</th>" }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>"
                for (column, text) in row.enumerated() { html += "<td\(attributes(column))>\(cell(text))</td>" }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n</div>\n"
    }
}
