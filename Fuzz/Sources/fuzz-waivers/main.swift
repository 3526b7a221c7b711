import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint

/// `.aims/waivers.yml` and `.aims/baseline.json`: the waiver decoder (rule, scope, reason,
/// owner, expiry dates) and the baseline parser, both fed the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = try? Baseline.parse(bytes, path: Policy.baselinePath)
    guard case .success(let text) = TextDecoder.decode(bytes) else { return 0 }
    let (waivers, problems) = WaiverDecoder.decode(text, knownRuleIDs: FuzzCheck.ruleIDs)
    let lineCount = FuzzCheck.lineCount(of: text)
    for problem in problems {
        FuzzCheck.requireInside(problem.location.range.start, lineCount: lineCount, "waiver problem '\(problem.message)'")
    }
    for waiver in waivers {
        _ = waiver.isExpired(today: "2025-06-30")
        _ = waiver.isJustified
    }
    return 0
}

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
