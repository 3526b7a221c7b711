import Foundation
import TestSupport
import XCTest

/// The test helper itself: fixed dates and identities give the same commit ids on every run.
final class TestSupportTests: XCTestCase {
    func testCommitsAreDeterministic() throws {
        let repo = try TestRepository()
        try repo.write("a/b.txt", "hello\n")
        let first = try repo.commitAll("first")
        try repo.write("a/b.txt", "hello again\n")
        let second = try repo.commitAll("second", author: "Bo Builder", email: "bo@example.com")
        XCTAssertEqual(first.count, 40)
        XCTAssertEqual(try repo.git("log", "--format=%an <%ae> %cn %aI %cI", "-1", first),
                       "Ada Author <ada@example.com> Ada Author 2024-01-01T00:00:00+00:00 2024-01-01T00:00:00+00:00")
        XCTAssertEqual(try repo.git("log", "--format=%an <%ae> %cn <%ce> %aI", "-1", second),
                       "Bo Builder <bo@example.com> Ada Author <ada@example.com> 2024-01-02T00:00:00+00:00")
        XCTAssertEqual(try repo.git("rev-parse", "--abbrev-ref", "HEAD"), "main")
        XCTAssertEqual(try repo.read("a/b.txt"), "hello again\n")

        let again = try TestRepository()
        try again.write("a/b.txt", "hello\n")
        XCTAssertEqual(try again.commitAll("first"), first)
    }

    func testGitFailureCarriesStderr() throws {
        let repo = try TestRepository()
        XCTAssertThrowsError(try repo.git("rev-parse", "--verify", "nope")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("git rev-parse --verify nope"), text)
            XCTAssertTrue(text.contains("status 128"), text)
        }
    }

    func testFolderIsRemovedWhenDropped() throws {
        var repo: TestRepository? = try TestRepository()
        let root = try XCTUnwrap(repo?.root)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.path))
        repo = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path))
    }

    func testRunProcessLargeOutputAndStdin() throws {
        let input = Data(String(repeating: "x", count: 200_000).utf8)
        let result = try runProcess("cat", [], stdin: input)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.count, 200_000)
        XCTAssertEqual(try runProcess("sh", ["-c", "echo oops >&2; exit 3"]).status, 3)
        XCTAssertEqual(try runProcess("sh", ["-c", "echo oops >&2; exit 3"]).stderr, "oops\n")
    }

    func testEnvironmentIsIsolated() {
        let environment = isolatedGitEnvironment(extra: ["X_TEST": "1"])
        XCTAssertEqual(environment["GIT_CONFIG_NOSYSTEM"], "1")
        XCTAssertEqual(environment["GIT_CONFIG_GLOBAL"], "/dev/null")
        XCTAssertEqual(environment["LC_ALL"], "C")
        XCTAssertNil(environment["GIT_DIR"])
        XCTAssertEqual(environment["X_TEST"], "1")
    }
}
