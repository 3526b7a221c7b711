import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint

/// `.aims/config.yml`: the strict policy decoder, then its path globs matched against a few
/// paths (including deep ones, where a naive `**` matcher blows up).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard case .success(let text) = TextDecoder.decode(Data(bytes: data, count: size)) else { return 0 }
    let policy = PolicyDecoder.decode(text, knownRuleIDs: FuzzCheck.ruleIDs)
    let lineCount = FuzzCheck.lineCount(of: text)
    for problem in policy.problems {
        FuzzCheck.require(problem.location.path == Policy.configPath, "problem in \(problem.location.path)")
        FuzzCheck.requireInside(problem.location.range.start, lineCount: lineCount, "config problem '\(problem.message)'")
    }
    for path in samplePaths {
        _ = policy.isExcluded(path)
    }
    for system in policy.systems {
        FuzzCheck.require(!system.root.hasPrefix("/") && !system.root.split(separator: "/").contains(".."),
                          "system root '\(system.root)' leaves the repository")
    }
    return 0
}

private let samplePaths = [
    "models/a/MODEL_CARD.md", "vendor/x/y/z/README.md", ".aims/systems/a/risk-assessment.md",
    Array(repeating: "a", count: 60).joined(separator: "/") + "/MODEL_CARD.md",
]

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
