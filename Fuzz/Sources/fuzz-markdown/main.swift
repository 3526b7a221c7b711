import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint

/// Model cards and other Markdown artifacts: bytes → text decoding, front matter, cmark-gfm
/// sections, section text, prose spans, inline suppressions, placeholders.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    switch ArtifactReader.parse(bytes, path: "models/a/MODEL_CARD.md") {
    case .markdown(let document):
        exercise(document)
    case .unreadable(let problem):
        FuzzCheck.require(problem.location.line >= 1 && problem.location.column >= 1, "problem at \(problem.location)")
    case .json, .yaml, .lfsPointer:
        break
    }
    return 0
}

private func exercise(_ document: MarkdownDocument) {
    let lines = document.lineCount
    if let problem = document.frontMatter?.problem {
        FuzzCheck.requireInside(problem.location, lineCount: lines, "front matter problem")
    }
    for (index, section) in document.sections.enumerated() {
        FuzzCheck.requireInside(section.range.start, lineCount: lines, "section '\(section.title)'")
        FuzzCheck.require(section.level >= 1, "section level \(section.level)")
        _ = document.isSubstantive(sectionIndex: index)
        _ = document.sectionIndex(containing: section.range.start.line)
        _ = document.line(section.range.start.line)
    }
    for span in document.prose.prefix(1000) {
        FuzzCheck.requireInside(span.location, lineCount: lines, "prose span")
        _ = span.location(of: span.text.endIndex)
        _ = Placeholders.matches(in: span.text)
    }
    for key in HeadingAliases.allKeys { _ = document.firstSectionIndex(key) }
    _ = InlineDirective.directives(in: document, path: "models/a/MODEL_CARD.md")
}

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
