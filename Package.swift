// swift-tools-version:6.0
import PackageDescription

// Module graph (dependencies point one way):
//   aimslint → Reports, History, Rules → Lint → Documents, Catalog, GitKit → CLibGit2
//   Documents → CMarkGFM, Yams
let package = Package(
    name: "aimslint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aimslint", targets: ["aimslint"]),
        // Parsers, policy decoders and rules, for the libFuzzer targets under Fuzz/ (not a public API).
        .library(name: "AimslintCore", targets: ["Documents", "Lint", "Rules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        .target(name: "Documents", dependencies: ["CMarkGFM", "Yams"]),
        .target(name: "Catalog"),
        .target(name: "Lint", dependencies: ["GitKit", "Documents", "Catalog"]),
        .target(name: "Rules", dependencies: ["Lint", "Documents", "Catalog"]),
        .target(name: "Reports", dependencies: ["Lint", "Catalog"]),
        .target(name: "History", dependencies: ["Lint", "GitKit", "Catalog", "Documents"]),
        .executableTarget(
            name: "aimslint",
            dependencies: [
                "Lint", "Rules", "Reports", "History", "GitKit", "Catalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Sources/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "TestSupport"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Rules", "TestSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Lint", "GitKit", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Rules", "Lint", "GitKit", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Rules", "Lint", "GitKit", "TestSupport"]),
        .testTarget(name: "aimslintTests", dependencies: ["aimslint", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
