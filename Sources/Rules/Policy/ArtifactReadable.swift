import Documents
import Lint

/// AIMS-005: a file named like an artifact must be readable as a document.
struct ArtifactReadable: DocumentRule {
    static let description = RuleDescription(
        id: "AIMS-005",
        title: "Artifacts are readable documents",
        rationale: """
            A governance document that cannot be parsed cannot be checked, and an unchecked document \
            is not evidence. Binary files, invalid UTF-8, broken front matter or JSON, oversized files \
            and symbolic links leaving the repository are reported instead of being skipped in silence.
            """,
        fix: "Store the document as UTF-8 Markdown, YAML or JSON under 5 MiB, and fix the syntax error at the reported line.",
        stage: nil, processes: [.informationManagement], controls: ["A.6.2.7"], level: .error, scope: [.repository],
        passing: [Example([
            "models/tagger/MODEL_CARD.md": "---\nlicense: mit\n---\n# Tagger\n",
        ])],
        failing: [
            Example([
                "models/tagger/MODEL_CARD.md": "---\nlicense: mit\n↓  tags: [a\n---\n# Tagger\n",
            ], note: "front matter that is not valid YAML"),
            Example([
                "data/survey/croissant.json": "{\n  \"name\": \"survey\",\n↓  \"license\" \"cc-by-4.0\"\n}\n",
            ], note: "JSON with a missing colon"),
        ])

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        let owner = context.project.owner(of: artifact)
        switch artifact.content {
        case .unreadable(let problem):
            return [violation(artifact, problem, owner: owner)]
        case .markdown(let document):
            return document.frontMatter?.problem.map { [violation(artifact, $0, owner: owner)] } ?? []
        case .json, .yaml, .lfsPointer:
            return []
        }
    }

    private func violation(_ artifact: Artifact, _ problem: ParseProblem, owner: String?) -> Violation {
        Violation("\(artifact.kind.title) \(artifact.path) cannot be checked: \(problem.message)",
                  at: Anchor(path: artifact.path, range: SourceRange(start: problem.location, end: problem.location)),
                  anchor: "unreadable:\(problem.kind.rawValue)", system: owner)
    }
}
