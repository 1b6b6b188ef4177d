// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "showcase",
    // `Mutex` and `String(validating:as:)` need macOS 15; Linux needs nothing declared.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "showcase", targets: ["showcase"]),
    ],
    // `showcase serve` and its server stack (Hummingbird, SwiftNIO) are a trait, on by default: a binary built
    // with `--disable-default-traits` (`script/install --no-serve`, the container image) leaves them out.
    traits: [
        .trait(name: "PreviewServer", description: "`showcase serve`, the writer's live preview (Hummingbird)."),
        .default(enabledTraits: ["PreviewServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Tests only: reads back the open-data CSV with a real CSV parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Tests only: property-based tests (random mutations of valid files, shrunk to the smallest failure).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev; the only importer is ShowcaseContent/Markdown.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libyaml from Debian's libyaml-dev; the only importer is ShowcaseContent/Reading/YAMLReader.swift, which
        // composes its events into positioned nodes (Yams' node layer cost twice libyaml's own parsing).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // libvips from Debian's libvips-dev (the library sharp is built on), for photos; reached through the C
        // shim below, whose only importer is ShowcaseImages/Vips.swift. Its headers only: the shim opens the
        // library on first use (linked, its hundred-odd libraries cost every run 37 ms of loading), so the
        // package asked of pkg-config is GLib's, whose include paths libvips' headers need.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "glib-2.0",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // Non-variadic C entry points to libvips: Swift cannot call its variadic option lists.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        // The pipeline's stages as libraries in a one-way chain, each importing only the ones before it:
        // foundation → images → content → (templates) → pages → site → server → the `showcase` executable.
        //
        // What every stage shares: diagnostics and how they print, paths and the file system, hashes, numbers.
        .target(name: "ShowcaseFoundation"),
        // Photos: what a file's header says, and its published variants (upright, without metadata, in several
        // widths, WebP and JPEG). The only importer of libvips.
        .target(
            name: "ShowcaseImages",
            dependencies: ["ShowcaseFoundation", "CVipsShim"]
        ),
        // Reading a project's text: files → front matter → YAML → typed schema and its rules → indicators;
        // Markdown bodies. The only importers of libcmark and libyaml.
        .target(
            name: "ShowcaseContent",
            dependencies: ["ShowcaseFoundation", "ShowcaseImages", "CMark", "CYAML"]
        ),
        // A Mustache template engine that knows nothing of pages: our own renderer, because swift-mustache's
        // dynamic lookups made the pages listing 10 000 entries take 15 s (see the scale issue's note).
        .target(
            name: "ShowcaseTemplates",
            dependencies: ["ShowcaseFoundation"]
        ),
        // What the site shows, as data: page models, totals, comparisons, open data, the search index.
        .target(
            name: "ShowcasePages",
            dependencies: ["ShowcaseFoundation", "ShowcaseImages", "ShowcaseContent", "ShowcaseTemplates"]
        ),
        // The build: loading a project, rendering, writing the output folder, remembering what was done;
        // `showcase new` and `init`.
        .target(
            name: "ShowcaseSite",
            dependencies: ["ShowcaseFoundation", "ShowcaseImages", "ShowcaseContent", "ShowcaseTemplates", "ShowcasePages"],
            // The default templates and catalogue (the repository's templates/ and indicateurs.yaml link here)
            // and the files `showcase new` and `showcase init` write (CI files included).
            resources: [.copy("Resources/Skeleton"), .copy("Resources/Scaffold"), .copy("Resources/Hosting")]
        ),
        // The writer's preview server (`showcase serve`): the only importer of Hummingbird.
        .target(
            name: "ShowcaseServer",
            dependencies: [
                "ShowcaseFoundation",
                "ShowcaseContent",
                "ShowcaseSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        // The thin command-line front end: argument parsing and exit codes only.
        .executableTarget(
            name: "showcase",
            dependencies: [
                "ShowcaseFoundation",
                "ShowcaseContent",
                "ShowcaseSite",
                .target(name: "ShowcaseServer", condition: .when(traits: ["PreviewServer"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer target (`script/fuzz`): a content file's whole path, and a photo, from arbitrary bytes.
        .executableTarget(
            name: "ShowcaseFuzz",
            dependencies: ["ShowcaseSite", "ShowcaseImages"]
        ),
        .testTarget(
            name: "ShowcaseTests",
            dependencies: [
                "ShowcaseFoundation", "ShowcaseImages", "ShowcaseContent", "ShowcaseTemplates", "ShowcasePages",
                "ShowcaseSite", "ShowcaseServer",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
