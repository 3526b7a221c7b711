import Foundation
import XCTest
@testable import Documents

/// Found by `fuzz-waivers` (Fuzz/): Yams sorts a mapping's duplicated keys with a comparison
/// that recurses twice per level of a collection key, so a 1270-byte file of nested `? - ? -`
/// keys kept `aimslint check` busy for minutes. Keys nested deeper than
/// `YAMLKeyGuard.maxKeyDepth` levels are now refused, in linear time, before Yams sees them.
final class RegressionYAMLKeyTests: XCTestCase {
    /// The input the fuzzer saved (timeout-63ccb5f5…), byte for byte.
    private static let fuzzerInput = [
            "d2FodiAgcnNyczoKdToKPyA/ICAtIC0gLSAtID8gIC0gLSA/ICAtIC0gID8gIC0gLSAtID8gIC0gLSA/ICAgPyAgLSAtIC0gPyAg",
            "LSAtID8gIC0gLSAgPyAgLSAtIC0gPyAgLSAtID8gIC0gPyAgLSAtID8gIC0gLSAgPyAgLSAtIC0gPyAgLSAtID8gICA/ICAtIC0g",
            "LSA/ICAtIC0gPyAgLSAtICA/ICAtIC0gLSA/ICAtIC0gPy0KPyAgPyAgcnMpczoKPyAgLSAtID8gIC0gLSAtID8gIC0gLSA/ICAt",
            "IC0gID8gIC0gLSAtID8gIC0gLSA/ICAgPyAgLSAtIC0gPyAgLSAtID8gIC0gLSAgPyAgLSAtIC0gIHJzcnNVOgp1Ogo/ID8gIC0g",
            "LQo/ICA/ICBycylzOgo/ICAtIC0gPyAgLSAtIC0gPyAgLSAtID8gIC0gLSAgPyAgLSAtIC0gPyAgLSAtID8gICA/ICAtIC0gLSA/",
            "ICAtIC0gPyAgLSAtICA/ICAtIC0gLSA/ICAtIC0gPyAgLSA/ICAtIC0gPyAgLSAtICA/ICAtIC0gLSA/ICAtIC0gPyAgID8gIC0g",
            "LSAtID8gIC0gLSA/ICAtIC0gID8gIC0gLSAtID8gIC0gLSA/IC0gLSA/ICAtIC0gID8gIC0gLSAtID8gIC0gLSA/ICAgPyAgLSAt",
            "IC0gPyBzOgp1Ogo/ID8gIC0gLQo/ICA/ICBycylzOgo/ICAtIC0gPyAgLSAtIC0/ICAtIC0gLSA/ICAtIC0gPyAgID8gIC0gLSAt",
            "ID8gIC0gLSA/ICAtIC0gID8gIC0gLSAtID8gIC0gLSA/LQo/ICA/ICByOylzOgo/ICAtIC0gPyAgLSAtIC0gPyAgLSAtID8gIC0g",
            "LSAgPyAgLSAtIC0gPyAgLSAtID8gICA/ICAtIC0gLSA/ICAtIC0gPyAgLSAtICA/ICAtIC0gLSAgcnNyc1U6CnU6Cj8gIC0gLSAt",
            "ID8gIC0gLSA/ICAgPyAgLSAtIC0gPyAgLSAtID8gIC0gLSAgPyAgLSAtIC0gPyAgLSAtID8tCj8gID8gIHJzKXM6Cj8gIC0gLSA/",
            "ICAtIC0gLSA/ICAtIC0gPyAgLSAtICA/ICAtIC0gLSA/ICAtIC0gPyAgID8gIC0gLT8gPyAgLSAtCj8gID8gIHJzKXM6Cj8gIC0g",
            "LSA/ICAtIC0gLSA/ICAtIC0gPyAgLSAtICA/ICAtIC0gLSA/ICAtIC0gPyAgID8gIC0gLSAtID8gIC0gLSA/ICAtIC0gID8gIC0g",
            "LSAtID8gIC0gLSA/ICAtID8gIC0gLSA/ICAtIC0gID8gIC0gLSAtID8gIC0gLSA/ICAgPyAgLSAtIC0gPyAgLSAtID8gIC0gLSAg",
            "PyAgLSAtIC0gPyAgLSAtID8gLSAtID8gIC0gLSAgPyAgLSAtIC0gPyAgLSAtID8gICA/ICAtIC0gLSA/IHM6CnU6Cj8gPyAgLSAt",
            "Cj8gID8gIHJzKXM6Cj8gIC0gLSA/ICAtID8gIC0gLSA/ICAtIC0gID8gIC0gLSAtID/MlnM6Lk5BTgo/ICByczotIAotYGBgYGBg",
            "YGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgPyAgPyA/ICBsc3VsPyBlOiBJQy0wMCAgIHkKCg==",
    ].joined()

