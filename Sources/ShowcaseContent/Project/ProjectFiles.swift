import ShowcaseFoundation

/// The project's files as the loader may see them: symbolic links are followed only when they lead to a place
/// inside the project, so that a link cannot smuggle `/etc/passwd` into a published site.
package struct ProjectFiles: Sendable {
    let fileSystem: FileSystem
    package let paths: ProjectPaths
    private let realRoot: String

    package init(fileSystem: FileSystem, paths: ProjectPaths) {
        self.fileSystem = fileSystem
        self.paths = paths
        realRoot = fileSystem.realPath(paths.root) ?? paths.root
    }

    /// What a project-relative path is, once followed: `nil` when nothing is there or when it leads outside.
    package func kind(_ relative: String) -> FileKind? {
        guard let real = fileSystem.realPath(paths.onDisk(relative)), isInside(real) else { return nil }
        return fileSystem.kind(real)
    }

    /// True when a path exists but leads outside the project through a symbolic link.
    package func leadsOutside(_ relative: String) -> Bool {
        let path = paths.onDisk(relative)
        guard fileSystem.kind(path) != nil, let real = fileSystem.realPath(path) else { return false }
        return !isInside(real)
    }

    private func isInside(_ real: String) -> Bool {
        Path.isSame(real, orInside: realRoot)
    }

    package static func outsideWarning(_ relative: String) -> Diagnostic {
        .warning(.linkOutsideProject, "« \(relative) » est un lien symbolique vers l'extérieur du projet : il est ignoré",
                 at: nil, help: "copiez le fichier dans le projet plutôt que de le lier")
    }
}
