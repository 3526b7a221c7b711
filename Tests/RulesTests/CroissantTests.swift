import Foundation
import Lint
@testable import Rules
import XCTest

/// CR-001 and CR-002 beyond their examples: both specification versions, prefixes resolved through
/// @context, the cases the reference validator lets through, and the RAI vocabulary helpers.
final class CroissantTests: XCTestCase {
    let path = "data/receipts/croissant.json"

    private func check(_ rules: [String], _ json: String) throws -> [String] {
        try DatasetRuleRunner.findings(of: rules, in: [path: json])
    }

    // MARK: CR-001

    func testCompleteFilesOfBothVersionsPass() throws {
        XCTAssertEqual(try check(["CR-001", "CR-002"], DatasetExampleFiles.croissant), [])
        XCTAssertEqual(try check(["CR-001"], CroissantRequiredProperties.version10), [])
    }

    func testVersion10FileMissingPropertiesTheReferenceValidatorIgnores() throws {
        // Only @context, @type, name and conformsTo: loads in the reference library with warnings
        // about recommended properties only.
        let json = """
            {
              "@context": { "@vocab": "https://schema.org/", "sc": "https://schema.org/",
                            "dct": "http://purl.org/dc/terms/", "conformsTo": "dct:conformsTo" },
              "@type": "sc:Dataset",
              "conformsTo": "http://mlcommons.org/croissant/1.0",
              "name": "receipts"
            }
            """
        XCTAssertEqual(try check(["CR-001"], json), [
            "CR-001 \(path):1 key:creator", "CR-001 \(path):1 key:datePublished", "CR-001 \(path):1 key:description",
            "CR-001 \(path):1 key:distribution", "CR-001 \(path):1 key:url",
        ])
        // The licence is one fact with one owner, whatever the dataset's documents: DS-003.
        XCTAssertEqual(try check(["DS-003"], json), ["DS-003 \(path):1 licence"])
    }

    func testVersion11WithVocabularyTermsAndSeveralConformsToValues() throws {
        let json = """
            {
              "@context": { "@vocab": "http://schema.org/", "cr": "http://mlcommons.org/croissant/",
                            "dct": "http://purl.org/dc/terms/" },
              "@type": "Dataset",
              "dct:conformsTo": ["http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"],
              "name": "receipts",
              "description": "Receipt lines.",
              "license": ["https://spdx.org/licenses/CC-BY-4.0.html"],
              "url": "https://data.example.org/receipts",
              "creator": "Example Budgeting Labs",
              "datePublished": "2024",
              "distribution": { "@type": "cr:FileObject", "@id": "r.csv", "contentUrl": "r.csv" }
            }
            """
        XCTAssertEqual(try check(["CR-001"], json), [])
    }

    func testMissingContextTypeAndConformsTo() throws {
        let json = """
            {
              "name": "receipts",
              "description": "Receipt lines.",
              "license": "https://spdx.org/licenses/CC-BY-4.0.html",
              "url": "receipts.html",
              "creator": { "name": "Example Budgeting Labs" },
              "datePublished": "2024-05-14",
              "distribution": []
            }
            """
        // metadata.json would not be recognised without @type, but croissant.json is recognised by name.
        XCTAssertEqual(try check(["CR-001"], json), [
            "CR-001 \(path):1 key:@context", "CR-001 \(path):1 key:@type", "CR-001 \(path):1 key:dct:conformsTo",
            "CR-001 \(path):5 value:url", "CR-001 \(path):8 value:distribution",
        ])
    }

    func testConformsToNamingOnlyTheRAIExtension() throws {
        let json = DatasetExampleFiles.croissant.replacingOccurrences(
            of: "\"dct:conformsTo\": \"http://mlcommons.org/croissant/1.1\"",
            with: "\"dct:conformsTo\": \"http://mlcommons.org/croissant/RAI/1.0\"")
        XCTAssertEqual(try check(["CR-001"], json), ["CR-001 \(path):12 value:conformsTo"])
    }

