import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent
@testable import ShowcaseSite

/// The CI files `showcase init` writes (issue 16, point 4): their structure as GitHub and GitLab read it, and
/// their commands, run as the CI runs them, with the real executable, in the project `init` created.
@Suite("CI et publication écrites par showcase init", .serialized)
struct HostingTests {
    static let github = ".github/workflows/showcase.yml"
    static let gitlab = ".gitlab-ci.yml"

    static func newProject(sourceRepository: String = ShowcaseVersion.sourceRepository) throws -> String {
        let folder = TestSupport.temporaryFolder() + "/vitrine"
        _ = try ProjectCreator().newProject(at: folder, today: PartialDate(iso: "2026-12-01")!,
                                            sourceRepository: sourceRepository)
        return folder
    }

    static func yaml(_ path: String, in folder: String) throws -> YAMLNode {
        let text = TestSupport.text(folder + "/" + path)
        return try #require(try YAMLReader.read(text, in: SourceFile(path: path, text: text)).get())
    }

    /// Runs one CI shell step as the runner does (`sh -e`), with the built `showcase` first on the PATH.
    static func runStep(_ script: String, in folder: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        variables["PATH"] = Path.parent(CommandLineTests.executable) + ":" + (variables["PATH"] ?? "/usr/bin:/bin")
        variables["NO_COLOR"] = "1"
        return try InstallTests.shell("cd '\(folder)' && set -e\n" + script, environment: variables)
    }

    /// The shell steps that use showcase (not those that install it).
    static func showcaseSteps(_ scripts: [String]) -> [String] {
        scripts.filter { $0.contains("showcase ") && !$0.contains("script/install") && !$0.contains("GITHUB_PATH") }
    }

    static func githubSteps(_ workflow: YAMLNode) -> [(run: String, environment: [String: String])] {
        workflow["jobs"]?["site"]?["steps"]?.items.compactMap { step in
            step["run"]?.text.map { run in
                (run, Dictionary(uniqueKeysWithValues: step["env"]?.pairs.map { ($0.key.value, $0.value.text ?? "") } ?? []))
            }
        } ?? []
    }

    @Test("GitHub Actions : chaque modification vérifiée, la branche main construite et publiée sur GitHub Pages")
    func githubStructure() throws {
        let folder = try Self.newProject()
        let workflow = try Self.yaml(Self.github, in: folder)
        #expect(workflow["on"]?["push"]?["branches"]?.items.compactMap(\.text) == ["main"])
        #expect(workflow["on"]?["pull_request"] != nil)
        #expect(workflow["env"]?["SHOWCASE_VERSION"]?.text == ShowcaseVersion.current)
        #expect(workflow["env"]?["SHOWCASE_DEPOT"]?.text?.contains(ShowcaseVersion.sourceRepository) == true)
        let site = try #require(workflow["jobs"]?["site"])
        #expect(site["container"]?.text == "swift:6.2-bookworm")
        let uses = site["steps"]?.items.compactMap { $0["uses"]?.text } ?? []
        #expect(uses.contains("actions/checkout@v4") && uses.contains("actions/cache@v4") && uses.contains("actions/configure-pages@v5"))
        let upload = site["steps"]?.items.first { $0["uses"]?.text == "actions/upload-pages-artifact@v3" }
        #expect(upload?["with"]?["path"]?.text == "site")
        let checks = Self.githubSteps(workflow).map(\.run).filter { $0.contains("showcase check") }
        #expect(checks == ["showcase check --format github"])
        let publish = try #require(workflow["jobs"]?["publier"])
        #expect(publish["needs"]?.text == "site")
        #expect(publish["permissions"]?["pages"]?.text == "write" && publish["permissions"]?["id-token"]?.text == "write")
        #expect(publish["environment"]?["name"]?.text == "github-pages")
        #expect(publish["steps"]?.items.first?["uses"]?.text == "actions/deploy-pages@v4")
        #expect(publish["if"]?.text?.contains("refs/heads/main") == true)
    }

    @Test("GitLab CI : rapport Code Quality gardé même en échec, GitLab Pages depuis la branche par défaut")
    func gitlabStructure() throws {
        let folder = try Self.newProject(sourceRepository: "https://gitlab.departement.fr/outils/showcase.git")
        let pipeline = try Self.yaml(Self.gitlab, in: folder)
        #expect(pipeline["variables"]?["SHOWCASE_DEPOT"]?.text == "https://gitlab.departement.fr/outils/showcase.git")
        #expect(pipeline["variables"]?["SHOWCASE_VERSION"]?.text == ShowcaseVersion.current)
        #expect(pipeline["default"]?["image"]?.text == "swift:6.2-bookworm")
        #expect(pipeline["default"]?["cache"]?["paths"]?.items.compactMap(\.text) == [Scaffold.installedToolFolder + "/"])
        #expect(pipeline["stages"]?.items.compactMap(\.text) == ["verifier", "publier"])
        let verify = try #require(pipeline["verifier"])
        #expect(verify["artifacts"]?["reports"]?["codequality"]?.text == "gl-code-quality-report.json")
        #expect(verify["artifacts"]?["when"]?.text == "always")
        let pages = try #require(pipeline["pages"])
        #expect(pages["stage"]?.text == "publier")
        #expect(pages["artifacts"]?["paths"]?.items.compactMap(\.text) == ["public"])
        #expect(pages["rules"]?.items.first?["if"]?.text == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
    }

