import Foundation

/// Accepted findings, by fingerprint only (SPEC §3): sorted, one entry per line, no line numbers,
/// no timestamps — so the file never churns and merges cleanly.
public struct Baseline: Hashable, Sendable {
    public struct Entry: Hashable, Sendable, Comparable {
        public let rule: String
        public let fingerprint: String
        public static func < (a: Entry, b: Entry) -> Bool { (a.rule, a.fingerprint) < (b.rule, b.fingerprint) }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = Array(Set(entries)).sorted()
    }

    public init(findings: [Finding]) {
        self.init(entries: findings.map { Entry(rule: $0.ruleID, fingerprint: $0.fingerprint) })
    }

    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    /// The file text: hand-written JSON so that each entry sits on its own line.
    public func serialized() -> String {
        var out = "{\n  \"version\": 1,\n  \"findings\": ["
        out += entries.isEmpty ? "]\n}\n" : "\n"
        for (index, entry) in entries.enumerated() {
            out += "    {\"rule\": \"\(entry.rule)\", \"fingerprint\": \"\(entry.fingerprint)\"}"
            out += index == entries.count - 1 ? "\n  ]\n}\n" : ",\n"
        }
        return out
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a baseline file written by `serialized()` (any JSON with the same shape is accepted).
    public static func parse(_ data: Data, path: String) throws -> Baseline {
        struct File: Decodable {
            struct Item: Decodable { let rule: String; let fingerprint: String }
            let version: Int
            let findings: [Item]
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.version == 1 else { throw ParseError(description: "\(path): unsupported baseline version \(file.version)") }
            return Baseline(entries: file.findings.map { Entry(rule: $0.rule, fingerprint: $0.fingerprint) })
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError(description: "\(path): not a baseline file (expected {\"version\": 1, \"findings\": [...]}): \(error)")
        }
    }
}
