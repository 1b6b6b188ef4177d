import ShowcaseFoundation

/// Reads the photos a case study names: each must exist beside it and be a readable image; its size and the
/// content-named path it is published under are recorded on the case study.
package enum ImageResolver {
    /// Photos beyond this size are refused rather than copied into every visitor's download.
    static let maximumSize: Int64 = 20 << 20

    package static func resolve(_ read: inout ReadCaseStudy, files: ProjectFiles) {
        guard var study = read.study, !study.images.isEmpty else { return }
        for index in study.images.indices {
            let image = study.images[index]
            // Beside the case study, which may sit in a sub-folder of `content/`.
            let relative = Path.join(Path.parent(study.path), image.file.value)
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
            guard let info = ImageProbe.probe(bytes) else {
                read.diagnostics.append(.error(
                    .invalidImage, "« \(relative) » n'est pas une image JPEG, PNG, GIF ou WebP lisible",
                    at: image.file.location, help: "réenregistrez la photo en JPEG ou en PNG"))
                continue
            }
            let name = Path.lastComponent(image.file.value)
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? info.format
            study.images[index].info = info
            study.images[index].outputPath = "images/\(Slug.make(stem))-\(ContentHash.hex(bytes)).\(ext)"
        }
        read.study = study
    }
}