    private func parse(_ text: String) -> (Result<YAMLNode?, ParseProblem>, TimeInterval) {
        let started = Date()
        let result = YAMLDocument.parse(text)
        return (result, Date().timeIntervalSince(started))
    }

    func testFuzzerInputIsRefusedQuickly() throws {
        let data = try XCTUnwrap(Data(base64Encoded: Self.fuzzerInput))
        XCTAssertEqual(data.count, 1270)
        let (result, seconds) = parse(String(decoding: data, as: UTF8.self))
        XCTAssertLessThan(seconds, 2)
        guard case .failure(let problem) = result else { return XCTFail("must be refused") }
        XCTAssertEqual(problem.kind, .tooDeep)
        XCTAssertEqual(problem.message, "a mapping key nests more than 8 levels deep; keys must be plain values")
        XCTAssertEqual(problem.location.line, 3)
    }

    /// Two different duplicated keys that start with the same list nested 40 levels deep: comparing
    /// them took about 2^40 steps (24 levels already took 12 s).
    func testDuplicatedDeepKeysAreRefusedQuickly() {
        let nested = String(repeating: "[", count: 40) + "e" + String(repeating: "]", count: 40)
        func key(_ leaf: String) -> String { "[\(nested), \(leaf)]" }
        let text = "\(key("a")): 1\n\(key("b")): 2\n\(key("a")): 3\n\(key("b")): 4\n"
        let (result, seconds) = parse(text)
        XCTAssertLessThan(seconds, 2)
        guard case .failure(let problem) = result else { return XCTFail("must be refused") }
        XCTAssertEqual(problem.kind, .tooDeep)
        XCTAssertEqual(problem.location, SourceLocation(line: 1, column: 9))
    }

    /// Shallow collection keys, and deep values, still parse as before.
    func testShallowKeysAndDeepValuesStillParse() throws {
        let keyed = try XCTUnwrap(try YAMLDocument.parse("? [a, b]\n: c\n[x, [y]]: d\n").get())
        XCTAssertEqual(keyed.pairs?.count, 2)
        let eight = String(repeating: "[", count: 8) + "k" + String(repeating: "]", count: 8)
        XCTAssertNotNil(try YAMLDocument.parse("\(eight): v\n").get(), "eight levels inside a key are allowed")
        let nine = String(repeating: "[", count: 9) + "k" + String(repeating: "]", count: 9)
        guard case .failure(let problem) = YAMLDocument.parse("x: 1\n\(nine): v\n") else { return XCTFail("nine levels are refused") }
        XCTAssertEqual(problem.location, SourceLocation(line: 2, column: 9))
        let deepValue = "k: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        XCTAssertNotNil(try YAMLDocument.parse(deepValue).get(), "values may nest up to the document limit")
    }

    func testFrontMatterReportsTheFileLine() {
        let card = MarkdownDocument.parse("---\nlicense: mit\n" + String(repeating: "[", count: 12) + "k" + String(repeating: "]", count: 12) + ": v\n---\n# A\n")
        XCTAssertEqual(card.frontMatter?.problem?.kind, .tooDeep)
        XCTAssertEqual(card.frontMatter?.problem?.location, SourceLocation(line: 3, column: 9))
    }
}
