import Lint
import XCTest

final class ArtifactClassifierTests: XCTestCase {
    func testConventionalNames() {
        let cases: [(String, ArtifactKind)] = [
            ("MODEL_CARD.md", .modelCard), ("models/a/model_card.md", .modelCard), ("x/Model-Card.md", .modelCard),
            ("x/modelcard.md", .modelCard), ("x/BERT_MODEL_CARD.md", .modelCard), ("x/Llama_Model_Card.md", .modelCard),
            ("model_cards/tagger.md", .modelCard), ("a/model_card.json", .modelCard),
            ("data/DATASET_CARD.md", .datasetCard), ("data/Datasheet.md", .datasheet),
            ("data/croissant.json", .croissant), ("data/x.croissant.json", .croissant), ("d/croissant.jsonld", .croissant),
            ("docs/ai/x/impact-assessment.md", .impactAssessment), ("RISK_ASSESSMENT.md", .riskAssessment),
            ("risk-register.yaml", .riskAssessment), ("REQUIREMENTS.md", .requirements),
            ("m/DESIGN.md", .design), ("m/ARCHITECTURE.md", .design), ("EVALUATION.md", .vvReport),
            ("vv-report.md", .vvReport), ("DEPLOYMENT.md", .deploymentPlan), ("human-oversight.md", .humanOversight),
            ("MONITORING.md", .monitoringPlan), ("incident-response.md", .incidentResponse),
            ("CONTINUOUS_VALIDATION.md", .continuousValidationPlan), ("reviews/2024-q1.md", .reviewRecord),
            ("REVIEW.md", .reviewRecord), ("retirement-plan.md", .retirementPlan),
        ]
        for (path, kind) in cases {
            XCTAssertEqual(ArtifactClassifier.classify(path), .kind(kind), path)
        }
    }

    func testRequirementsTxtIsNeverAnArtifact() {
        XCTAssertEqual(ArtifactClassifier.classify("requirements.txt"), .notAnArtifact)
        XCTAssertEqual(ArtifactClassifier.classify("src/main.py"), .notAnArtifact)
    }

    func testReadmeAndMetadataDependOnContent() {
        XCTAssertEqual(ArtifactClassifier.classify("models/x/README.md"), .needsFrontMatter)
        XCTAssertEqual(ArtifactClassifier.classify("datasets/v1/x/metadata.json"), .needsFrontMatter)
        XCTAssertEqual(ArtifactClassifier.classify("LICENSE"), .licenseFile)
        XCTAssertEqual(ArtifactClassifier.classify("m/LICENSE-MODEL"), .licenseFile)
    }
}