    @Test("Les commandes des deux CI passent dans le projet créé, et publient à l'adresse de Pages")
    func commandsRun() throws {
        let folder = try Self.newProject()
        let workflow = try Self.yaml(Self.github, in: folder)
        let steps = Self.githubSteps(workflow).filter { !Self.showcaseSteps([$0.run]).isEmpty }
        #expect(steps.count == 2)
        for step in steps {
            // The expression GitHub would fill in: the Pages address on main, nothing on a pull request.
            let pages = step.environment.mapValues { _ in "https://departement.github.io/vitrine" }
            let run = try Self.runStep(step.run, in: folder, environment: pages)
            #expect(run.status == 0, "\(step.run)\n\(run.output)")
            if step.run.contains("build") {
                #expect(TestSupport.text(folder + "/site/sitemap.xml").contains("https://departement.github.io/vitrine/"))
            }
            let pullRequest = try Self.runStep(step.run, in: folder, environment: step.environment.mapValues { _ in "" })
            #expect(pullRequest.status == 0, "\(step.run)\n\(pullRequest.output)")
        }
        let pipeline = try Self.yaml(Self.gitlab, in: folder)
        for job in ["verifier", "pages"] {
            let script = Self.showcaseSteps(pipeline[job]?["script"]?.items.compactMap(\.text) ?? []).joined(separator: "\n")
            let run = try Self.runStep(script, in: folder, environment: ["CI_PAGES_URL": "https://departement.gitlab.io/vitrine"])
            #expect(run.status == 0, "\(script)\n\(run.output)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/gl-code-quality-report.json")))
        #expect((report as? [Any]) != nil)
        #expect(TestSupport.text(folder + "/public/sitemap.xml").contains("https://departement.gitlab.io/vitrine/"))
    }

    @Test("Une fiche invalide arrête la CI avant la publication ; le rapport GitLab la situe")
    func invalidEntryStops() throws {
        let folder = try Self.newProject()
        TestSupport.write(["content/essai.md": Sample.replacing("valeur: 24", with: "valeur: -24")], into: folder)
        let workflow = try Self.yaml(Self.github, in: folder)
        let check = try #require(Self.githubSteps(workflow).first { $0.run.contains("showcase check") })
        let github = try Self.runStep(check.run, in: folder)
        #expect(github.status == 1)
        #expect(github.output.contains("::error file=content/essai.md,line="))
        let pipeline = try Self.yaml(Self.gitlab, in: folder)
        let script = Self.showcaseSteps(pipeline["verifier"]?["script"]?.items.compactMap(\.text) ?? []).joined(separator: "\n")
        let gitlab = try Self.runStep(script, in: folder)
        #expect(gitlab.status == 1)
        #expect(gitlab.output.contains("--> content/essai.md:"))
        #expect(TestSupport.text(folder + "/gl-code-quality-report.json").contains("\"path\":\"content/essai.md\""))
        #expect(FileSystem.disk.kind(folder + "/site") == nil)
    }

    @Test("La CI installe showcase par script/install, avec les bibliothèques de l'image Docker")
    func installStepsMatchRepository() throws {
        let folder = try Self.newProject()
        let dockerfile = TestSupport.text(TestSupport.packageRoot + "/Dockerfile")
        let runtime = try #require(dockerfile.components(separatedBy: "FROM debian:bookworm-slim").last)
        let libraries = try #require(runtime.components(separatedBy: "--no-install-recommends ").dropFirst().first?
            .components(separatedBy: " \\").first)
        for file in [Self.github, Self.gitlab] {
            let text = TestSupport.text(folder + "/" + file)
            #expect(text.contains("--no-install-recommends git ca-certificates " + libraries + "\n"), "\(file)")
            #expect(text.contains("--branch \"$SHOWCASE_VERSION\" \"$SHOWCASE_DEPOT\""), "\(file)")
            #expect(!text.contains("{{depot}}") && !text.contains("{{version}}"), "\(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: TestSupport.packageRoot + "/script/install"))
        // The install scripts are valid shell as written.
        let gitlab = try Self.yaml(Self.gitlab, in: folder)
        for script in gitlab["default"]?["before_script"]?.items.compactMap(\.text) ?? [] {
            #expect(try InstallTests.shell("sh -n -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", environment: [:]).status == 0)
        }
    }
}

extension YAMLNode {
    subscript(key: String) -> YAMLNode? {
        pair(named: key)?.value
    }
}
