import Documents
import Lint
@testable import Rules
import XCTest

/// The helpers behind the model card rules, where the logic is subtle: licence names and texts,
/// Hub ids in prose, template fields, derivation wording — plus rule variants on real repositories.
final class ModelCardHelperTests: XCTestCase {
    // MARK: Licences

    func testLicenceNamesNormaliseToSPDX() {
        let cases: [(String, String?)] = [
            ("Apache License 2.0", "Apache-2.0"), ("apache-2.0", "Apache-2.0"), ("Apache License, Version 2.0", "Apache-2.0"),
            ("Apache 2", "Apache-2.0"), ("MIT License", "MIT"), ("mit", "MIT"), ("CC BY 4.0", "CC-BY-4.0"),
            ("cc-by-4.0", "CC-BY-4.0"), ("Creative Commons Attribution 4.0 International", "CC-BY-4.0"),
            ("CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0"), ("cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"), ("GPL-3.0", "GPL-3.0"),
            ("GPLv3", "GPL-3.0"), ("GNU General Public License v3.0 or later", "GPL-3.0"), ("gpl-3.0-only", "GPL-3.0"),
            ("LGPL-2.1", "LGPL-2.1"), ("BSD-3-Clause", "BSD-3-Clause"), ("BSD 3-Clause License", "BSD-3-Clause"),
            ("bsd-3-clause", "BSD-3-Clause"), ("The Unlicense", "Unlicense"), ("openrail", "OpenRAIL"),
            ("creativeml-openrail-m", "CreativeML-OpenRAIL-M"), ("llama2", "Llama2"), ("proprietary", "proprietary"),
            ("other", nil), ("GPL", nil), ("BSD", nil), ("our own terms", nil),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(LicenseNames.spdxID(for: name), expected, name)
        }
    }

    func testLicenceNamesAreFoundInSentences() {
        XCTAssertEqual(LicenseNames.mentions(in: "This model is released under the Apache License, Version 2.0."), ["Apache-2.0"])
        XCTAssertEqual(LicenseNames.mentions(in: "Code: MIT. Weights: CC BY-NC 4.0."), ["MIT", "CC-BY-NC-4.0"])
        XCTAssertEqual(LicenseNames.mentions(in: "Ask the legal team before you share it."), [])
    }

