import Catalog
import XCTest

final class ProcessTests: XCTestCase {
    func testThirtyThreeProcessesInFourGroups() {
        XCTAssertEqual(LifecycleProcess.allCases.count, 33)
        let counts = ProcessGroup.allCases.map { group in
            LifecycleProcess.allCases.filter { $0.group == group }.count
        }
        XCTAssertEqual(counts, [2, 6, 8, 17])
        XCTAssertEqual(ProcessGroup.technicalManagement.title, "Technical management processes")
    }

    func testSlugsTagsAndNamesAreUnique() {
        let all = LifecycleProcess.allCases
        XCTAssertEqual(Set(all.map(\.rawValue)).count, 33)
        XCTAssertEqual(Set(all.map(\.tag)).count, 33)
        XCTAssertEqual(Set(all.map(\.name)).count, 33)
        for process in all {
            XCTAssertEqual(process.tag, "iso5338/" + process.rawValue)
            XCTAssertTrue(process.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, process.rawValue)
            XCTAssertFalse(process.summary.isEmpty)
        }
    }

    func testNamesAndAISpecificProcesses() {
        XCTAssertEqual(LifecycleProcess.aiDataEngineering.name, "AI data engineering")
        XCTAssertEqual(LifecycleProcess.aiDataEngineering.tag, "iso5338/ai-data-engineering")
        XCTAssertEqual(LifecycleProcess.stakeholderNeedsAndRequirementsDefinition.name,
                       "Stakeholder needs and requirements definition")
        XCTAssertEqual(LifecycleProcess.lifeCycleModelManagement.name, "Life cycle model management")
        XCTAssertEqual(LifecycleProcess.architectureDefinition.name, "Architecture definition")
        XCTAssertEqual(LifecycleProcess.designDefinition.name, "Design definition")
        XCTAssertEqual(LifecycleProcess.allCases.filter(\.isAISpecific),
                       [.knowledgeAcquisition, .aiDataEngineering, .continuousValidation])
    }

    func testProvisionalClausesOnlyForTechnicalProcesses() {
        XCTAssertEqual(LifecycleProcess.businessOrMissionAnalysis.provisionalClause, "6.4.1")
        XCTAssertEqual(LifecycleProcess.knowledgeAcquisition.provisionalClause, "6.4.7")
        XCTAssertEqual(LifecycleProcess.aiDataEngineering.provisionalClause, "6.4.8")
        XCTAssertEqual(LifecycleProcess.continuousValidation.provisionalClause, "6.4.14")
        XCTAssertEqual(LifecycleProcess.disposal.provisionalClause, "6.4.17")
        XCTAssertNil(LifecycleProcess.riskManagement.provisionalClause)
        XCTAssertEqual(ProcessGroup.technical.provisionalClause, "6.4")
    }

    func testParseByNameOrSlug() {
        XCTAssertEqual(LifecycleProcess.parse("AI data engineering"), .aiDataEngineering)
        XCTAssertEqual(LifecycleProcess.parse("ai-data-engineering"), .aiDataEngineering)
        XCTAssertEqual(LifecycleProcess.parse("Lifecycle model management"), .lifeCycleModelManagement)
        XCTAssertEqual(LifecycleProcess.parse("Risk Management"), .riskManagement)
        XCTAssertNil(LifecycleProcess.parse("Architecture / Design definition"))
        XCTAssertNil(LifecycleProcess.parse("risk"))
        for process in LifecycleProcess.allCases {
            XCTAssertEqual(LifecycleProcess.parse(process.name), process)
        }
    }
}
