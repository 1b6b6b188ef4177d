import ShowcaseFoundation

/// Where a project's parts live, as paths on disk and as the paths shown to people.
public struct ProjectPaths: Sendable {
    public let root: String
    public let output: String
    /// The address the site is published at, when given on the command line (`--base-url`, for a preview
    /// deployment): it replaces `base_url` from showcase.yaml.
    public let baseURL: String?

    public static let contentFolder = "content"
    public static let templatesFolder = "templates"
    package static let assetsFolder = "templates/assets"
    public static let configFile = "showcase.yaml"
    public static let catalogueFile = "indicateurs.yaml"

    /// - Parameters:
    ///   - root: the project folder (`.` by default).
    ///   - output: the output folder; relative paths are taken from the project folder. Default `site`.
    package init(root: String, output: String? = nil, baseURL: String? = nil) {
        self.root = root
        self.baseURL = baseURL
        let chosen = output ?? "site"
        self.output = chosen.hasPrefix("/") ? chosen : Path.join(root, chosen)
    }

    /// The output folder as shown to people: relative to the project when inside it, like the content files.
    package var shownOutput: String {
        guard root != ".", output.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return output }
        return String(output.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
    }

    /// The path on disk of a project-relative path.
    public func onDisk(_ relative: String) -> String { Path.join(root, relative) }
}
