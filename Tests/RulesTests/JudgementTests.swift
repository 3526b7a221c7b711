import Foundation
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// SPEC §5.1: what is judged, and when. Present content is judged at any stage; a stage only
/// decides what must exist. An undeclared system's card is judged as a published card, and what
/// a declared stage would ask for is one note. Also how systems are inferred from cards.
final class JudgementTests: XCTestCase {
    /// A card a careful reader would call complete, in our own words.
    static let goodCard = """
        # Ticket Router

        Routes support tickets to queues. Version 2.1, released May 2024, under the MIT licence.

        ## Intended Use

        Support agents use it to pre-assign new tickets to a queue; an agent confirms each one. It
        must not be used to decide refunds.

        ## Training Data

        Fine-tuned on [acme/support-tickets-2024](https://huggingface.co/datasets/acme/support-tickets-2024).

        ## Evaluation

        On the held-out test split of acme/support-tickets-2024 the router reaches 0.91 accuracy.

        ## Limitations

        Tickets that mix two languages go to one queue only; German tickets are routed less well.
        """

    private func check(_ files: [String: String], only: Set<String>? = nil) throws -> LintResult {
        let repository = try TestRepository()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try repository.write(path, text) }
        try repository.commitAll("files")
        let checker = Checker(repository: try Repository.discover(from: repository.root.path), engine: Engine(rules: RuleCatalog.rules))
        return try checker.check(.revision("HEAD"), only: only).result
    }

    private func control(_ rule: String, _ subject: String, in result: LintResult) -> ControlStatus? {
        result.controls.first { $0.ruleID == rule && $0.subject == subject }?.status
    }

    private func declared(_ stage: String) -> String {
        "version: 1\nsystems:\n  - id: router\n    root: models/router\n    stage: \(stage)\n"
    }

    // MARK: Present content at any stage

    func testEvaluationWithoutNumbersFailsAtDesignAndDevelopment() throws {
        let card = "# Router\n\n## Evaluation\n\nThe router did well in our tests.\n"
        let result = try check([".aims/config.yml": declared("design-and-development"), "models/router/MODEL_CARD.md": card])
        XCTAssertEqual(result.findings.filter { $0.ruleID == "MC-005" }.map(\.location.line), [3])
        XCTAssertEqual(result.findings.first { $0.ruleID == "MC-005" }?.level, .error)
    }

    func testAbsentEvaluationIsNotApplicableBeforeVerification() throws {
        let card = "# Router\n\n## Intended Use\n\nAgents pre-assign tickets to queues, and confirm each one.\n"
        let result = try check([".aims/config.yml": declared("design-and-development"), "models/router/MODEL_CARD.md": card])
        XCTAssertFalse(result.findings.contains { $0.ruleID == "MC-005" })
        guard case .notApplicable(let reason)? = control("MC-005", "router", in: result) else {
            return XCTFail("MC-005 should not apply: \(String(describing: control("MC-005", "router", in: result)))")
        }
        XCTAssertTrue(reason.contains("has not reached verification-and-validation"), reason)
    }

    func testPresentMonitoringPlanIsCheckedBeforeOperation() throws {
        let plan = "# Monitoring plan\n\nWe watch the router.\n"
        let result = try check([".aims/config.yml": declared("design-and-development"),
                                "models/router/MODEL_CARD.md": Self.goodCard, "models/router/monitoring-plan.md": plan])
        XCTAssertEqual(control("LC-OPS-001", "router", in: result), .fail, "a monitoring plan that exists is judged")
        XCTAssertEqual(result.findings.first { $0.ruleID == "LC-OPS-001" }?.location.path, "models/router/monitoring-plan.md")
    }

    // MARK: Undeclared systems

    func testUndeclaredSystemsLifeCycleDocumentsAreOneNote() throws {
        let result = try check(["models/router/MODEL_CARD.md": Self.goodCard])
        let lifecycle = result.findings.filter { $0.ruleID.hasPrefix("LC-") }
        XCTAssertEqual(lifecycle.map(\.ruleID), [], "life cycle documents are not demanded of an undeclared system")
        let notes = result.findings.filter { $0.ruleID == "AIMS-007" }
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual(notes.first?.level, .note)
        XCTAssertTrue(notes.first?.message.contains("impact-assessment.md, risk-assessment.md, requirements.md (from inception)") == true,
                      notes.first?.message ?? "")
        XCTAssertEqual(result.findings.filter { $0.level == .error }.map(\.ruleID), [], "a well-kept card alone has no error")
    }

    func testUndeclaredCardIsJudgedAsAPublishedCard() throws {
        // The same card at design and development, declared, would not be asked for an evaluation.
        let card = "# Router\n\n## Intended Use\n\nAgents pre-assign tickets to queues, and confirm each one.\n"
        let result = try check(["models/router/MODEL_CARD.md": card])
        XCTAssertEqual(result.findings.filter { $0.ruleID == "MC-005" }.map(\.level), [.error])
        XCTAssertEqual(result.findings.filter { $0.ruleID == "MC-006" }.map(\.level), [.error])
    }

    func testCardOutsideDeclaredRootsIsUndeclared() throws {
        let config = "version: 1\nsystems:\n  - id: ranker\n    root: models/ranker\n    stage: inception\n"
        let result = try check([".aims/config.yml": config, "models/ranker/MODEL_CARD.md": Self.goodCard,
                                "models/router/MODEL_CARD.md": Self.goodCard])
        XCTAssertEqual(result.project.systems.map { "\($0.id) \($0.isDeclared)" }, ["ranker true", "router false"])
        XCTAssertFalse(result.findings.contains { $0.system == "router" && $0.ruleID.hasPrefix("LC-") })
        XCTAssertTrue(result.findings.contains { $0.system == "ranker" && $0.ruleID == "LC-INC-002" })
    }

    // MARK: Several cards, several systems

    func testEveryCardIsItsOwnSystem() throws {
        let paths = ["models/llama/MODEL_CARD.md", "models/llama/MODEL_CARD_VISION.md", "model_cards/AUDIOGEN_MODEL_CARD.md",
                     "model_cards/MUSICGEN_MODEL_CARD.md", "guards/v3/8B/MODEL_CARD.md", "a/tagger/MODEL_CARD.md", "b/tagger/MODEL_CARD.md"]
        let result = try check(Dictionary(uniqueKeysWithValues: paths.map { ($0, Self.goodCard) }), only: ["MC-001"])
        XCTAssertEqual(result.project.systems.map(\.id), ["audiogen", "b-tagger", "llama", "musicgen", "tagger", "v3-8B", "vision"])
        let owners = Dictionary(uniqueKeysWithValues: result.project.artifacts.map { ($0.path, result.project.owner(of: $0) ?? "-") })
        XCTAssertEqual(owners["model_cards/AUDIOGEN_MODEL_CARD.md"], "audiogen")
        XCTAssertEqual(owners["models/llama/MODEL_CARD_VISION.md"], "vision")
        XCTAssertEqual(owners["models/llama/MODEL_CARD.md"], "llama")
        XCTAssertEqual(owners["a/tagger/MODEL_CARD.md"], "tagger")
        XCTAssertEqual(owners["b/tagger/MODEL_CARD.md"], "b-tagger", "two folders with the same last name never merge")
        for system in result.project.systems { XCTAssertTrue(PolicyDecoder.isValidID(system.id), system.id) }
    }

    func testNFCAndNFDFoldersAreTwoSystems() throws {
        let composed = "models/caf\u{E9}/MODEL_CARD.md", decomposed = "models/cafe\u{301}/MODEL_CARD.md"
        XCTAssertNotEqual(Array(composed.utf8), Array(decomposed.utf8))
        // Swift compares the two spellings as equal strings, so the files are written one by one.
        let repository = try TestRepository()
        try repository.write(composed, Self.goodCard)
        try repository.write(decomposed, Self.goodCard + "\nAnother card.\n")
        try repository.commitAll("two spellings")
        XCTAssertEqual(try repository.git("ls-files", "-z").split(separator: "\0").count, 2)
        let checker = Checker(repository: try Repository.discover(from: repository.root.path), engine: Engine(rules: RuleCatalog.rules))
        let result = try checker.check(.revision("HEAD"), only: ["MC-001"]).result
        XCTAssertEqual(result.project.systems.count, 2, "\(result.project.systems.map(\.id))")
        XCTAssertEqual(Set(result.project.systems.map(\.id)).count, 2)
    }

    func testEmptyOrTemplateCardDoesNotMeetMC001() throws {
        let template = "# Model card: router\n\n## Intended Use\n\n[More Information Needed]\n"
        let result = try check(["models/router/MODEL_CARD.md": template], only: ["MC-001"])
        XCTAssertEqual(control("MC-001", "router", in: result), .fail)
    }

    // MARK: One missing fact, one finding

    func testCroissantWithoutRAIPropertiesHasOneFindingPerFact() throws {
        let file = CroissantFixture.minimal
        let result = try check(["data/receipts/croissant.json": file])
        let ids = result.findings.filter { $0.level != .note }.map(\.ruleID).sorted()
        // Provenance, personal information, preparation and quality: one finding each, from the
        // rule that owns the fact; CR-002 does not say them again.
        XCTAssertEqual(ids.filter { $0.hasPrefix("CR-002") }, [])
        for rule in ["DS-002", "DS-004", "DS-005", "DS-006"] { XCTAssertEqual(ids.filter { $0 == rule }.count, 1, rule) }
        XCTAssertFalse(ids.contains("CR-001"), "the licence is DS-003's, the rest is present: \(ids)")
    }
}

enum CroissantFixture {
    /// A structurally complete Croissant file with no RAI property and no licence.
    static let minimal = """
        {
          "@context": { "@vocab": "http://schema.org/", "sc": "http://schema.org/", "cr": "http://mlcommons.org/croissant/",
                        "dct": "http://purl.org/dc/terms/" },
          "@type": "sc:Dataset",
          "dct:conformsTo": "http://mlcommons.org/croissant/1.1",
          "name": "receipts",
          "description": "Receipt lines labelled with expense categories.",
          "url": "https://data.example.org/receipts",
          "creator": { "@type": "sc:Organization", "name": "Example Budgeting Labs" },
          "datePublished": "2024-05-14",
          "version": "1.0.0",
          "distribution": [
            { "@type": "cr:FileObject", "@id": "lines.csv", "contentUrl": "https://data.example.org/lines.csv",
              "encodingFormat": "text/csv", "sha256": "6f1c0d2b4c7e9a8f3b5d1e2c4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b" }
          ]
        }
        """
}
