import ShowcaseFoundation

/// Characters a text file should not hold, found byte by byte (this runs over every file of every build):
/// NUL and the other control characters but tab and line end (C0, DEL, C1), and the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a title read differently from what
/// its bytes say, and the non-characters U+FFFE and U+FFFF, which XML refuses. Left-to-right and right-to-left marks (U+200E, U+200F) are ordinary typography and pass.
enum InvisibleCharacters {
    private enum Kind: CaseIterable {
        case nul, control, direction
    }

    static func find(in bytes: [UInt8], file: SourceFile) -> [Diagnostic] {
        var first: [Kind: (offset: Int, scalar: UInt32)] = [:]
        var counts: [Kind: Int] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer) { kind, scalar, offset in
                if first[kind] == nil { first[kind] = (offset, scalar) }
                counts[kind, default: 0] += 1
                return true
            }
        }
        return Kind.allCases.compactMap { kind in
            guard let (offset, scalar) = first[kind] else { return nil }
            let location = TextDecoder.location(ofByte: offset, in: bytes, file: file)
            let others = (counts[kind] ?? 1) - 1
            let more = others == 0 ? "" : " (et \(others) autre\(others > 1 ? "s" : "") dans le fichier)"
            switch kind {
            case .nul:
                return .error(.controlCharacter, "le fichier contient un caractère nul (U+0000)\(more) : ce n'est sans doute pas du texte",
                              at: location,
                              help: "ouvrez-le dans un éditeur de texte et réenregistrez-le en UTF-8 ; une photo ou un PDF se place à côté de la fiche et se cite dans `images`")
            case .control:
                return .error(.controlCharacter, "caractère de contrôle invisible \(Self.name(scalar))\(more)", at: location,
                              help: "supprimez-le : il vient souvent d'un copier-coller depuis un PDF ou un traitement de texte")
            case .direction:
                return .error(.directionCharacter,
                              "caractère invisible de direction du texte \(Self.name(scalar))\(more) : il peut faire lire le texte dans un autre ordre que celui où il est écrit",
                              at: location,
                              help: "supprimez-le ; pour un mot en arabe ou en hébreu, le navigateur trouve seul le sens d'écriture")
            }
        }
    }

    /// The first refused character of a YAML value as decoded, when it was written as an escape inside double
    /// quotes (`"\u202E"`, `"\0"`, `"\e"`): the file's bytes hold none, the value does. `nil` when there is none.
    static func refusedInDecodedValue(_ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation)
        -> (scalar: UInt32, diagnostic: Diagnostic)? {
        var found: (kind: Kind, scalar: UInt32)?
        scan(bytes) { kind, scalar, _ in
            found = (kind, scalar)
            return false
        }
        guard let found else { return nil }
        let help = "supprimez cet échappement `\\…` : un caractère invisible n'a pas sa place dans une valeur publiée"
        switch found.kind {
        case .nul, .control:
            return (found.scalar, .error(
                .controlCharacter, "caractère de contrôle invisible \(name(found.scalar)), écrit par un échappement entre guillemets",
                at: location, help: help))
        case .direction:
            return (found.scalar, .error(
                .directionCharacter,
                "caractère invisible de direction du texte \(name(found.scalar)), écrit par un échappement entre guillemets : il peut faire lire le texte dans un autre ordre que celui où il est écrit",
                at: location, help: help))
        }
    }

    /// Calls `visit` with each refused character (its kind, scalar and byte offset) until it returns false.
    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ visit: (Kind, UInt32, Int) -> Bool) {
        var index = 0
        while index < buffer.count {
            // Eight printable ASCII bytes at a time, nearly all of a file: none below 0x20, none from 0x7F up.
            if index + 8 <= buffer.count {
                let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- ones &* 0x20) & ~word & highBits
                let fromDelete = ((word &+ ones) | word) & highBits
                let flagged = belowSpace | fromDelete
                if flagged == 0 {
                    index += 8
                    continue
                }
                // The lowest flag marks the first byte to look at (a flag above it may be a borrow's echo): an
                // accented letter costs one step, not eight.
                index += flagged.littleEndian.trailingZeroBitCount / 8
            }
            let byte = buffer[index]
            var found: (Kind, UInt32, Int)?
            if byte < 0x20 {
                if byte != 0x09, byte != 0x0A { found = (byte == 0 ? .nul : .control, UInt32(byte), 1) }
            } else if byte == 0x7F {
                found = (.control, 0x7F, 1)
            } else if byte == 0xC2, index + 1 < buffer.count, (0x80...0x9F).contains(buffer[index + 1]) {
                found = (.control, UInt32(buffer[index + 1]), 2)
            } else if byte == 0xE2, index + 2 < buffer.count {
                let second = buffer[index + 1], third = buffer[index + 2]
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    found = (.direction, 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F), 3)
                }
            } else if byte == 0xEF, index + 2 < buffer.count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE {
                // U+FFFE and U+FFFF are not characters: XML refuses them, and the feed would no longer parse.
                found = (.control, 0xFFC0 | UInt32(buffer[index + 2] & 0x3F), 3)
            }
            if let (kind, scalar, length) = found {
                guard visit(kind, scalar, index) else { return }
                index += length
            } else {
                index += 1
            }
        }
    }

    /// Whether a file holds characters that show it is not text at all (NUL, other controls): then nothing
    /// more is read from it.
    static func blockReading(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.code == .controlCharacter }
    }

    /// `U+000C`
    private static func name(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
