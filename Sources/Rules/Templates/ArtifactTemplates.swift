import Catalog
import Lint

/// Our own template documents for `aimslint init --templates`: every field a placeholder, so an
/// untouched template fails MC-008 and the content rules, and a filled-in one passes.
public enum ArtifactTemplates {
    public struct Template: Sendable {
        public let kind: ArtifactKind
        public let fileName: String
        public let stage: LifecycleStage
        public let text: String
    }

    /// The templates a system at `stage` needs (cumulative, SPEC §5).
    public static func templates(upTo stage: LifecycleStage, system: String) -> [Template] {
        all(system: system).filter { $0.stage.order <= stage.order && $0.stage != .continuousValidation }
    }

    static func all(system: String) -> [Template] {
        [
            Template(kind: .modelCard, fileName: "MODEL_CARD.md", stage: .inception, text: """
                # Model card: \(system)

                ## Model details

                [More Information Needed]

                ## Intended use

                [More Information Needed]

                ## Out-of-scope use

                [More Information Needed]

                ## Training data

                [More Information Needed]

                ## Evaluation

                [More Information Needed]

                ## Bias, risks, and limitations

                [More Information Needed]

                ## License

                [More Information Needed]

                """),
        ]
    }
}
