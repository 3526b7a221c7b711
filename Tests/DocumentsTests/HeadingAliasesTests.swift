import XCTest
@testable import Documents

final class HeadingAliasesTests: XCTestCase {
    func testNormalisation() {
        let cases: [(String, String)] = [
            ("**Intended Use:**", "intended use"),
            ("__Uses__", "uses"),
            ("Citation [optional]", "citation"),
            ("Downstream Use [Optional]:", "downstream use"),
            ("(Optional) Recommendations", "recommendations"),
            ("1. Motivation", "motivation"),
            ("2.3 Results.", "results"),
            ("4) Uses", "uses"),
            ("  Bias,   Risks, and Limitations  ", "bias, risks, and limitations"),
            ("📊 Evaluation", "evaluation"),
            ("Evaluation 📊", "evaluation"),
            ("2023", "2023"),
            ("Who are the annotators?", "who are the annotators?"),
        ]
        for (heading, normalized) in cases {
            XCTAssertEqual(HeadingNormalizer.normalize(heading), normalized, heading)
        }
    }

    func testSpecAliasGroups() {
        let groups: [(SectionKey, [String])] = [
            (.intendedUse, ["Intended Use", "Uses", "Model Use", "Intended Uses:", "Evaluated Use", "**Intended use**"]),
            (.limitations, ["Bias, Risks, and Limitations", "Bias, Risks & Limitations", "Limitations and Bias",
                            "Ethical Considerations and Limitations", "Performance and Limitations", "Risks and Limitations",
                            "Known Limitations", "Limitations"]),
            (.trainingData, ["Training Data", "Training datasets", "Data", "Datasets"]),
            (.evaluation, ["Evaluation", "Evaluation Results", "Quantitative Analyses", "Performance"]),
            (.testingData, ["Testing Data", "Evaluation Data", "Test Data"]),
            (.license, ["License", "Licence", "Licensing"]),
            (.outOfScopeUse, ["Out-of-Scope Use", "Out of scope uses", "Misuse", "Misuse and Out-of-Scope Use"]),
            (.directUse, ["Direct Use"]),
            (.dataCollection, ["Data Collection and Processing"]),
            (.sourceDataProducers, ["Who are the source data producers?"]),
            (.preprocessing, ["Preprocessing/cleaning/labeling", "Preprocessing, cleaning, and labeling",
                              "Preprocessing [optional]"]),
            (.purpose, ["Intended purpose", "Purpose"]),
            (.signOff, ["Sign-off", "Sign off"]),
        ]
        for (key, headings) in groups {
            for heading in headings {
                XCTAssertEqual(HeadingAliases.key(forHeading: heading), key, heading)
            }
        }
    }

    func testDatasheetSevenSections() {
        let headings = ["Motivation", "Composition", "Collection Process", "Preprocessing/cleaning/labeling", "Uses",
                        "Distribution", "Maintenance"]
        XCTAssertEqual(headings.compactMap(HeadingAliases.key(forHeading:)),
                       [.motivation, .composition, .collectionProcess, .preprocessing, .uses, .distribution, .maintenance])
        XCTAssertEqual(SectionKey.uses, .intendedUse)
    }

    func testUnknownHeadingsHaveNoKey() {
        for heading in ["Model Card for review-tone", "Dataset Card for X", "Acknowledgements", "Summary", ""] {
            XCTAssertNil(HeadingAliases.key(forHeading: heading), heading)
        }
    }

    func testEveryAliasBelongsToExactlyOneKey() {
        var owners: [String: [SectionKey]] = [:]
        for (key, aliases) in HeadingAliases.table {
            XCTAssertFalse(aliases.isEmpty, key.rawValue)
            for alias in aliases {
                owners[HeadingAliases.matchForm(HeadingNormalizer.normalize(alias)), default: []].append(key)
            }
        }
        let clashes = owners.filter { $0.value.count > 1 }.map { "\($0.key): \($0.value.map(\.rawValue).sorted())" }
        XCTAssertEqual(clashes.sorted(), [], "an alias listed twice is ambiguous or redundant")
        for (key, aliases) in HeadingAliases.table {
            for alias in aliases {
                XCTAssertEqual(HeadingAliases.key(forHeading: alias), key, alias)
            }
        }
    }

    func testTableCoversTheKeysOtherModulesNeed() {
        let required: [SectionKey] = [
            .modelDetails, .modelDescription, .intendedUse, .directUse, .downstreamUse, .outOfScopeUse, .limitations,
            .ethicalConsiderations, .caveatsAndRecommendations, .recommendations, .gettingStarted, .trainingDetails,
            .trainingData, .trainingProcedure, .evaluation, .testingData, .factors, .metrics, .results,
            .environmentalImpact, .technicalSpecifications, .citation, .license, .modelCardContact, .modelVersion,
            .datasetDetails, .datasetDescription, .datasetStructure, .datasetCreation, .curationRationale, .sourceData,
            .dataCollection, .sourceDataProducers, .annotations, .annotationProcess, .annotators,
            .personalSensitiveInformation, .dataSplits, .motivation, .composition, .collectionProcess, .preprocessing,
            .uses, .distribution, .maintenance, .purpose, .problemStatement, .whyAI, .stakeholders, .scope,
            .riskCriteria, .riskIdentification, .riskAnalysis, .riskEvaluation, .riskTreatment, .review, .owner,
            .approval, .rollback, .environment, .humanOversight, .monitoring, .thresholds, .logging,
            .incidentResponse, .contact, .retention, .retirementTriggers, .acceptanceCriteria, .signOff,
        ]
        let missing = required.filter { HeadingAliases.table[$0] == nil }
        XCTAssertEqual(missing, [])
        XCTAssertEqual(HeadingAliases.allKeys, HeadingAliases.allKeys.sorted())
        XCTAssertEqual(SectionKey.intendedUse.rawValue, "intended-use")
        XCTAssertEqual(SectionKey.whyAI.rawValue, "why-ai")
    }
}
