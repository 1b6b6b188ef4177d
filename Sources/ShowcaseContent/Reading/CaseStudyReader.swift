import Foundation
import ShowcaseFoundation

/// One content file read as far as it could be: its text (for quoting in diagnostics), the case study when
/// its front matter could be read, and every problem found.
package struct ReadCaseStudy: Sendable {
    package var file: SourceFile
    package var study: CaseStudy?
    package var diagnostics: [Diagnostic]
    /// Fingerprint of the file's bytes, to know whether a later build may reuse this reading (0 when the reader
    /// did not take fingerprints).
    package var sourceHash: UInt64 = 0
    /// Fingerprint of the front matter alone: what lists show of the entry comes from there (0 likewise).
    package var frontMatterHash: UInt64 = 0

    package init(file: SourceFile, study: CaseStudy?, diagnostics: [Diagnostic], sourceHash: UInt64 = 0, frontMatterHash: UInt64 = 0) {
        self.file = file
        self.study = study
        self.diagnostics = diagnostics
        self.sourceHash = sourceHash
        self.frontMatterHash = frontMatterHash
    }

    /// What the entry's card is made of: the front matter and the photos as published (content-named paths and
    /// sizes). Lists are rendered again when it changes; a change to the story alone leaves them as they are.
    package var cardFingerprint: UInt64 {
        var images = Fingerprint()
        for image in study?.images ?? [] {
            for variant in image.variants {
                images.add(variant.path)
                images.add(variant.height)
            }
        }
        var card = Fingerprint()
        card.add(file.path)
        card.add(frontMatterHash)
        card.add(images.value)
        return card.value
    }
}

/// Reads one case study file: bytes → text → front matter and body → YAML nodes → typed `CaseStudy`.
package struct CaseStudyReader: Sendable {
    package var parser: CaseStudyParser
    /// Whether readings carry the fingerprints a build compares with its memory; `check` and `export` remember
    /// nothing, and save hashing every file twice.
    package var fingerprints = true

    package init(parser: CaseStudyParser) {
        self.parser = parser
    }

    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: its path as shown to people (`content/angresse.md`).
    package func read(_ bytes: [UInt8], path: String) -> ReadCaseStudy {
        var result = parse(bytes, path: path)
        if fingerprints { result.sourceHash = ContentHash.hash(bytes) }
        return result
    }

    private func parse(_ bytes: [UInt8], path: String) -> ReadCaseStudy {
        let (file, decodingProblems) = TextDecoder.decode(bytes, path: path)
        if InvisibleCharacters.blockReading(decodingProblems) {
            return ReadCaseStudy(file: file, study: nil, diagnostics: decodingProblems)
        }
        var diagnostics = decodingProblems + PlaceholderCheck.scan(file)
        let name = Path.lastComponent(path), slug = Slug.fromFileName(name)
        if let problem = Slug.problem(withFileName: name, slug: slug, path: path) { diagnostics.append(problem) }

        let split: SplitDocument
        switch FrontMatterSplitter.split(file) {
        case .failure(let problem): return ReadCaseStudy(file: file, study: nil, diagnostics: diagnostics + [problem])
        case .success(let document): split = document
        }
        var frontMatter = split.frontMatter
        let frontMatterHash = fingerprints ? frontMatter.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) } : 0
        let front: YAMLNode?
        switch YAMLReader.read(split.frontMatter, in: file, firstLine: split.frontMatterFirstLine) {
        case .failure(let problem): return ReadCaseStudy(file: file, study: nil, diagnostics: diagnostics + [problem])
        case .success(let node): front = node
        }
        let (study, schemaProblems) = parser.parse(front, body: split, file: file, slug: slug)
        // A text still to fill in may wait in a draft; in a case study to publish, it is an error.
        if !study.isDraft { diagnostics = diagnostics.map(PlaceholderCheck.blocking) }
        return ReadCaseStudy(file: file, study: study, diagnostics: diagnostics + schemaProblems, frontMatterHash: frontMatterHash)
    }
}