    func testGraphFormAndTopLevelArray() throws {
        let graph = """
            {
              "@context": { "@vocab": "https://schema.org/" },
              "@graph": [
                { "@type": "Organization", "name": "Example Budgeting Labs" },
                { "@type": "Dataset", "name": "receipts" }
              ]
            }
            """
        let found = try check(["CR-001"], graph)
        XCTAssertTrue(found.contains("CR-001 \(path):1 key:url"), "\(found)")
        XCTAssertFalse(found.contains { $0.hasSuffix("key:@type") }, "the Dataset node of the graph is the one checked: \(found)")
        XCTAssertEqual(try check(["CR-001"], "[\n  {}\n]\n"), ["CR-001 \(path):1 not-an-object"])
        XCTAssertEqual(try check(["CR-001", "CR-002"], "\"receipts\"\n"), ["CR-001 \(path):1 not-an-object"])
    }

    // MARK: CR-002

    func testCasingTypoIsReportedWithTheVocabularySpelling() throws {
        let json = DatasetExampleFiles.croissant.replacingOccurrences(of: "\"rai:dataBiases\"", with: "\"rai:DataBiases\"")
        XCTAssertEqual(try check(["CR-002"], json), ["CR-002 \(path):30 rai:DataBiases"])
        let message = try findingMessages("CR-002", json)
        XCTAssertEqual(message, ["`rai:DataBiases` is not a property of the Croissant RAI vocabulary: did you mean `rai:dataBiases`?"])
    }

    func testTyposUnderAnotherPrefixBoundToTheRAINamespace() throws {
        let json = """
            {
              "@context": { "@vocab": "https://schema.org/", "resp": "http://mlcommons.org/croissant/RAI/" },
              "@type": "Dataset",
              "resp:dataCollection": "Uploaded in 2023.",
              "resp:dataLimitatons": "Corner shops are rare.",
              "resp:PersonalSensitiveInformation": "None.",
              "resp:dataWeather": "Sunny."
            }
            """
        XCTAssertEqual(try findingMessages("CR-002", json), [
            "`resp:dataLimitatons` is not a property of the Croissant RAI vocabulary: did you mean `resp:dataLimitations`?",
            "`resp:PersonalSensitiveInformation` is not a property of the Croissant RAI vocabulary: did you mean `resp:personalSensitiveInformation`?",
            "`resp:dataWeather` is not a property of the Croissant RAI vocabulary; `aimslint explain CR-002` lists the 20 it defines",
        ])
    }

    func testUndeclaredProvPrefixIsReportedOnceAtItsFirstUse() throws {
        let json = """
            {
              "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
              "@type": "Dataset",
              "rai:dataCollection": "Uploaded in 2023.",
              "rai:dataBiases": "Corner shops are rare.",
              "rai:personalSensitiveInformation": "None.",
              "prov:wasGeneratedBy": {
                "@type": "prov:Activity",
                "prov:label": "OCR and correction"
              },
              "prov:wasDerivedFrom": { "@id": "https://data.example.org/uploads" }
            }
            """
        XCTAssertEqual(try check(["CR-002"], json), ["CR-002 \(path):7 prefix:prov"])
        let declared = json.replacingOccurrences(of: "\"rai\": \"http://mlcommons.org/croissant/RAI/\"",
                                                 with: "\"rai\": \"http://mlcommons.org/croissant/RAI/\", \"prov\": \"http://www.w3.org/ns/prov#\"")
        XCTAssertEqual(try check(["CR-002"], declared), [])
    }

    func testProvPrefixUsedOnlyInATypeValue() throws {
        let json = """
            {
              "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
              "@type": "Dataset",
              "rai:dataCollection": "Uploaded in 2023.",
              "rai:dataBiases": "Corner shops are rare.",
              "rai:personalSensitiveInformation": "None.",
              "isBasedOn": { "@type": "prov:Entity", "name": "raw uploads" }
            }
            """
        XCTAssertEqual(try check(["CR-002"], json), ["CR-002 \(path):7 prefix:prov"])
    }

