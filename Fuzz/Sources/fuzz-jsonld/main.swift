import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint

/// Croissant and other JSON(-LD) artifacts: the JSON parser and the `@context` reader, then
/// every key expanded, compacted and traced to its prefix.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let lineCount = FuzzCheck.lineCount(of: String(decoding: bytes, as: UTF8.self))
    switch ArtifactReader.parse(bytes, path: "data/a/croissant.json") {
    case .json(let node):
        let context = JSONLDContext(document: node)
        var budget = 2000
        visit(node, context: context, lineCount: lineCount, budget: &budget)
    case .unreadable(let problem):
        FuzzCheck.requireInside(problem.location, lineCount: lineCount, "JSON problem")
    case .markdown, .yaml, .lfsPointer:
        break
    }
    return 0
}

private func visit(_ node: JSONNode, context: JSONLDContext, lineCount: Int, budget: inout Int) {
    guard budget > 0 else { return }
    budget -= 1
    FuzzCheck.requireInside(node.location, lineCount: lineCount, "JSON value")
    for member in node.members ?? [] {
        FuzzCheck.requireInside(member.keyLocation, lineCount: lineCount, "JSON key")
        let expanded = context.expand(member.key)
        _ = context.compact(expanded)
        _ = context.prefixUsed(by: member.key)
        if let value = member.value.string { _ = context.expand(value) }
        visit(member.value, context: context, lineCount: lineCount, budget: &budget)
    }
    for item in node.array ?? [] {
        visit(item, context: context, lineCount: lineCount, budget: &budget)
    }
}

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
