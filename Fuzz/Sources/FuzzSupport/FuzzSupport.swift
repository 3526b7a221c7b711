import Documents
import Foundation

/// Checks shared by the fuzz targets. A broken invariant aborts, which libFuzzer reports as a
/// crash and saves the input for; the message says which invariant broke.
public enum FuzzCheck {
    /// Fails the run unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
        abort()
    }

    /// A location must point into the text: 1-based, at most one line past the last line.
    public static func requireInside(_ location: SourceLocation, lineCount: Int, _ what: String) {
        require(location.line >= 1 && location.column >= 1, "\(what) at \(location) is not 1-based")
        require(location.line <= max(lineCount, 1) + 1, "\(what) at \(location) is past the last line \(lineCount)")
    }

    /// The number of lines of `text` as `LineIndex` counts them: `\n`, `\r\n` and a lone `\r` each end a line.
    public static func lineCount(of text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { count += 1 }
            previous = byte
        }
        return count
    }

    /// The known rule ids the policy decoders are fuzzed with (a fixed sample of the catalog).
    public static let ruleIDs: Set<String> = [
        "AIMS-001", "AIMS-002", "AIMS-003", "AIMS-004", "AIMS-005", "AIMS-006",
        "GIT-001", "GIT-002", "GIT-003",
        "MC-001", "MC-002", "MC-003", "MC-004", "MC-005", "MC-006", "MC-007", "MC-008", "MC-009", "MC-010",
        "TERM-001", "TERM-002", "TERM-003",
    ]
}
