import XCTest
@testable import Lint

final class CacheFolderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func folder(_ key: String, keep: Int = 2) -> CacheFolder {
        CacheFolder(url: root.appendingPathComponent(key, isDirectory: true), keep: keep, name: "the test cache")
    }

    private func age(_ name: String, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)],
                                              ofItemAtPath: root.appendingPathComponent(name).path)
    }

    /// Only the newest `keep` files of a folder stay, and no temporary file is left.
    func testWriteKeepsTheNewestFiles() throws {
        let cache = folder("a", keep: 2)
        for (index, name) in ["1.json", "2.json", "3.json"].enumerated() {
            XCTAssertNil(cache.write(Data("\(index)".utf8), as: name))
            try age("a/\(name)", seconds: Double(100 - index * 10))
        }
        XCTAssertNil(cache.write(Data("4".utf8), as: "4.json"))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.url.path).sorted()
        XCTAssertEqual(left, ["3.json", "4.json"])
        XCTAssertEqual(cache.read("4.json"), Data("4".utf8))
    }

    /// Folders of other keys (earlier aimslint builds) are removed but the newest few.
    func testSiblingFoldersOfOtherKeysArePruned() throws {
        for (index, key) in ["old", "older", "oldest"].enumerated() {
            XCTAssertNil(folder(key).write(Data("x".utf8), as: "1.json"))
            try age(key, seconds: Double(100 * (index + 1)))
        }
        try Data("not a folder".utf8).write(to: root.appendingPathComponent("note.txt"))
        let current = folder("current")
        XCTAssertNil(current.write(Data("y".utf8), as: "1.json"))
        current.pruneSiblingFolders(keep: 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(left, ["current", "note.txt", "old"], "the current key and the newest other stay; files are left alone")
        XCTAssertEqual(current.read("1.json"), Data("y".utf8))
    }
}
