import Foundation
import Testing
@testable import ShowcaseFoundation

/// `script/install` (issue 16, point 1): a release build installed for one user, that works from a new shell with
/// only its folder on the PATH. It builds showcase in release mode (minutes): run in CI (`CI=true`) or on request
/// (`SHOWCASE_TEST_INSTALL=1`).
@Suite("Installation", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["SHOWCASE_TEST_INSTALL"] == "1"))
struct InstallTests {
    static func shell(_ command: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let system = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Runs script/install with `arguments` for a new user whose HOME is a temporary folder.
    static func install(_ arguments: String = "") throws -> (home: String, status: Int32, output: String) {
        let home = TestSupport.temporaryFolder()
        let swift = ProcessInfo.processInfo.environment["PATH"] ?? system
        let run = try shell("\(TestSupport.packageRoot)/script/install \(arguments)", environment: ["HOME": home, "PATH": swift])
        return (home, run.status, run.output)
    }

    @Test("script/install, puis showcase init et build dans un nouveau shell qui n'a que ~/.local/bin dans son PATH")
    func installThenUse() throws {
        let install = try Self.install()
        let home = install.home, system = Self.system
        #expect(install.status == 0, "\(install.output)")
        #expect(install.output.contains("est installé dans \(home)/.local/bin/showcase"))
        #expect(install.output.contains("Ajoutez-le au PATH"))
        // A new shell: the Swift toolchain is not on its PATH, only the user's bin folder and the system's.
        let use = try Self.shell("cd \"$HOME\" && showcase --version && showcase init vitrine >/dev/null && cd vitrine && showcase build",
                                 environment: ["HOME": home, "PATH": "\(home)/.local/bin:\(system)"])
        #expect(use.status == 0, "\(use.output)")
        #expect(use.output.hasPrefix(ShowcaseVersion.current + "\n"))
        #expect(FileSystem.disk.kind(home + "/vitrine/site/index.html") == .file)
        let libraries = try Self.shell("ldd \(home)/.local/lib/showcase/showcase", environment: ["PATH": system])
        #expect(!libraries.output.contains("libswift") && !libraries.output.contains("libFoundation"), "\(libraries.output)")
        // generate-manual drops non-ASCII characters: script/install gets the accents through as roff escapes.
        #expect(TestSupport.text(home + "/.local/share/man/man1/showcase.1").contains("G\\[u00E9]n\\[u00E8]re le site vitrine"))
        // The container's runtime stage installs exactly the packages of the libraries the binary links directly,
        // and libvips', which it opens at the first photo (CVipsShim) rather than links.
        let needed = try Self.shell("readelf -d \(home)/.local/lib/showcase/showcase | sed -n 's/.*Shared library: \\[\\(.*\\)\\]/\\1/p'",
                                    environment: ["PATH": system])
        #expect(!needed.output.contains("libvips"), "\(needed.output)")
        var packages = Set<String>()
        let neededLibraries: [String] = needed.output.split(separator: "\n").map(String.init) + ["libvips.so.42"]
        for library in neededLibraries {
            let owner = try Self.shell("dpkg -S '*/\(library)' | head -1 | cut -d: -f1", environment: ["PATH": system])
            packages.insert(owner.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let base: Set = ["libc6", "libstdc++6", "libgcc-s1"]
        let dockerfile = TestSupport.text(TestSupport.packageRoot + "/Dockerfile")
        let runtime = try #require(dockerfile.components(separatedBy: "FROM debian:bookworm-slim").last)
        let listed = Set(runtime.components(separatedBy: "--no-install-recommends ").dropFirst().first?
            .components(separatedBy: " \\").first?.split(separator: " ").map(String.init) ?? [])
        #expect(packages.subtracting(base) == listed, "paquets des bibliothèques : \(packages.sorted())")
        #expect(FileSystem.disk.kind(home + "/.local/share/bash-completion/completions/showcase") == .file)
        #expect(try Self.shell("grep -c Hummingbird \(home)/.local/lib/showcase/showcase", environment: ["PATH": system]).status == 0)
    }

    @Test("script/install --no-serve : sans l'aperçu ni sa pile serveur ; build marche, serve dit pourquoi il manque")
    func installWithoutPreview() throws {
        let install = try Self.install("--no-serve")
        let home = install.home, system = Self.system
        #expect(install.status == 0, "\(install.output)")
        let environment = ["HOME": home, "PATH": "\(home)/.local/bin:\(system)", "NO_COLOR": "1"]
        let use = try Self.shell("cd \"$HOME\" && showcase init vitrine >/dev/null && cd vitrine && showcase build", environment: environment)
        #expect(use.status == 0, "\(use.output)")
        #expect(FileSystem.disk.kind(home + "/vitrine/site/index.html") == .file)
        let serve = try Self.shell("showcase serve", environment: environment)
        #expect(serve.status == 2)
        #expect(serve.output.contains("erreur[apercu-absent]"), "\(serve.output)")
        #expect(try Self.shell("grep -c Hummingbird \(home)/.local/lib/showcase/showcase", environment: ["PATH": system]).output == "0\n")
        let unknown = try Self.install("--sans-rien")
        #expect(unknown.status == 2 && unknown.output.contains("option inconnue"))
    }
}
