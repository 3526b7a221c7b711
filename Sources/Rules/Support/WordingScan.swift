import Catalog
import Documents
import Lint

/// One non-standard wording found in a document's prose.
struct WordingHit {
    let artifact: Artifact
    let wording: Wording
    let phrase: String
    /// The words as written (case and hyphens kept).
    let written: String
    /// Inclusive range of the words on their line.
    let range: SourceRange
    /// How many times the same phrase occurred earlier in the file: keeps fingerprints unique
    /// and independent of line numbers.
    let occurrence: Int
    let owner: String?
}

/// The shared scan of the terminology rules: every Markdown artifact's prose, the catalog's
/// safe-to-suggest wordings of one kind, minus the project's accepted words.
enum WordingScan {
    /// A catalog wording in a document's prose, before the project's accepted words are applied.
    private struct Found: Sendable {
        let wording: Wording
        let phrase: String
        let written: String
        let range: SourceRange
    }

    /// Every catalog wording in each document, once per path and blob.
    private static let memo = ArtifactMemo<[Found]>()

    private static func found(in artifact: Artifact, document: MarkdownDocument) -> [Found] {
        memo.value(for: artifact) {
            var found: [Found] = []
            for span in ProseWalker.spans(of: document, kind: artifact.kind) {
                for match in PhraseMatcher.catalog.matches(in: span.text) {
                    let written = String(span.text[match.range])
                    let start = span.location(of: match.range.lowerBound)
                    let end = SourceLocation(line: start.line, column: start.column + max(written.unicodeScalars.count - 1, 0))
                    found.append(Found(wording: match.wording, phrase: match.phrase, written: written,
                                       range: SourceRange(start: start, end: end)))
                }
            }
            return found
        }
    }

    /// The wordings of one kind in one document, minus the project's accepted words.
    static func hits(in artifact: Artifact, context: RuleContext, kind: Wording.Kind) -> [WordingHit] {
        guard let document = artifact.markdown else { return [] }
        let accepted = Set(context.project.policy.acceptedTerms.map { $0.lowercased() })
        var hits: [WordingHit] = []
        var seen: [String: Int] = [:]
        for match in found(in: artifact, document: document)
        where match.wording.kind == kind && match.wording.advice == .suggest && !accepted.contains(match.phrase.lowercased()) {
            let occurrence = seen[match.phrase, default: 0]
            seen[match.phrase] = occurrence + 1
            hits.append(WordingHit(artifact: artifact, wording: match.wording, phrase: match.phrase.lowercased(),
                                   written: match.written, range: match.range,
                                   occurrence: occurrence, owner: context.project.owner(of: artifact)))
        }
        return hits
    }
}
