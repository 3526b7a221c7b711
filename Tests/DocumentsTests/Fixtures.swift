import Foundation
import XCTest

/// Reads the hand-written documents under `fixtures/documents/`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/documents")

    static func text(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let url = directory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            XCTFail("fixture \(name) is not UTF-8", file: file, line: line)
            return ""
        }
        return text
    }
}
