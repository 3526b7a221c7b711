import Foundation
import XCTest
@testable import Documents

/// SPEC §8: hostile input is a problem with a location, never a crash, hang or unbounded growth —
/// also on a secondary thread's small stack, and with parsers running concurrently.
final class RobustnessTests: XCTestCase {
    /// Runs `body` on a thread with a 512 KiB stack, the size macOS gives secondary threads.
    private func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
    }

    func testDeepYAMLOnASmallStack() {
        let inputs = [
            String(repeating: "[", count: 100_000),
            String(repeating: "{a: ", count: 2000),
            String(repeating: "- ", count: 5000) + "x",
            (0..<900).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v",
        ]
        for input in inputs {
            onSmallStack {
                guard case let .failure(problem) = YAMLDocument.parse(input) else {
                    return XCTFail("deep YAML must be rejected")
                }
                XCTAssertEqual(problem.kind, .tooDeep, problem.description)
            }
        }
    }

    func testNestingJustUnderTheInlineLimitIsFineOnASmallStack() {
        let depth = (YAMLStackGuard.inlineLimit - 4) / 2
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertLessThanOrEqual(YAMLStackGuard.nestingBound(text), YAMLStackGuard.inlineLimit, "runs inline")
        onSmallStack {
            guard case .success(.some) = YAMLDocument.parse(text) else { return XCTFail("must parse") }
        }
    }

    func testDeepMarkdownOnASmallStack() {
        let inputs = [
            String(repeating: ">", count: 100_000) + " x",
            String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000),
            (0..<3000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined(),
            String(repeating: "[", count: 50_000) + "x" + String(repeating: "](u)", count: 50_000),
            String(repeating: "<!--", count: 20_000),
        ]
        for input in inputs {
            onSmallStack {
                let document = MarkdownDocument.parse(input)
                XCTAssertFalse(document.preamble.isEmpty && document.sections.isEmpty, "content is kept")
                XCTAssertEqual(document.lineCount, input.filter { $0 == "\n" }.count + (input.hasSuffix("\n") ? 0 : 1))
            }
        }
    }

    func testDeepJSONOnASmallStack() {
        onSmallStack {
            guard case let .failure(problem) = JSONDocument.parse(String(repeating: "[{\"a\":", count: 50_000)) else {
                return XCTFail("deep JSON must be rejected")
            }
            XCTAssertEqual(problem.kind, .tooDeep)
        }
    }

    func testMalformedFrontMatterShapes() {
        let shapes = ["---\n", "---\n---\n", "---\n: :\n---\n", "---\n- [\n---\n", "---\n\t- x\n---\n",
                      "---\n*undefined\n---\n", "---\n!!binary ***\n---\n", "---\n" + String(repeating: "[", count: 3000) + "\n---\n"]
        for shape in shapes {
            let document = MarkdownDocument.parse(shape)
            XCTAssertNotNil(document.frontMatter, shape)
            if let problem = document.frontMatter?.problem {
                XCTAssertGreaterThanOrEqual(problem.location.line, 1, shape)
            }
        }
        XCTAssertEqual(MarkdownDocument.parse("---\n").frontMatter?.problem?.kind, .frontMatter)
        XCTAssertNil(MarkdownDocument.parse("---\n---\n").frontMatter?.problem, "empty front matter is fine")
    }

    func testConcurrentParsingGivesIdenticalResults() throws {
        let text = try Fixtures.text("hf-template-card.md")
        let expected = MarkdownDocument.parse(text)
        let results = ConcurrentResults(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.store(MarkdownDocument.parse(text).sections, at: index)
        }
        XCTAssertEqual(results.values.compactMap { $0 }.count, 16)
        for sections in results.values {
            XCTAssertEqual(sections, expected.sections)
        }
    }

    func testBinaryLookingTextStillParses() {
        let document = MarkdownDocument.parse("# T\n\u{0}\u{1}\u{7F}\u{FFFD}\n")
        XCTAssertEqual(document.sections.count, 1)
    }
}

/// Collects one value per concurrent iteration.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Section]?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: [Section], at index: Int) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [[Section]?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
