import ShowcaseFoundation
import ShowcaseImages

/// Reads the photos a case study names: each must exist beside it and be an image libvips reads; what its header
/// says and the content-named files it is published as are recorded on the case study.
package enum ImageResolver {
    /// Photos beyond this size are refused rather than copied into every visitor's download.
    static let maximumSize: Int64 = 20 << 20

    package static func resolve(_ read: inout ReadCaseStudy, files: ProjectFiles) {
        guard var study = read.study, !study.images.isEmpty else { return }
        for index in study.images.indices {
            let image = study.images[index]
            // Beside the case study, which may sit in a sub-folder of `content/`.
            let typed = Path.join(Path.parent(study.path), image.file.value)
            let relative = files.kind(typed) == nil ? Self.sameName(as: typed, files: files) ?? typed : typed
            study.images[index].projectPath = relative
            let bytes: [UInt8]
            let stamp = files.fileSystem.stamp(files.paths.onDisk(relative))
            study.images[index].stamp = stamp
            do throws(FileSystemError) {
                guard files.kind(relative) == .file else {
                    throw FileSystemError(operation: "lire", path: relative, code: 2)
                }
                if let size = stamp?.size, size > maximumSize {
                    read.diagnostics.append(.error(
                        .fileTooLarge, "la photo « \(relative) » pèse \(FrenchNumber.megabytes(size)) : au-delà de \(FrenchNumber.megabytes(maximumSize)), elle alourdirait trop les pages",
                        at: image.file.location, help: "réduisez-la : 2 000 pixels de large suffisent à l'écran comme à l'impression"))
                    continue
                }
                bytes = try files.fileSystem.readFile(files.paths.onDisk(relative))
            } catch {
                read.diagnostics.append(.error(
                    .imageNotFound, "la photo « \(relative) » est introuvable", at: image.file.location,
                    help: "vérifiez le nom du fichier (majuscules et accents compris) et qu'il est bien à côté de la fiche, dans « \(Path.parent(study.path)) »"))
                continue
            }
            let facts: PhotoFacts
            switch Photos.facts(bytes) {
            case .success(let found): facts = found
            case .failure(let error):
                read.diagnostics.append(Self.unreadable(relative, error, at: image.file.location))
                continue
            }
            if let problem = Self.problem(relative, facts, at: image.file.location) {
                read.diagnostics.append(problem)
                if problem.severity == .error { continue }
            }
            let name = Slug.make(Path.stem(image.file.value))
            study.images[index].facts = facts
            study.images[index].variants = PublishedPhoto.variants(
                base: "images/\(name.isEmpty ? "photo" : name)-\(ContentHash.hex(bytes))", facts: facts)
        }
        read.study = study
    }

    /// The file whose name is the one typed but for how its accents are encoded: a photo copied from a Mac is
    /// named `e` + accent where a keyboard types `é`, and the writer sees the same name on both sides. `nil`
    /// when there is not exactly one.
    static func sameName(as relative: String, files: ProjectFiles) -> String? {
        let folder = Path.parent(relative), name = Path.lastComponent(relative)
        guard !name.utf8.allSatisfy({ $0 < 0x80 }),
              let entries = try? files.fileSystem.listDirectory(files.paths.onDisk(folder)) else { return nil }
        // Swift strings compare equal when canonically equivalent.
        let alike = entries.filter { $0.isValidName && $0.name == name }
        return alike.count == 1 ? Path.join(folder, alike[0].name) : nil
    }

    private static func unreadable(_ path: String, _ error: PhotoError, at location: SourceLocation) -> Diagnostic {
        switch error {
        case .library(let reason):
            return .error(.invalidImage, "les photos ne peuvent pas être lues : la bibliothèque libvips ne démarre pas (\(reason))",
                          at: location, help: "installez-la : `script/install-dependencies` (paquet Debian libvips-dev)")
        case .unreadable:
            return .error(.invalidImage, "« \(path) » n'est pas une image lisible (JPEG, PNG, GIF ou WebP), ou le fichier est abîmé",
                          at: location, help: "ouvrez-la dans un logiciel de photo et réenregistrez-la en JPEG")
        }
    }

    /// What a photo's header says that a writer should know: too large to decode is an error; too small for the
    /// page, an animation (only its first frame is published) or CMYK colours (converted to screen colours)
    /// are warnings. A 16-bit photo is converted to 8 bits without a word.
    private static func problem(_ path: String, _ facts: PhotoFacts, at location: SourceLocation) -> Diagnostic? {
        if facts.megapixels > PhotoWidths.maximumMegapixels {
            return .error(.fileTooLarge, "« \(path) » fait \(facts.width) × \(facts.height) pixels (\(Int(facts.megapixels.rounded())) mégapixels) : au-delà de \(Int(PhotoWidths.maximumMegapixels)), elle n'est pas publiée",
                          at: location, help: "réduisez-la à 4 000 pixels de large : c'est plus que ce qu'un écran ou une impression montrent")
        }
        if facts.isAnimated {
            return .warning(.photoAdjusted, "« \(path) » est une animation de \(facts.pages) images : seule la première est publiée",
                            at: location, help: "pour montrer un mouvement, décrivez-le dans le récit ; une photo fixe s'imprime et se charge mieux")
        }
        if facts.isCMYK {
            return .warning(.photoAdjusted, "« \(path) » est en couleurs d'imprimerie (CMJN) : elle est convertie en couleurs d'écran, ses teintes peuvent changer",
                            at: location, help: "demandez la photo en RVB (sRGB), la version prévue pour le web")
        }
        if facts.width < PhotoWidths.minimumForPage {
            return .warning(.photoAdjusted, "« \(path) » ne fait que \(facts.width) pixel\(facts.width > 1 ? "s" : "") de large : elle paraîtra floue dans la page",
                            at: location, help: "une photo de \(PhotoWidths.minimumForPage) pixels de large au moins reste nette à l'écran")
        }
        return nil
    }
}
