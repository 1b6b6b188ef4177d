import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// An entry as a list shows it: its card (what `fiches` holds on the home, theme and feed pages) and its row of
/// the compare table. Built from the front matter alone, so that editing a story changes no list.
package final class ListedEntry: Sendable {
    /// The entry's view without its body (`corps_html`) and structured data (`json_ld`), which only its own page shows.
    package let card: EntryView
    /// What the compare page's filters match (`mecanisme:… departement:47`).
    let filterKeys: String
    private let storedCells: StoredCells

    /// The cells as built, or still encoded: only the compare table shows them, and a card read back for
    /// another list need not build its nine cells.
    enum StoredCells: Sendable {
        case built([CellView])
        /// Checked when the card was read, so that decoding them cannot fail.
        case encoded(ArraySlice<UInt8>)
    }

    package convenience init(card: EntryView, cells: [CellView], filterKeys: String) {
        self.init(card: card, storedCells: .built(cells), filterKeys: filterKeys)
    }

    init(card: EntryView, storedCells: StoredCells, filterKeys: String) {
        self.card = card
        self.storedCells = storedCells
        self.filterKeys = filterKeys
    }

    /// One cell per indicator of the catalogue, in catalogue order: the table keeps the columns some entry fills.
    package var cells: [CellView] {
        switch storedCells {
        case .built(let cells): cells
        case .encoded(let bytes): (try? Self.readCells(bytes)) ?? []
        }
    }

    /// Its row of the compare table, with the cells of the given columns (positions in the catalogue).
    package func row(columns: [Int]) -> RowView {
        let cells = self.cells
        return RowView(entry: card, cells: columns.map { cells[$0] }, filterKeys: filterKeys)
    }
}
