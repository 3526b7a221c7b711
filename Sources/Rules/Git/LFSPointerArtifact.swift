import Lint

/// GIT-003: an artifact stored as a Git LFS pointer cannot be checked.
struct LFSPointerArtifact: DocumentRule {
    static let description = RuleDescription(
        id: "GIT-003",
        title: "Artifacts are stored in git, not as LFS pointers",
        rationale: """
            A governance document kept in Git LFS is only a three-line pointer in the repository: \
            its content lives elsewhere and aimslint, like any reviewer reading the diff, cannot see \
            it. Keep documents in git itself so that every change to them is reviewed and checked.
            """,
        fix: "Remove the path from .gitattributes' LFS patterns and commit the document itself (`git lfs untrack`, `git add --renormalize`).",
        stage: nil, processes: [.informationManagement], controls: ["A.6.2.7"], level: .warning, scope: [.repository],
        passing: [Example([
            "models/vision/MODEL_CARD.md": "# Vision\n\nA small image classifier.\n",
        ])],
        failing: [Example([
            "models/vision/MODEL_CARD.md": """
                ↓version https://git-lfs.github.com/spec/v1
                oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
                size 48213
                """,
        ])])

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        guard case .lfsPointer = artifact.content else { return [] }
        return [Violation("\(artifact.kind.title) \(artifact.path) is a Git LFS pointer, so its content cannot be checked",
                          at: artifact.firstLine, anchor: "lfs", system: context.project.owner(of: artifact))]
    }
}
