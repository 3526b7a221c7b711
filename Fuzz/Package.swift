// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for aimslint's parsers (Fuzz/README.md). Build them only through
// scripts/fuzz.sh, which passes `-sanitize=fuzzer`: each target starts libFuzzer's driver.

// SwiftPM names a path dependency after its folder, which is whatever the clone was called.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let core = Target.Dependency.product(name: "AimslintCore", package: mainPackage)

/// One executable per parser; `fuzz-NAME` reads its seeds from corpus/NAME.
let fuzzTargets = ["markdown", "jsonld", "yaml", "config", "waivers", "rules"]

let package = Package(
    name: "AimslintFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [core]),
    ] + fuzzTargets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: [core, "FuzzDriver", "FuzzSupport"])
    },
    swiftLanguageModes: [.v6]
)
