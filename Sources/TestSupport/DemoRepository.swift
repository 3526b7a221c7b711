import Foundation

/// The demo history of fixtures/demo, replayed into a fresh repository by the same script the
/// README's command uses.
public enum DemoRepository {
    /// The package's root folder (this file is Sources/TestSupport/DemoRepository.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Builds the demo repository in a new temporary folder and returns it; the caller removes it.
    public static func build() throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-demo-\(UUID().uuidString)")
        let script = packageRoot.appendingPathComponent("scripts/build-fixture-repo.sh").path
        let result = try runProcess("/bin/bash", [script, packageRoot.appendingPathComponent("fixtures/demo").path, out.path],
                                    environment: isolatedGitEnvironment())
        guard result.status == 0 else {
            throw TestSupportError(command: "bash \(script) fixtures/demo", status: result.status, stderr: result.stderr)
        }
        return out
    }
}