    func testLicenceFilesAreRecognisedByIdentifierOrWording() {
        let cases: [(String, String?)] = [
            ("SPDX-License-Identifier: BSD-3-Clause\n", "BSD-3-Clause"),
            ("// SPDX-License-Identifier: MIT OR Apache-2.0\n", nil),
            ("                Apache License\n          Version 2.0, January 2004\n", "Apache-2.0"),
            ("GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n", "GPL-3.0"),
            ("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 2.1, February 1999\n", "LGPL-2.1"),
            ("Permission is hereby granted, free of charge, to any person obtaining a copy … The above copyright notice "
                + "and this permission notice shall be included …", "MIT"),
            ("Redistribution and use in source and binary forms … 3. Neither the name of the copyright holder …", "BSD-3-Clause"),
            ("Redistribution and use in source and binary forms, with or without modification …", "BSD-2-Clause"),
            ("Creative Commons Attribution-NonCommercial 4.0 International Public License\n", "CC-BY-NC-4.0"),
            ("Copyright 2024 Acme. All rights reserved. Proprietary and confidential.\n", "proprietary"),
            ("MIT\n", "MIT"),
            ("Use at your own risk; ask Acme legal before sharing.\n", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(LicenseTextDetector.spdxID(in: text), expected, text)
        }
    }

    func testLicenceNamesInCardAndFileAreComparedAsSPDX() throws {
        let files = [".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
                     "models/router/README.md": "---\nlicense: Apache License 2.0\nlibrary_name: transformers\n---\n# router\n"]
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-007", in: files).count, 0)
        var other = files
        other["models/router/README.md"] = "---\nlicense: other\nlicense_name: acme-research\nlibrary_name: x\n---\n# router\n"
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-007", in: other).count, 0, "a custom licence is never inconsistent")
    }

    // MARK: Hub ids, fields, wording

    func testHubIDsAreTakenFromCodeLinksAndDistinctiveTokensOnly() {
        let line = SourceLine(line: 4, text: "Trained on `acme/tickets-2024` and glue/sst2 (split train/test, and/or F1/accuracy); "
            + "see [chat](https://huggingface.co/datasets/acme/chat) and [local](data/reviews-2024).")
        XCTAssertEqual(HubIDs.ids(in: line), ["acme/tickets-2024", "acme/chat", "glue/sst2"])
        XCTAssertFalse(HubIDs.isWellFormed("24/7"))
        XCTAssertFalse(HubIDs.isWellFormed("a/b/c"))
    }

    func testTemplateFieldsAreParsed() throws {
        let optional = try XCTUnwrap(FieldLine.parse(SourceLine(line: 3, text: "- **Finetuned from model [optional]:** [More Information Needed]")))
        XCTAssertEqual(optional.label, "finetuned from model")
        XCTAssertFalse(optional.hasValue)
        let license = try XCTUnwrap(FieldLine.parse(SourceLine(line: 4, text: "  * **License:** Apache-2.0")))
        XCTAssertEqual([license.label, license.value], ["license", "Apache-2.0"])
        XCTAssertTrue(license.hasValue)
        XCTAssertEqual(FieldLine.parse(SourceLine(line: 5, text: "1. Model date: May 2024"))?.label, "model date")
        XCTAssertNil(FieldLine.parse(SourceLine(line: 6, text: "See https://example.org for details")))
    }

    func testDerivationWording() {
        XCTAssertTrue(VersionPatterns.saysDerived("This model is a fine-tuned version of distilbert-base-uncased."))
        XCTAssertTrue(VersionPatterns.namesBaseModel("This model is a fine-tuned version of distilbert-base-uncased."))
        XCTAssertTrue(VersionPatterns.saysDerived("A LoRA adapter for Llama-2-7b."))
        XCTAssertTrue(VersionPatterns.namesBaseModel("A LoRA adapter for Llama-2-7b."))
        XCTAssertFalse(VersionPatterns.saysDerived("The encoder can be fine-tuned on downstream tasks."))
        XCTAssertFalse(VersionPatterns.namesBaseModel("We fine-tuned it from scratch on tickets."))
        XCTAssertTrue(VersionPatterns.mentionsVersionOrDate("Released in March 2024."))
        XCTAssertTrue(VersionPatterns.mentionsVersionOrDate("Checkpoint v3.1 of the router."))
        XCTAssertFalse(VersionPatterns.mentionsVersionOrDate("A text classifier for 12 queues."))
    }

    func testTableRowsCountAsFields() throws {
        let card = """
            # Router

            | Field | Value |
            |---|---|
            | Model version | 2.1.0 |
            | License | MIT |
            """
        let files = [".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "LICENSE": "SPDX-License-Identifier: Apache-2.0\n", "models/router/MODEL_CARD.md": card]
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-009", in: files).count, 0)
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-007", in: files).map(\.location.line), [6])
    }

    // MARK: Training data variants

    func testTrainingDataLinksMustLeadSomewhere() throws {
        let card = "models/router/MODEL_CARD.md"
        let broken = try RuleExampleRunner.findings(of: "MC-004", in: [
            card: "# Router\n\n## Training Data\n\nThe [ticket export](../../data/missing/) of 2023.\n"])
        XCTAssertEqual(broken.map(\.location.line), [3])
        let declared = try RuleExampleRunner.findings(of: "MC-004", in: [
            ".aims/config.yml": "version: 1\nsystems:\n  - id: router\n    root: models/router\ndatasets:\n  - id: tickets-2023\n    root: data/tickets\n",
            "data/tickets/DATASHEET.md": "# Tickets\n",
            card: "# Router\n\n## Training Data\n\nThe tickets-2023 dataset of resolved support tickets.\n"])
        XCTAssertEqual(declared.count, 0, "naming a declared dataset identifies it")
    }

    func testRepositoryPathsInProseAreNotHubIDs() throws {
        let found = try RuleExampleRunner.findings(of: "MC-004", in: [
            "data/tickets-2024/DATASHEET.md": "# Tickets\n",
            "models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                datasets: [acme/tickets-2024]
                ---
                # router

                ## Training Data

                Fine-tuned on acme/tickets-2024, kept as data/tickets-2024 in this repository.
                """])
        XCTAssertEqual(found.map(\.summary), [])
    }

    // MARK: Model Card Toolkit JSON

    func testToolkitCardsAreReadFieldByField() throws {
        let config = ModelCardExamples.config(stage: "deployment")
        let complete = """
            {
              "model_details": {
                "name": "router",
                "version": {"name": "2.1.0", "date": "2024-05-14"},
                "licenses": [{"identifier": "Apache-2.0"}]
              },
              "model_parameters": {
                "data": [
                  {"name": "tickets-2024 train", "link": "https://example.org/tickets"},
                  {"name": "tickets-2024 test split", "link": "https://example.org/tickets-test"}
                ]
              },
              "quantitative_analysis": {"performance_metrics": [{"type": "accuracy", "value": 0.91}]},
              "considerations": {
                "use_cases": ["Support agents pre-assign tickets to queues and confirm each one."],
                "limitations": ["Mixed tickets are routed to one queue only; it must not be used to decide refunds."]
              }
            }
            """
        let path = "models/router/model_card.json"
        var all: [String] = []
        for id in ModelCardTests.mcRuleIDs {
            all += try RuleExampleRunner.findings(of: id, in: [".aims/config.yml": config, path: complete]).map(\.summary)
        }
        XCTAssertEqual(all, [])
        let empty = "{\n  \"model_details\": {\"name\": \"router\"}\n}\n"
        var failed: [String] = []
        for id in ModelCardTests.mcRuleIDs {
            failed += try RuleExampleRunner.findings(of: id, in: [".aims/config.yml": config, path: empty])
                .map { "\($0.ruleID):\($0.location.line)" }
        }
        XCTAssertEqual(failed, ["MC-002:1", "MC-003:1", "MC-004:1", "MC-005:1", "MC-006:1", "MC-007:2", "MC-009:2"])
    }
}
