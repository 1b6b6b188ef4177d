#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation

/// Turns the bytes of a project file into text the rest of the pipeline can trust.
///
/// Files saved on Windows are accepted as they are: a UTF-8 byte-order mark is dropped and CRLF (or a lone CR)
/// becomes LF. Bytes that are not UTF-8 (a file saved as Latin-1 by an old editor) give one diagnostic pointing at
/// the first bad byte; the text is still decoded, with U+FFFD in their place, so that the other problems of the
/// file can be reported in the same run. Invisible characters that have no place in a text (NUL and other
/// control characters, which PDFs and word processors leave behind; the bidirectional overrides that make a
/// text display in another order than it is written) are refused, each kind once per file, at its first place.
package enum TextDecoder {
    package static func decode(_ bytes: [UInt8], path: String) -> (file: SourceFile, diagnostics: [Diagnostic]) {
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let hasCarriageReturn = bytes.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), buffer.count) != nil } ?? false
        }
        // Nearly every file has neither a byte order mark nor a carriage return: then it is used as it is, uncopied.
        let normalized = hasMark || hasCarriageReturn ? normalizeLineEnds(bytes[(hasMark ? 3 : 0)...]) : bytes
        // Valid UTF-8, the common case, is checked once, by the standard library's fast validation.
        let valid = String(validating: normalized, as: UTF8.self)
        let file = SourceFile(path: path, text: valid ?? String(decoding: normalized, as: UTF8.self))
        var diagnostics = InvisibleCharacters.find(in: normalized, file: file)
        guard valid == nil, let bad = firstInvalidUTF8Offset(normalized) else { return (file, diagnostics) }

        let diagnostic = Diagnostic.error(
            .invalidUTF8, "le fichier n'est pas encodé en UTF-8 (octet 0x\(hex(normalized[normalized.startIndex + bad])))",
            at: location(ofByte: bad, in: normalized, file: file),
            help: "enregistrez le fichier en UTF-8 (dans votre éditeur : « Enregistrer sous », encodage « UTF-8 »)")
        diagnostics.insert(diagnostic, at: 0)
        return (file, diagnostics)
    }

    /// Where a byte offset of the decoded text lies, in lines and characters.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: SourceFile) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return file.location(line: line, column: column, length: 1)
    }

    private static func normalizeLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasCR) { out.append(byte) }
            previousWasCR = false
        }
        return out
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return index
            }
            guard index + length <= count else { return index }
            guard (low...high).contains(bytes[index + 1]) else { return index }
            for next in 2..<length where !(0x80...0xBF).contains(bytes[index + next]) { return index }
            index += length
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
