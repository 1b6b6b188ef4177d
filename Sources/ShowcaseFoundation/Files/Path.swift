/// Small operations on slash-separated paths, without touching the disk.
package enum Path {
    package static func join(_ base: String, _ component: String) -> String {
        if base.isEmpty || base == "." { return component }
        if component.isEmpty { return base }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    package static func join(_ base: String, _ components: String...) -> String {
        components.reduce(base) { join($0, $1) }
    }

    /// The folder holding `path` (`a/b/c.md` → `a/b`); `.` for a bare name.
    package static func parent(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Whether `inner` is `outer` or lies inside it.
    package static func isSame(_ inner: String, orInside outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// Whether `path` is a plain relative path that stays where it starts: not absolute, no `.` or `..`
    /// component, no empty component, no NUL byte. Paths read back from files showcase wrote (the site's marker)
    /// must pass before anything is written or deleted at them.
    package static func isConfinedRelative(_ path: String) -> Bool {
        // One pass over the bytes, no array: the marker of a 10 000-page site is checked at every build.
        var length = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case 0:
                return false
            case UInt8(ascii: "/"):
                if length == 0 || (dots == length && dots <= 2) { return false }  // "", "." or ".."
                (length, dots) = (0, 0)
            default:
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && dots <= 2)
    }

    /// The last component without its extension (`a/b/chantier.jpg` → `chantier`).
    package static func stem(_ path: String) -> String {
        lastComponent(path).split(separator: ".").dropLast().joined(separator: ".")
    }

    /// The last component (`a/b/c.md` → `c.md`).
    package static func lastComponent(_ path: String) -> String {
        // The usual case, on bytes: every content file's name is taken here.
        if let last = path.utf8.last, last != UInt8(ascii: "/") {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
            return String(path[path.utf8.index(after: slash)...])
        }
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
