import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// An entry as a list shows it: its card (what `fiches` holds on the home, theme and feed pages) and its row of
/// the compare table. Built from the front matter alone, so that editing a story changes no list.
package final class ListedEntry: Sendable {
    /// The entry's view without its body (`corps_html`) and structured data (`json_ld`), which only its own page shows.
    package let card: EntryView
    /// One cell per indicator of the catalogue, in catalogue order: the table keeps the columns some entry fills.
    package let cells: [CellView]
    /// What the compare page's filters match (`mecanisme:… departement:47`).
    let filterKeys: String

    package init(card: EntryView, cells: [CellView], filterKeys: String) {
        self.card = card
        self.cells = cells
        self.filterKeys = filterKeys
    }

    /// Its row of the compare table, with the cells of the given columns (positions in the catalogue).
    package func row(columns: [Int]) -> RowView {
        RowView(entry: card, cells: columns.map { cells[$0] }, filterKeys: filterKeys)
    }
}
