import Foundation
import ShowcaseFoundation

/// The day a build is made for: the machine's today, or the day `SHOWCASE_AUJOURDHUI` names (`2025-12-05`), to
/// preview the site as it will be after a ceremony, or to pin a test.
package enum BuildDate {
    package static let variable = "SHOWCASE_AUJOURDHUI"

    package static func today() -> PartialDate {
        if let given = ProcessEnvironment.value(variable), let date = PartialDate(iso: given) { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let pad = { (value: Int) in value < 10 ? "0\(value)" : String(value) }
        return PartialDate(iso: "\(parts.year ?? 2000)-\(pad(parts.month ?? 1))-\(pad(parts.day ?? 1))")!
    }
}
