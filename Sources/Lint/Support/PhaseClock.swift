import Foundation

/// Where a run's time goes, for profiling on a user's machine: with `AIMSLINT_TIMINGS=1` in the
/// environment, each `mark` writes the milliseconds since the clock started to standard error
/// (`aimslint: timing index read 212 ms`). Off, it costs one environment lookup per run.
public struct PhaseClock: Sendable {
    /// One clock per process, started by its first use (a command starts it as it begins).
    public static let shared = PhaseClock()

    private let start = DispatchTime.now()
    private let enabled: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = environment["AIMSLINT_TIMINGS"] == "1"
    }

    public func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let elapsed = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("aimslint: timing \(phase()) \(elapsed) ms\n".utf8))
    }
}
