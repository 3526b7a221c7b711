import Catalog
import XCTest

final class AnnexATests: XCTestCase {
    func testThirtyEightControlsWithUniqueIdsInNumericOrder() {
        let ids = AnnexA.controls.map(\.id)
        XCTAssertEqual(ids.count, 38)
        XCTAssertEqual(Set(ids).count, 38)
        XCTAssertEqual(ids.first, "A.2.2")
        XCTAssertEqual(ids.last, "A.10.4")
        // A.10 sorts after A.9, and A.6.1.x before A.6.2.x: numeric, not string order.
        XCTAssertEqual(Array(ids[31...37]), ["A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4"])
        XCTAssertEqual(AnnexA.controls.sorted(), AnnexA.controls)
        XCTAssertEqual(Array(ids[14...16]), ["A.6.1.2", "A.6.1.3", "A.6.2.2"])
    }

    func testDomainsMatchTheStandardsNumbering() {
        XCTAssertEqual(AnnexA.domains.map(\.id), ["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"])
        let perDomain = AnnexA.domains.map { domain in AnnexA.controls.filter { $0.domain == domain.id }.count }
        XCTAssertEqual(perDomain, [3, 2, 5, 4, 9, 5, 4, 3, 3])
        XCTAssertEqual(AnnexA.control("A.5.4")?.domainTitle, "Assessing impacts of AI systems")
        XCTAssertEqual(AnnexA.control("A.6.1.2")?.domainTitle, "AI system life cycle")
        XCTAssertEqual(AnnexA.control("A.7.5")?.domainTitle, "Data for AI systems")
        XCTAssertEqual(AnnexA.control("A.10.3")?.domain, "A.10")
        XCTAssertEqual(AnnexA.control("A.10.3")?.domainTitle, "Third-party and customer relationships")
        for control in AnnexA.controls {
            XCTAssertTrue(control.id.hasPrefix(control.domain + "."), control.id)
            XCTAssertFalse(control.domainTitle.isEmpty, control.id)
            XCTAssertTrue(control.summary.hasSuffix("."), control.id)
        }
    }

    func testTitlesAndTags() {
        XCTAssertEqual(AnnexA.control("A.6.2.4")?.title, "AI system verification and validation")
        XCTAssertEqual(AnnexA.control("A.7.5")?.title, "Data provenance")
        XCTAssertEqual(AnnexA.control("A.2.2")?.title, "AI policy")
        XCTAssertEqual(AnnexA.control("A.9.4")?.title, "Intended use of the AI system")
        XCTAssertEqual(AnnexA.control("A.3.3")?.title, "Reporting of concerns")
        XCTAssertEqual(AnnexA.control("A.6.2.4")?.tag, "iso42001/A.6.2.4")
        XCTAssertEqual(AnnexA.control(" a.7.5 ")?.id, "A.7.5")
        XCTAssertNil(AnnexA.control("A.7.7"))
        XCTAssertNil(AnnexA.control("A.1.1"))
        XCTAssertNil(AnnexA.control("6.1.2"))
    }

    func testExpandRanges() {
        XCTAssertEqual(AnnexA.expand("A.5.2–A.5.5"), ["A.5.2", "A.5.3", "A.5.4", "A.5.5"])
        XCTAssertEqual(AnnexA.expand("A.5.2-A.5.5"), ["A.5.2", "A.5.3", "A.5.4", "A.5.5"])
        XCTAssertEqual(AnnexA.expand("A.4.2 – A.4.5"), ["A.4.2", "A.4.3", "A.4.4", "A.4.5"])
        XCTAssertEqual(AnnexA.expand("A.6.1.3–A.6.2.3"), ["A.6.1.3", "A.6.2.2", "A.6.2.3"])
        XCTAssertEqual(AnnexA.expand("A.9.4–A.10.2"), ["A.9.4", "A.10.2"])
        XCTAssertEqual(AnnexA.expand("A.7.5"), ["A.7.5"])
        XCTAssertEqual(AnnexA.expand("A.6.2.6, A.7.2"), ["A.6.2.6", "A.7.2"])
        XCTAssertEqual(AnnexA.expand("A.5.2–A.5.3, A.5.3"), ["A.5.2", "A.5.3"])
    }

    func testExpandRejectsWhatIsNotAControl() {
        XCTAssertEqual(AnnexA.expand("A.5.5–A.5.2"), [])
        XCTAssertEqual(AnnexA.expand("A.5.2–A.5.9"), [])
        XCTAssertEqual(AnnexA.expand("A.7.9"), [])
        XCTAssertEqual(AnnexA.expand("cl. 6.1.2"), [])
        XCTAssertEqual(AnnexA.expand(""), [])
    }

    func testManagementClauses() {
        XCTAssertEqual(ManagementClauses.all.map(\.id),
                       ["6.1.2", "6.1.3", "6.1.4", "7.5", "8.2", "8.3", "8.4", "9.3", "10.2"])
        XCTAssertEqual(ManagementClauses.all.sorted(), ManagementClauses.all)
        XCTAssertEqual(ManagementClauses.clause("9.3")?.title, "Management review")
        XCTAssertEqual(ManagementClauses.clause("cl. 6.1.4")?.title, "AI system impact assessment")
        XCTAssertEqual(ManagementClauses.clause("6.1.2")?.tag, "iso42001/6.1.2")
        XCTAssertNil(ManagementClauses.clause("6.1.5"))
        XCTAssertEqual(ManagementClauses.expand("cl. 6.1.2–6.1.3"), ["6.1.2", "6.1.3"])
        XCTAssertEqual(ManagementClauses.expand("8.2-8.4, 9.3"), ["8.2", "8.3", "8.4", "9.3"])
        XCTAssertEqual(ManagementClauses.expand("A.5.2"), [])
    }
}
