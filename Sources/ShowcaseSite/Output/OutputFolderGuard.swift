import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Folders `build` refuses to write a site into, whatever they hold: the root of the disk, the home folder,
/// the project itself, its content or templates folder, a folder that contains one of them, or a folder inside
/// content or templates. A mistyped `--output` must not be able to replace what people wrote.
struct OutputFolderGuard {
    let fileSystem: FileSystem
    /// The home folder, when known (`$HOME`).
    let home: String?

    init(fileSystem: FileSystem, home: String? = ProcessEnvironment.value("HOME")) {
        self.fileSystem = fileSystem
        self.home = home
    }

    func check(_ paths: ProjectPaths) throws(EnvironmentError) {
        let output = resolved(paths.output)
        let root = resolved(paths.root)
        let refuse = { (reason: String) throws(EnvironmentError) in
            throw EnvironmentError(.unsafeOutputFolder, "le dossier de sortie « \(paths.output) » \(reason) : showcase n'y écrira pas le site",
                                   help: "choisissez un dossier réservé au site, par exemple `--output site`")
        }
        if output == "/" { try refuse("est la racine du disque") }
        if let home, Path.isSame(resolved(home), orInside: output) { try refuse("est votre dossier personnel, ou le contient") }
        if Path.isSame(root, orInside: output) { try refuse("est le dossier du projet, ou le contient") }
        for folder in [ProjectPaths.contentFolder, ProjectPaths.templatesFolder] {
            let inside = resolved(paths.onDisk(folder))
            if Path.isSame(output, orInside: inside) { try refuse("est dans le dossier « \(folder) » du projet : le site s'y mêlerait à ce que vous avez écrit") }
        }
    }

    /// The absolute path, `.` and `..` worked out, and symbolic links followed as far as the path exists.
    func resolved(_ path: String) -> String {
        var components: [String] = []
        let absolute = path.hasPrefix("/") ? path : ProcessEnvironment.currentDirectory() + "/" + path
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(component))
            }
        }
        var existing = components.count
        while existing > 0, fileSystem.realPath("/" + components[..<existing].joined(separator: "/")) == nil { existing -= 1 }
        var result = existing == 0 ? "/" : fileSystem.realPath("/" + components[..<existing].joined(separator: "/")) ?? "/"
        for component in components[existing...] { result = result == "/" ? "/" + component : result + "/" + component }
        return result
    }
}
