import Foundation

/// One content file read as far as it could be: its text (for quoting in diagnostics), the case study when
/// its front matter could be read, and every problem found.
public struct ReadCaseStudy: Sendable {
    public var file: SourceFile
    public var study: CaseStudy?
    public var diagnostics: [Diagnostic]
    /// Fingerprint of the file's bytes, to know whether a later build may reuse this reading.
    public var sourceHash: UInt64 = 0
    /// Fingerprint of the front matter alone: what lists show of the entry comes from there.
    public var frontMatterHash: UInt64 = 0

    /// What the entry's card is made of: the front matter and the photos as published (content-named paths and
    /// sizes). Lists are rendered again when it changes; a change to the story alone leaves them as they are.
    public var cardFingerprint: UInt64 {
        var images = Fingerprint()
        for image in study?.images ?? [] {
            images.add(image.outputPath)
            images.add(image.info?.width ?? -1)
            images.add(image.info?.height ?? -1)
        }
        var card = Fingerprint()
        card.add(file.path)
        card.add(frontMatterHash)
        card.add(images.value)
        return card.value
    }
}

/// Reads one case study file: bytes → text → front matter and body → YAML nodes → typed `CaseStudy`.
public struct CaseStudyReader: Sendable {
    public let parser: CaseStudyParser

    public init(parser: CaseStudyParser) {
        self.parser = parser
    }

    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: its path as shown to people (`content/angresse.md`).
    public func read(_ bytes: [UInt8], path: String) -> ReadCaseStudy {
        var result = parse(bytes, path: path)
        result.sourceHash = ContentHash.hash(bytes)
        return result
    }

    private func parse(_ bytes: [UInt8], path: String) -> ReadCaseStudy {
        let (file, decodingProblems) = TextDecoder.decode(bytes, path: path)
        if InvisibleCharacters.blockReading(decodingProblems) {
            return ReadCaseStudy(file: file, study: nil, diagnostics: decodingProblems)
        }
        var diagnostics = decodingProblems + PlaceholderCheck.scan(file)
        let slug = Slug.fromFileName(Path.lastComponent(path))
        if let problem = Slug.problem(withFileName: Path.lastComponent(path), path: path) { diagnostics.append(problem) }

        let split: SplitDocument
        switch FrontMatterSplitter.split(file) {
        case .failure(let problem): return ReadCaseStudy(file: file, study: nil, diagnostics: diagnostics + [problem])
        case .success(let document): split = document
        }
        var frontMatter = split.frontMatter
        let frontMatterHash = frontMatter.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) }
        let front: YAMLNode?
        switch YAMLReader.read(split.frontMatter, in: file, firstLine: split.frontMatterFirstLine) {
        case .failure(let problem): return ReadCaseStudy(file: file, study: nil, diagnostics: diagnostics + [problem])
        case .success(let node): front = node
        }
        let (study, schemaProblems) = parser.parse(front, body: split, file: file, slug: slug)
        return ReadCaseStudy(file: file, study: study, diagnostics: diagnostics + schemaProblems, frontMatterHash: frontMatterHash)
    }
}

/// Page names in URLs, made from file names: lowercase ASCII letters, digits and hyphens.
public enum Slug {
    /// `Collège d'Angresse` → `college-d-angresse`; `2ᵉ lot` → `2e-lot`; `Œuvre` → `oeuvre`.
    public static func make(_ text: String) -> String {
        // Most names already are slugs (file names chosen by `showcase new`): no Unicode work for them.
        if isSlug(text) { return text }
        var slug = ""
        let ligatures: [Character: String] = ["œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"]
        let plain = String(text.flatMap { ligatures[$0] ?? String($0) }).decomposedStringWithCompatibilityMapping
        for scalar in plain.lowercased().unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Lowercase ASCII letters and digits, joined by single hyphens.
    static func isSlug(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    static func fromFileName(_ name: String) -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return make(stem)
    }

    /// A file name that is not already its slug is reported: URLs must not depend on how a name is encoded.
    static func problem(withFileName name: String, path: String) -> Diagnostic? {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let slug = make(stem)
        guard stem != slug else { return nil }
        return .error(.invalidFileName, "le nom de fichier « \(name) » ne peut pas servir d'adresse de page",
                      at: .startOf(path),
                      help: slug.isEmpty ? "renommez le fichier avec des lettres sans accent, des chiffres et des tirets"
                          : "renommez le fichier en « \(slug).md » (minuscules sans accent, chiffres et tirets)")
    }
}
