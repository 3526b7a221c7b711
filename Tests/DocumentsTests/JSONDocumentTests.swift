import XCTest
@testable import Documents

final class JSONDocumentTests: XCTestCase {
    private func problem(_ text: String) -> ParseProblem? {
        if case let .failure(problem) = JSONDocument.parse(text) { return problem }
        return nil
    }

    func testValuesAndKeysCarryTheirLocations() throws {
        let root = try JSONDocument.parse("""
        {
          "name": "x",
          "list": [1, 2.5, true, null],
          "nested": {"k": "v"}
        }
        """).get()
        XCTAssertEqual(root.location, SourceLocation(line: 1, column: 1))
        XCTAssertEqual(root.member("name")?.keyLocation, SourceLocation(line: 2, column: 3))
        XCTAssertEqual(root["name"]?.location, SourceLocation(line: 2, column: 11))
        XCTAssertEqual(root["name"]?.string, "x")
        XCTAssertEqual(root["list"]?.location, SourceLocation(line: 3, column: 11))
        XCTAssertEqual(root["list"]?.array?.map(\.location.column), [12, 15, 20, 26])
        XCTAssertEqual(root["list"]?.array?.map(\.value), [.number(1), .number(2.5), .bool(true), .null])
        XCTAssertEqual(root["nested"]?.location, SourceLocation(line: 4, column: 13))
        XCTAssertEqual(root["nested"]?.member("k")?.keyLocation, SourceLocation(line: 4, column: 14))
        XCTAssertEqual(root["nested"]?["k"]?.location, SourceLocation(line: 4, column: 19))
        XCTAssertEqual(root.members?.map(\.key), ["name", "list", "nested"])
    }

    func testColumnsCountScalarsAndCRLFIsOneBreak() throws {
        let root = try JSONDocument.parse("{\"é\": \"ü\", \"x\": 1}").get()
        XCTAssertEqual(root.member("x")?.keyLocation, SourceLocation(line: 1, column: 12))
        let crlf = problem("{\r\n  \"a\": 1,\r\n  \"b\": x}")
        XCTAssertEqual(crlf?.location, SourceLocation(line: 3, column: 8))
        XCTAssertEqual(crlf?.kind, .json)
    }

    func testEscapes() throws {
        let value = try JSONDocument.parse(#""a\n\u00e9\ud83d\ude00\/\"""#).get()
        XCTAssertEqual(value.string, "a\né😀/\"")
    }

    func testStrictErrorsNameLineAndColumn() {
        let cases: [(String, SourceLocation, String)] = [
            ("[1, 2,]", SourceLocation(line: 1, column: 7), "expected a value"),
            ("{\"a\" 1}", SourceLocation(line: 1, column: 6), "expected ':'"),
            ("{\"a\": 1,}", SourceLocation(line: 1, column: 9), "expected a string key"),
            ("[01]", SourceLocation(line: 1, column: 2), "leading zeros"),
            ("[\"abc", SourceLocation(line: 1, column: 2), "never closed"),
            ("[\"a\tb\"]", SourceLocation(line: 1, column: 4), "control character"),
            ("\"\\ud800\"", SourceLocation(line: 1, column: 2), "unpaired surrogate"),
            ("{} x", SourceLocation(line: 1, column: 4), "after the JSON value"),
            ("", SourceLocation(line: 1, column: 1), "empty document"),
            ("  \n ", SourceLocation(line: 2, column: 2), "empty document"),
            ("[NaN]", SourceLocation(line: 1, column: 2), "expected a value"),
            ("[1e999]", SourceLocation(line: 1, column: 2), "out of range"),
            ("// comment\n{}", SourceLocation(line: 1, column: 1), "expected a value"),
            ("[tru]", SourceLocation(line: 1, column: 2), "expected 'true'"),
            ("[1 2]", SourceLocation(line: 1, column: 4), "expected ',' or ']'"),
            ("{'a': 1}", SourceLocation(line: 1, column: 2), "double quotes"),
            ("[1.]", SourceLocation(line: 1, column: 4), "after '.'"),
            ("[\"\\x\"]", SourceLocation(line: 1, column: 3), "invalid escape"),
        ]
        for (text, location, fragment) in cases {
            let found = problem(text)
            XCTAssertEqual(found?.kind, .json, text)
            XCTAssertEqual(found?.location, location, text)
            XCTAssertEqual(found?.message.contains(fragment), true, "\(text): \(found?.message ?? "no problem")")
        }
    }

    func testDeepNestingStopsAtTheLimitWithLocation() {
        let deep = problem(String(repeating: "[", count: 100_000))
        XCTAssertEqual(deep?.kind, .tooDeep)
        XCTAssertEqual(deep?.location, SourceLocation(line: 1, column: DocumentLimits.maxNestingDepth + 1))
        let objects = problem(String(repeating: "{\"a\":", count: 200))
        XCTAssertEqual(objects?.kind, .tooDeep)
        XCTAssertEqual(objects?.location, SourceLocation(line: 1, column: 5 * DocumentLimits.maxNestingDepth + 1))
        let limit = DocumentLimits.maxNestingDepth
        XCTAssertNoThrow(try JSONDocument.parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)).get())
    }

    func testDuplicateKeysAreKeptInOrder() throws {
        let root = try JSONDocument.parse("{\"a\": 1, \"a\": 2}").get()
        XCTAssertEqual(root.members?.count, 2)
        XCTAssertEqual(root["a"]?.number, 1, "subscript reads the first")
    }

    func testLeadingByteOrderMarkIsSkipped() throws {
        let root = try JSONDocument.parse("\u{FEFF}{\"a\": true}").get()
        XCTAssertEqual(root["a"]?.bool, true)
        XCTAssertEqual(root.location, SourceLocation(line: 1, column: 1))
    }

    func testLargeArrayParsesInLinearTime() throws {
        let count = 200_000
        let text = "[" + Array(repeating: "1", count: count).joined(separator: ",") + "]"
        XCTAssertEqual(try JSONDocument.parse(text).get().array?.count, count)
    }
}

