import ShowcaseFoundation

/// A date as precise as its source: a year (`2020`), a month (`2021-11`) or a day (`2025-12-17`), in ISO form;
/// a season (`printemps 2024`) or a span of years (`2018-2024`), as sources also say.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int?
    package let day: Int?
    package private(set) var season: Season?
    /// The last year of a span (`2018-2024`).
    package private(set) var endYear: Int?

    /// The seasons, with the months they cover in France (winter: the first months of its year).
    package enum Season: Int, Sendable, CaseIterable {
        case winter = 24, spring = 21, summer = 22, autumn = 23

        var name: String {
            switch self {
            case .winter: "hiver"
            case .spring: "printemps"
            case .summer: "été"
            case .autumn: "automne"
            }
        }

        var months: ClosedRange<Int> {
            switch self {
            case .winter: 1...3
            case .spring: 3...6
            case .summer: 6...9
            case .autumn: 9...12
            }
        }

        init?(name: String) {
            switch name.lowercased() {
            case "hiver": self = .winter
            case "printemps": self = .spring
            case "été", "ete": self = .summer
            case "automne": self = .autumn
            default: return nil
            }
        }
    }

    /// An ISO date, a season (`printemps 2024`) or a span of years (`2018-2024`).
    package init?(written text: String) {
        // Nearly every date of every file is ISO: read first, from its bytes.
        if let date = PartialDate(iso: text) {
            self = date
            return
        }
        if let (first, last) = Self.yearSpan(text) {
            self.init(year: first, endYear: last)
            return
        }
        let bytes = Array(text.utf8)
        if let space = bytes.firstIndex(of: UInt8(ascii: " ")) {
            guard let season = Season(name: String(decoding: bytes[..<space], as: UTF8.self)),
                  let year = Int(String(decoding: bytes[(space + 1)...], as: UTF8.self)), (1000...9999).contains(year) else { return nil }
            self.init(year: year, season: season)
            return
        }
        return nil
    }

    private init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
        season = nil
        endYear = nil
    }

    /// `2018-2024`: two years of four digits, the first before the second, looked at byte by byte.
    package static func yearSpan(_ text: String) -> (first: Int, last: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 9, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let first = Int(String(text.prefix(4))), let last = Int(String(text.suffix(4))),
              (1000...9999).contains(first), first < last else { return nil }
        return (first, last)
    }

    private init(year: Int, season: Season? = nil, endYear: Int? = nil) {
        self.year = year
        month = nil
        day = nil
        self.season = season
        self.endYear = endYear
    }

    /// `2025-12-17`, `2021-11` or `2020`, and nothing else (four-digit year, two-digit month and day, a real day
    /// of that month); read from the bytes, without building strings.
    package init?(iso text: String) {
        var year = 0, month = 0, day = 0, field = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                guard field < 2, digits == (field == 0 ? 4 : 2) else { return nil }
                field += 1
                digits = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < (field == 0 ? 4 : 2) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch field {
                case 0: year = year * 10 + digit
                case 1: month = month * 10 + digit
                default: day = day * 10 + digit
                }
                digits += 1
            default:
                return nil
            }
        }
        guard digits == (field == 0 ? 4 : 2), (1000...9999).contains(year) else { return nil }
        guard field == 0 || (1...12).contains(month) else { return nil }
        guard field < 2 || (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(year: year, month: field >= 1 ? month : nil, day: field == 2 ? day : nil)
    }

    /// `2025-12-17`, `2021-11` or `2020`; a season and a span in the Extended Date/Time Format (ISO 8601-2):
    /// `2024-21` (spring), `2018/2024`.
    public var description: String {
        if let season { return "\(year)-\(season.rawValue)" }
        if let endYear { return "\(year)/\(endYear)" }
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    /// What `<time datetime>` accepts: the ISO date, or the first year of a season or a span.
    package var htmlDatetime: String { season != nil || endYear != nil ? String(year) : description }

    /// `17 décembre 2025`, `novembre 2021`, `2020`, `printemps 2024`, `de 2018 à 2024`.
    package var french: String {
        if let season { return "\(season.name) \(year)" }
        if let endYear { return "de \(year) à \(endYear)" }
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day == 1 ? "1er" : String(day)) \(name) \(year)"
    }

    /// Whether `other` falls within this date as written: `2025-03` covers `2025-03-18`, `2025` covers both.
    package func covers(_ other: PartialDate) -> Bool {
        other.earliest >= earliest && other.latest <= latest
    }

    /// The first and last days this date may mean, as (year, month, day).
    package var earliest: (Int, Int, Int) { (year, month ?? season?.months.lowerBound ?? 1, day ?? 1) }
    var latest: (Int, Int, Int) {
        let lastMonth = month ?? season?.months.upperBound ?? 12
        return (endYear ?? year, lastMonth, day ?? Self.daysIn(month: lastMonth, year: endYear ?? year))
    }

    /// True when this date surely comes after `other`, whatever the imprecise parts turn out to be.
    package func isSurelyAfter(_ other: PartialDate) -> Bool { earliest > other.latest }

    /// On a timeline: a season where its first month is, a span where it starts, a shorter span first.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? lhs.season?.months.lowerBound ?? 0, lhs.day ?? 0, lhs.endYear ?? 0)
            < (rhs.year, rhs.month ?? rhs.season?.months.lowerBound ?? 0, rhs.day ?? 0, rhs.endYear ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The fix for a date written the French way (`17/12/2025`, `décembre 2025`).
    /// The fix for a date written another way, as the whole line `key: date` so that it can be copied there.
    static func help(forUnreadable text: String, key: String) -> String {
        let slashParts = text.split(separator: "/")
        if slashParts.count == 3, slashParts.allSatisfy({ Int($0) != nil }) {
            let (d, m, y) = (slashParts[0], slashParts[1], slashParts[2])
            let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
            return "écrivez la date à l'envers, avec des tirets : `\(key): \(y)-\(pad(m))-\(pad(d))`"
        }
        let words = text.lowercased().split(separator: " ")
        if words.count == 2, let month = monthNames.firstIndex(of: String(words[0])), Int(words[1]) != nil {
            return "écrivez l'année puis le mois, avec un tiret : `\(key): \(words[1])-\(month + 1 < 10 ? "0" : "")\(month + 1)`"
        }
        return "écrivez AAAA-MM-JJ, AAAA-MM, l'année seule, une saison (`printemps 2024`) ou des années (`2018-2024`), d'une date qui existe, par exemple `\(key): 2025-12-17`"
    }
}
