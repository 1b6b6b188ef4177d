import ShowcaseFoundation

/// The places beside an output folder that a build uses, all named after it and all outside the published tree:
/// a reader of the site, or a server that publishes dotfiles, never sees them. Each build sweeps what a killed
/// one left (`SiteWriter.recover`).
struct SiteFolders: Sendable {
    let output: String

    /// The new version's files, written there before anything in the site changes.
    var staging: String { sibling("showcase-nouveau") }
    /// What putting the new version in place does, written before it starts: a build killed halfway is
    /// finished by the next one.
    var journal: String { sibling("showcase-journal") }
    /// Held by the build writing the site (see `OutputLock`).
    var lock: String { sibling("showcase-verrou") }
    /// Older showcases' staging folders, `.site.en-cours-<pid>`.
    var legacyStagingPrefix: String { ".\(Path.lastComponent(output)).en-cours-" }
    /// What init's `.gitignore` lists so that none of these is committed: `/.site.showcase-*`.
    static func ignorePattern(forOutputNamed name: String) -> String { "/.\(name).showcase-*" }

    private func sibling(_ suffix: String) -> String {
        Path.join(Path.parent(output), ".\(Path.lastComponent(output)).\(suffix)")
    }
}
