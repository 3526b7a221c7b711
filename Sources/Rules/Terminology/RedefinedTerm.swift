import Foundation
import Catalog
import Documents
import Lint

/// TERM-002: a glossary that defines an ISO/IEC 22989 term on its own terms.
struct RedefinedTerm: DocumentRule {
    static let description = RuleDescription(
        id: "TERM-002",
        title: "Do not redefine ISO/IEC 22989 terms",
        rationale: """
            A project glossary that gives its own definition of a term the standard already defines \
            creates two meanings for one word, and the documents that use it become ambiguous to an \
            auditor. Either refer to the standard's definition or give your own concept its own name.
            """,
        fix: "Point the glossary entry at ISO/IEC 22989 (\"as defined in ISO/IEC 22989\"), or rename your concept so it does not reuse the standard term.",
        stage: nil, processes: [.knowledgeManagement], controls: ["A.6.2.7"], level: .warning, scope: [.repository],
        firesOnText: true,
        passing: [Example([
            "docs/ai/ranker/DESIGN.md": """
                # Ranker design

                ## Glossary

                - **Training data**: as defined in ISO/IEC 22989.
                - **Click-through**: a search result that a visitor opened.
                """,
        ])],
        failing: [Example([
            "docs/ai/ranker/DESIGN.md": """
                # Ranker design

                ## Glossary

                ↓- **Training data**: every query we logged last year, cleaned or not.
                - **Click-through**: a search result that a visitor opened.

                | Term | Meaning |
                |---|---|
                ↓| Test data | the queries product managers typed in by hand |
                """,
        ])])

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        let accepted = Set(context.project.policy.acceptedTerms.map { $0.lowercased() })
        var violations: [Violation] = []
        guard let document = artifact.markdown else { return [] }
        for entry in GlossaryReader.entries(in: document) where !accepted.contains(entry.term.lowercased()) {
            guard let term = Vocabulary.lookup(entry.term).first, !GlossaryReader.citesStandard(entry.definition) else { continue }
            let clause = term.clauseIsInferred ? "" : " (\(term.clause))"
            violations.append(Violation(
                "the glossary defines '\(entry.term)', which ISO/IEC 22989 already defines\(clause): refer to the standard or rename the concept",
                at: Anchor(path: artifact.path, line: entry.line),
                anchor: "glossary:\(term.name)",
                system: context.project.owner(of: artifact)))
        }
        return violations
    }
}

/// Reads term/definition pairs from glossary sections: `- **term**: definition` lines and
/// two-column tables.
enum GlossaryReader {
    struct Entry {
        let term: String
        let definition: String
        let line: Int
    }

    static func isGlossary(_ section: Section) -> Bool {
        section.key == .glossary || ["glossary", "definitions", "terminology", "terms and definitions", "terms"].contains(section.normalized)
    }

    static func entries(in document: MarkdownDocument) -> [Entry] {
        var result: [Entry] = []
        for (index, section) in document.sections.enumerated() where isGlossary(section) {
            for block in document.allBlocks(of: index) {
                switch block.kind {
                case .table(let table):
                    for (row, line) in zip(table.rows, table.rowLines) where row.count >= 2 {
                        result.append(Entry(term: strip(row[0]), definition: row[1], line: line))
                    }
                case .list, .paragraph:
                    for line in block.range.start.line...block.range.end.line {
                        if let entry = entry(from: document.line(line), line: line) { result.append(entry) }
                    }
                default:
                    continue
                }
            }
        }
        return result
    }

    /// `- **Term**: definition`, `Term — definition`, `*Term* - definition`.
    static func entry(from text: String, line: Int) -> Entry? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for marker in ["- ", "* ", "+ "] where rest.hasPrefix(marker) { rest = rest.dropFirst(marker.count) }
        if let dot = rest.firstIndex(of: "."), rest[..<dot].allSatisfy(\.isNumber), !rest[..<dot].isEmpty {
            rest = rest[rest.index(after: dot)...].drop { $0 == " " }
        }
        if rest.hasPrefix("`") { return nil }
        for separator in [":", " — ", " – ", " - "] {
            guard let range = rest.range(of: separator) else { continue }
            let term = strip(String(rest[..<range.lowerBound]))
            let definition = String(rest[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard !term.isEmpty, term.split(separator: " ").count <= 6, !definition.isEmpty else { return nil }
            return Entry(term: term, definition: definition, line: line)
        }
        return nil
    }

    static func strip(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "*_ ").union(.whitespaces))
    }

    static func citesStandard(_ definition: String) -> Bool {
        definition.contains("22989")
    }
}
