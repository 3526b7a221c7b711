import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint

/// YAML artifacts (risk registers) through Yams with the alias and depth guards, plus the
/// `# aimslint-disable` comments read from YAML text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let lineCount = FuzzCheck.lineCount(of: text)
    switch ArtifactReader.parse(bytes, path: "models/a/risk-register.yml") {
    case .yaml(let node):
        var budget = 2000
        if let node { visit(node, lineCount: lineCount, budget: &budget) }
        _ = InlineDirective.directives(inYAML: text, path: "models/a/risk-register.yml")
    case .unreadable(let problem):
        FuzzCheck.requireInside(problem.location, lineCount: lineCount, "YAML problem")
    case .markdown, .json, .lfsPointer:
        break
    }
    return 0
}

private func visit(_ node: YAMLNode, lineCount: Int, budget: inout Int) {
    guard budget > 0 else { return }
    budget -= 1
    FuzzCheck.requireInside(node.location, lineCount: lineCount, "YAML node")
    _ = (node.string, node.bool, node.int, node.double, node.strings)
    for pair in node.pairs ?? [] {
        visit(pair.key, lineCount: lineCount, budget: &budget)
        visit(pair.value, lineCount: lineCount, budget: &budget)
    }
    for item in node.array ?? [] {
        visit(item, lineCount: lineCount, budget: &budget)
    }
}

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
