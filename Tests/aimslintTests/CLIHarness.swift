import Foundation
import TestSupport
import XCTest

/// Runs the built `aimslint` executable (it sits next to the test bundle in the build folder).
enum CLI {
    static var executable: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("aimslint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("aimslint").path
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        var environment = isolatedGitEnvironment()
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        let result = try runProcess(executable, arguments, currentDirectory: folder, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