final class JSONLDContextTests: XCTestCase {
    private let croissantLike = """
    {
      "@context": {
        "@language": "en",
        "@vocab": "https://schema.org/",
        "sc": "https://schema.org/",
        "cr": "http://mlcommons.org/croissant/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "dct": "http://purl.org/dc/terms/",
        "prov": "http://www.w3.org/ns/prov#",
        "citeAs": "cr:citeAs",
        "dataBiases": "cr:dataBiases",
        "data": {"@id": "cr:data", "@type": "@json"}
      },
      "@type": "sc:Dataset",
      "name": "reviews"
    }
    """

    func testPrefixesAndTermsFromObjectContext() throws {
        let context = JSONLDContext(document: try JSONDocument.parse(croissantLike).get())
        XCTAssertEqual(context.prefixes.keys.sorted(), ["cr", "dct", "prov", "rai", "sc"])
        XCTAssertEqual(context.vocab, "https://schema.org/")
        XCTAssertEqual(context.terms["citeAs"], "http://mlcommons.org/croissant/citeAs")
        XCTAssertEqual(context.declarations["rai"], SourceLocation(line: 7, column: 5))
    }

    func testExpansion() throws {
        let context = JSONLDContext(document: try JSONDocument.parse(croissantLike).get())
        XCTAssertEqual(context.expand("rai:dataBiases"), "http://mlcommons.org/croissant/RAI/dataBiases")
        XCTAssertEqual(context.expand("prov:wasDerivedFrom"), "http://www.w3.org/ns/prov#wasDerivedFrom")
        XCTAssertEqual(context.expand("citeAs"), "http://mlcommons.org/croissant/citeAs")
        XCTAssertEqual(context.expand("data"), "http://mlcommons.org/croissant/data")
        XCTAssertEqual(context.expand("name"), "https://schema.org/name", "bare words fall under @vocab")
        XCTAssertEqual(context.expand("@type"), "@type")
        XCTAssertEqual(context.expand("https://example.org/x"), "https://example.org/x")
        XCTAssertEqual(context.expand("unknown:x"), "unknown:x")
    }

    func testWhichPrefixAKeyUses() throws {
        let context = JSONLDContext(document: try JSONDocument.parse(croissantLike).get())
        XCTAssertEqual(context.prefixUsed(by: "rai:dataBiases"), "rai")
        XCTAssertEqual(context.prefixUsed(by: "dataBiases"), "cr", "the term is defined under cr:, not rai:")
        XCTAssertEqual(context.prefixUsed(by: "name"), "sc")
        XCTAssertNil(context.prefixUsed(by: "unknown:x"))
        XCTAssertEqual(context.compact("http://mlcommons.org/croissant/RAI/dataBiases"), "rai:dataBiases",
                       "the longest prefix wins")
        XCTAssertNil(context.compact("https://example.org/x"))
    }

    func testArrayContextLaterEntriesWinAndRemoteContextsAreSkipped() throws {
        let document = try JSONDocument.parse("""
        {"@context": ["https://example.org/remote.jsonld",
                      {"ex": "https://example.org/"},
                      {"ex": "https://example.com/ns#", "p": {"@id": "https://example.com/p", "@prefix": true}}]}
        """).get()
        let context = JSONLDContext(document: document)
        XCTAssertEqual(context.prefixes["ex"], "https://example.com/ns#")
        XCTAssertEqual(context.prefixes["p"], "https://example.com/p")
        XCTAssertEqual(context.expand("ex:thing"), "https://example.com/ns#thing")
        XCTAssertNil(context.vocab)
        XCTAssertEqual(context.expand("plain"), "plain")
    }

    func testNoContext() throws {
        let context = JSONLDContext(document: try JSONDocument.parse("{\"name\": 1}").get())
        XCTAssertTrue(context.prefixes.isEmpty)
        XCTAssertEqual(context.expand("sc:Dataset"), "sc:Dataset")
    }
}
