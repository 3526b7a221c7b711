import ArgumentParser
import Foundation
import GitKit
import History
import Rules

/// `aimslint history`: when each control was first met, lost and met again, by which commit.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show when each control (rule × system) was first met, lost and met again, commit by commit.",
        discussion: """
            Walks the commits reachable from --rev, oldest first, and evaluates every control as it \
            stood at each commit. Results are cached under the repository's git folder \
            (aimslint/history-v1); a later run evaluates only the new commits. --since limits the \
            transitions listed; first met and last lost always come from the whole history.
            """)

    /// Which parents a walk follows.
    enum ParentMode: String, EnumerableFlag {
        case firstParent, allParents

        static func help(for value: ParentMode) -> ArgumentHelp? {
            switch value {
            case .firstParent: "Follow only first parents: the commits made on the branch, merges included (default)."
            case .allParents: "Walk every commit; a commit's changes are measured against its first parent."
            }
        }
    }

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Option(name: .long, help: "The newest commit to analyse (default: HEAD).")
    var rev: String = "HEAD"

    @Flag var parents: ParentMode = .firstParent

    @Option(name: .long, help: "List only transitions of commits dated on or after DATE (YYYY-MM-DD or ISO 8601).")
    var since: String?

    @Option(name: .long, parsing: .singleValue, help: "Only this system or dataset (repeatable).")
    var system: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Only this rule (repeatable).")
    var rule: [String] = []

    @Option(name: .long, help: "Report format: \(HistoryFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: HistoryFormat = .text

    @Option(name: .long, help: "Write the report to FILE (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Neither read nor write the history cache.")
    var noCache = false

    @Flag(name: .long, help: "Accept a shallow clone; the report then says where history stops.")
    var allowShallow = false

    func validate() throws {
        for id in rule where RuleCatalog.description(for: id) == nil {
            throw ValidationError("unknown rule '\(id)'; `aimslint rules` lists them")
        }
        if let since, SinceDate.parse(since) == nil {
            throw ValidationError("--since '\(since)' is not a date; use YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T12:00:00+02:00")
        }
    }

    func run() throws {
        let repository = try openRepository(path)
        let scanner = HistoryScanner(repository: repository, rules: RuleCatalog.rules, toolVersion: AimsLint.version)
        let options = HistoryOptions(revision: rev, firstParent: parents == .firstParent, useCache: !noCache,
                                     allowShallow: allowShallow)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let run: HistoryRun
        do {
            run = try scanner.scan(options) { bar.update($0) }
        } catch let error as HistoryError {
            bar.finish()
            Console.error(error.description)
            Console.hint(error.hint)
            throw ExitStatus.toolError
        } catch {
            bar.finish()
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        bar.finish()
        let report = run.report
        Console.log("history: \(report.commitsScanned) commits scanned, \(report.commitsEvaluated) evaluated, "
                    + "\(run.commitsFromCache) from the cache\(noCache ? " (--no-cache)" : "")")
        if let problem = run.cacheProblem { Console.log("note: \(problem)") }
        if let boundary = report.shallowBoundary {
            Console.log("note: shallow clone; history stops at \(boundary.prefix(12)), so earlier changes are not seen")
        }
        let rules = rule.isEmpty ? nil : Set(rule.compactMap { RuleCatalog.description(for: $0)?.id })
        let filtered = report.filtered(systems: system.isEmpty ? nil : Set(system), rules: rules,
                                       since: since.flatMap { text in SinceDate.parse(text).map { ($0, text) } })
        for id in system where !report.controls.contains(where: { $0.key.system == id }) {
            Console.hint("no control of '\(id)' appears in this history")
        }
        let color = format == .text && output == nil && Console.wantsColor(for: STDOUT_FILENO)
        do {
            try ReportWriter.write(format.render(filtered, color: color), to: output)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
    }
}

extension HistoryFormat: ExpressibleByArgument {}

/// `--since`: a calendar day (midnight UTC) or an ISO 8601 time with an offset, as unix seconds.
enum SinceDate {
    static func parse(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970.rounded(.down)) }
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard text.count == 10, let day = formatter.date(from: text) else { return nil }
        return Int64(day.timeIntervalSince1970.rounded(.down))
    }
}

/// A one-line progress bar on stderr, shown only on a terminal and only once a walk has run for
/// a while, redrawn at most ten times a second.
final class ProgressBar {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: HistoryProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let text: String
        if let total = progress.total, total > 0 {
            let width = 30
            let filled = progress.done * width / total
            text = "[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(progress.done)/\(total) commits"
        } else {
            text = "\(progress.done) commits"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2Khistory \(text)".utf8))
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        drawn = false
    }
}
