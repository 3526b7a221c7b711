import Lint
import XCTest

/// What a history question counts as a change of "the model" or "the data".
final class PathSelectorTests: XCTestCase {
    func testExcludingDocumentsLeavesOutEveryDocumentNameButKeepsData() {
        let data = PathSelector(folders: ["models/churn/data"], excludingDocuments: true)
        XCTAssertTrue(data.selects("models/churn/data/train.csv"))
        XCTAssertTrue(data.selects("models/churn/data/part/2024.parquet"))
        XCTAssertFalse(data.selects("models/churn/data/datasheet.md"))
        XCTAssertFalse(data.selects("models/churn/data/README.md"))
        XCTAssertFalse(data.selects("models/churn/data/croissant.json"))
        XCTAssertFalse(data.selects("models/churn/data/LICENSE"))
        XCTAssertFalse(data.selects("models/churn/train.csv"), "outside the folder")
        XCTAssertFalse(data.selects("models/churn/data2/train.csv"), "a sibling folder with the same prefix")
    }

    func testSuffixesExactPathsAndExclusionsCombine() {
        let weights = PathSelector(exact: ["models/churn/train.py"], folders: ["models/churn"], suffixes: [".onnx"],
                                   excluding: ["models/churn/old.onnx"])
        XCTAssertTrue(weights.selects("models/churn/train.py"))
        XCTAssertTrue(weights.selects("models/churn/v2/model.ONNX"))
        XCTAssertFalse(weights.selects("models/churn/old.onnx"))
        XCTAssertFalse(weights.selects("models/churn/notes.txt"))
        XCTAssertEqual(PathSelector(folders: ["b", "a"]), PathSelector(folders: ["a", "b"]), "order does not make another question")
        XCTAssertNotEqual(PathSelector(folders: ["a"]), PathSelector(folders: ["a"], excludingDocuments: true))
    }
}

/// The first look at a name (`isPlainlyOrdinary`) must never turn away a name the full
/// classification recognises.
final class ArtifactClassifierShortcutTests: XCTestCase {
    func testOrdinaryNamesAreRejectedAndEveryKnownNameStillRecognised() {
        XCTAssertEqual(ArtifactClassifier.classify("src/train.py"), .notAnArtifact)
        XCTAssertEqual(ArtifactClassifier.classify("data/x.parquet"), .notAnArtifact)
        XCTAssertEqual(ArtifactClassifier.classify("Makefile"), .notAnArtifact)
        for name in ["LICENSE", "Licence.TXT", "LICENSE-MODEL", "license_weights", "COPYING", "a/b/License.md"] {
            XCTAssertEqual(ArtifactClassifier.classify(name), .licenseFile, name)
        }
        XCTAssertEqual(ArtifactClassifier.classify("models/a/MODEL_CARD.MD"), .kind(.modelCard))
        XCTAssertEqual(ArtifactClassifier.classify("data/a/Croissant.JSONLD"), .kind(.croissant))
        XCTAssertEqual(ArtifactClassifier.classify("ops/risk-register.YAML"), .kind(.riskAssessment))
        XCTAssertEqual(ArtifactClassifier.classify("docs/notes.Markdown"), .needsFrontMatter)
        XCTAssertEqual(ArtifactClassifier.classify("data/metadata.json"), .needsFrontMatter)
    }
}
