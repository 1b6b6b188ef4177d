/// Numbers for machines: a point, no grouping, no trailing zeros (`9000`, `5.6`).
package enum MachineNumber {
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let (negative, integer, fraction) = FrenchNumber.parts(value, decimals: nil)
        return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
    }
}
