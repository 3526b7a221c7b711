import Foundation
import GitKit
import TestSupport
import XCTest

/// Turns git CLI output into an ObjectID, failing the test when it is not one.
func objectID(_ hex: String, file: StaticString = #filePath, line: UInt = #line) throws -> ObjectID {
    try XCTUnwrap(ObjectID(hex: hex), "not an object id: \(hex)", file: file, line: line)
}

/// Asserts that `body` throws a GitError with `code`, and returns it for more checks.
@discardableResult
func assertGitError<T>(_ code: GitError.Code, file: StaticString = #filePath, line: UInt = #line,
                       _ body: () throws -> T) -> GitError? {
    do {
        let value = try body()
        XCTFail("expected GitError.\(code), got \(value)", file: file, line: line)
    } catch let error as GitError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        XCTAssertFalse(error.description.contains("\n"), "description must be one line", file: file, line: line)
        return error
    } catch {
        XCTFail("expected GitError, got \(error)", file: file, line: line)
    }
    return nil
}

extension TestRepository {
    /// Opens this repository with GitKit.
    func open() throws -> Repository {
        try Repository.discover(from: root.path)
    }

    /// Removes the loose object file of `hex` (the repository must not be packed).
    func deleteLooseObject(_ hex: String) throws {
        let gitDir = try git("rev-parse", "--git-common-dir")
        let base = gitDir.hasPrefix("/") ? gitDir : root.appendingPathComponent(gitDir).path
        let path = "\(base)/objects/\(hex.prefix(2))/\(hex.dropFirst(2))"
        try FileManager.default.removeItem(atPath: path)
    }

    /// Marks a file executable (git records mode 100755).
    func makeExecutable(_ relative: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(relative))
    }

    /// Creates a symlink at `relative` pointing to `target`.
    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }
}

/// A fresh folder outside any repository, removed when the returned object goes away.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aimslint-plain-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
