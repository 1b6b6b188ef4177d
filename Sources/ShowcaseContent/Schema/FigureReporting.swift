import ShowcaseFoundation

/// How exact a reported figure is, as its source words it (`qualificatif:`).
package enum Qualifier: String, Sendable, CaseIterable {
    case approximately = "environ"
    case moreThan = "plus-de"
    case atLeast = "au-moins"
    case lessThan = "moins-de"

    /// « environ », « plus de »: placed before the number.
    package var words: String {
        switch self {
        case .approximately: "environ"
        case .moreThan: "plus de"
        case .atLeast: "au moins"
        case .lessThan: "moins de"
        }
    }

    /// A floor under the true value: the figure and any sum it enters are « at least » that much.
    package var isLowerBound: Bool { self == .moreThan || self == .atLeast }

    static let vocabulary = Vocabulary(name: "un qualificatif connu", terms: allCases.map { Term($0.rawValue, $0.words) })
}

/// What span of time a reported figure covers (`periode:`): the whole purchase, a day, a month, a year, or
/// several years.
package enum FigurePeriod: Sendable, Hashable {
    case total
    case perDay
    case perMonth
    case perYear
    case years(Int, Int)

    static let vocabulary = Vocabulary(name: "une période connue", terms: [
        Term("total", "sur toute la durée"), Term("par-jour", "par jour"), Term("par-mois", "par mois"), Term("par-an", "par an"),
    ])

    /// `total`, `par-jour`, `par-mois`, `par-an`, or `2018-2024`.
    init?(_ text: String) {
        switch text.lowercased() {
        case "total": self = .total
        case "par-jour": self = .perDay
        case "par-mois": self = .perMonth
        case "par-an": self = .perYear
        default:
            guard let (first, last) = PartialDate.yearSpan(text), first >= 1900, last <= 2100 else { return nil }
            self = .years(first, last)
        }
    }

    /// As written in the front matter and the open data.
    package var machine: String {
        switch self {
        case .total: "total"
        case .perDay: "par-jour"
        case .perMonth: "par-mois"
        case .perYear: "par-an"
        case .years(let first, let last): "\(first)-\(last)"
        }
    }

    /// « par jour », « de 2018 à 2024 »; nothing for a total.
    package var words: String? {
        switch self {
        case .total: nil
        case .perDay: "par jour"
        case .perMonth: "par mois"
        case .perYear: "par an"
        case .years(let first, let last): "de \(first) à \(last)"
        }
    }
}

/// Whether an amount is before or after tax (`taxes:`).
package enum TaxBasis: String, Sendable, CaseIterable {
    case excludingTax = "HT"
    case includingTax = "TTC"

    static let vocabulary = Vocabulary(name: "« HT » ou « TTC »", terms: [
        Term("HT", "hors taxes"), Term("TTC", "toutes taxes comprises"),
    ])

    /// After an amount: « 17 M€ HT ».
    package var suffix: String { FrenchNumber.unitSeparator + rawValue }
}