    func testHubStyleContextTermsWithoutValuesAreOneFindingPerFact() throws {
        let json = """
            {
              "@context": {
                "@vocab": "https://schema.org/",
                "cr": "http://mlcommons.org/croissant/",
                "rai": "http://mlcommons.org/croissant/RAI/",
                "dataBiases": "cr:dataBiases",
                "dataCollection": "cr:dataCollection",
                "personalSensitiveInformation": "cr:personalSensitiveInformation"
              },
              "@type": "Dataset",
              "name": "receipts"
            }
            """
        // The missing statements are the DS rules' facts, one finding each; CR-002 does not repeat them.
        XCTAssertEqual(try check(["CR-002", "DS-002", "DS-004", "DS-006"], json), [
            "DS-002 \(path):1 provenance", "DS-004 \(path):1 personal-information", "DS-006 \(path):1 data-quality",
        ])
        let filled = json.replacingOccurrences(of: "\"name\": \"receipts\"", with: """
            "name": "receipts", "dataBiases": "Corner shops are rare.", "dataCollection": "Uploaded in 2023.",
              "personalSensitiveInformation": "None."
            """)
        XCTAssertEqual(try check(["CR-002", "DS-002", "DS-004", "DS-006"], filled), [], "values under the older cr: binding still count")
    }

    func testRemoteContextIsNotJudgedForPrefixes() throws {
        let json = """
            {
              "@context": "https://example.org/croissant-context.jsonld",
              "@type": "sc:Dataset",
              "rai:dataCollection": "Uploaded in 2023.",
              "rai:dataBiases": "Corner shops are rare.",
              "rai:personalSensitiveInformation": "None.",
              "prov:wasDerivedFrom": { "@id": "https://data.example.org/uploads" }
            }
            """
        XCTAssertEqual(try check(["CR-002"], json), [])
    }

    // MARK: Vocabulary helpers

    func testSuggestions() {
        XCTAssertEqual(CroissantVocabulary.suggestion(forRAIName: "DataBiases"), "dataBiases")
        XCTAssertEqual(CroissantVocabulary.suggestion(forRAIName: "datacollectiontimeframe"), "dataCollectionTimeframe")
        XCTAssertEqual(CroissantVocabulary.suggestion(forRAIName: "dataBias"), "dataBiases")
        XCTAssertEqual(CroissantVocabulary.suggestion(forRAIName: "annotationPlatform"), "dataAnnotationPlatform")
        XCTAssertEqual(CroissantVocabulary.suggestion(forRAIName: "dataCollectionTimeFrameStart"), "dataCollectionTimeframe")
        XCTAssertNil(CroissantVocabulary.suggestion(forRAIName: "dataWeather"))
        XCTAssertEqual(CroissantVocabulary.raiProperties.count, 20)
        XCTAssertEqual(Set(CroissantVocabulary.raiProperties).count, 20)
        XCTAssertEqual(CroissantVocabulary.canonicalRAIName("dataDataManipulationProtocol"), "dataManipulationProtocol")
        XCTAssertNil(CroissantVocabulary.canonicalRAIName("DataBiases"))
    }

    func testSpecificationVersions() {
        XCTAssertEqual(CroissantVocabulary.specificationVersion("http://mlcommons.org/croissant/1.0"), "1.0")
        XCTAssertEqual(CroissantVocabulary.specificationVersion("https://mlcommons.org/croissant/1.1/"), "1.1")
        XCTAssertNil(CroissantVocabulary.specificationVersion("http://mlcommons.org/croissant/RAI/1.0"))
        XCTAssertNil(CroissantVocabulary.specificationVersion("http://mlcommons.org/croissant/"))
        XCTAssertEqual(CroissantVocabulary.editDistance("kitten", "sitting", limit: 5), 3)
        XCTAssertEqual(CroissantVocabulary.editDistance("", "abc", limit: 5), 3)
        XCTAssertEqual(CroissantVocabulary.editDistance("abcdef", "a", limit: 2), 3)
    }

    private func findingMessages(_ rule: String, _ json: String) throws -> [String] {
        try RuleExampleRunner.findings(of: rule, in: [path: json]).sorted { $0.location < $1.location }.map(\.message)
    }
}
