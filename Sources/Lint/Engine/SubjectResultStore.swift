import Foundation
import GitKit

/// `check`'s saved rule outcomes for a base commit, under
/// `<git dir>/aimslint/results-v1/<key>/<commit>.json` (`--no-cache` skips it).
///
/// A pre-commit hook checks the staged tree against the same HEAD again and again. The first run
/// at a HEAD saves what it found there: the base's final findings, and every rule's outcome per
/// subject with the prints of that subject's inputs (`ProjectPrints`). A later run at the same
/// HEAD builds and evaluates no base at all, and evaluates on the checked side only the subjects
/// whose inputs differ from the base's — in a staged edit of one model card, one system and the
/// datasets it touches. The first run at a HEAD takes the same outcomes from the base it has
/// just evaluated, so it too evaluates the checked side's unchanged subjects only once.
///
/// An outcome is taken back only when all of these hold:
/// - the key matches: this aimslint executable (path, size and modification time) and its rule
///   ids, the rules and systems asked for, today's date (waivers expire), which side the policy
///   is read from and, when it is the checked side, its `.aims/` files;
/// - the policy and licence files, every path of the tree, the dataset ids and dataset
///   documents are the same on both sides (rules ask whether files exist), and the subject's
///   own print is the same;
/// - the rule does not read the change set (`RuleDescription.readsChangeSet`), and for rules
///   that read history, both sides have the same history (a staged or working-tree change sits
///   on its base).
/// The checked side must name its files by blob id (a commit or the index): working-tree files
/// have none, so there every subject is evaluated. Files are written atomically and only the
/// newest few are kept; a file that does not decode is a miss.
public struct SubjectResultStore: Sendable {
    /// A large repository's entry is a few megabytes; the hook needs the one for HEAD.
    static let keep = 4
    /// Keys kept side by side (each aimslint build, rule or system selection has its own).
    static let keepKeys = 3

    struct Saved: Codable {
        let key: String
        let commit: String
        /// Digest of the policy and licence files, dataset ids and documents (the paths are the base commit's).
        let context: String
        /// Per subject (`Engine.key(of:)`), a digest of its print.
        let prints: [String: String]
        let outcomes: [String: [String: RuleOutcome]]
        let documents: DocumentOutcomes
        /// The base's findings after suppressions, as `Engine.run` returned them.
        let findings: [Finding]
        let historyScope: [String]
    }

    /// What a run at a base commit left (or what this run found there).
    public struct Entry: Sendable {
        public let findings: [Finding]
        public let historyScope: [String]
        let context: String
        let prints: [String: String]
        let outcomes: [String: [String: RuleOutcome]]
        let documents: DocumentOutcomes
        public let ledger: ArtifactLedger

        init(findings: [Finding], historyScope: [String] = [], context: String = "", prints: [String: String] = [:],
             outcomes: [String: [String: RuleOutcome]] = [:], documents: DocumentOutcomes = DocumentOutcomes(),
             ledger: ArtifactLedger = ArtifactLedger()) {
            self.ledger = ledger
            self.findings = findings
            self.historyScope = historyScope
            self.context = context
            self.prints = prints
            self.outcomes = outcomes
            self.documents = documents
        }
    }

    let folder: CacheFolder
    let key: String

    /// `settings` names what else the outcomes depend on (rules and systems asked for, today,
    /// the policy's side and identity).
    public init(repository: Repository, ruleIDs: [String], settings: [String]) {
        key = String(SHA256.hex((["results 1", Self.executableIdentity(), ruleIDs.sorted().joined(separator: ",")] + settings)
            .joined(separator: "\n")).prefix(16))
        folder = CacheFolder(url: URL(fileURLWithPath: repository.gitDirectory)
                                .appendingPathComponent("aimslint/results-v1", isDirectory: true)
                                .appendingPathComponent(key, isDirectory: true),
                             keep: Self.keep, name: "the result cache")
    }

    /// The running executable's path, size and modification time: another build of aimslint
    /// (rules changed, same version number) never reads these outcomes.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }

    /// The digest of what every subject's rules may ask besides its own documents and the
    /// tree's paths (compared directly: the entry belongs to the base, whose listing the run has).
    public static func context(of prints: ProjectPrints) -> String {
        var text = prints.global
        text += "\n--datasets\n" + prints.datasetIDs.joined(separator: "\n")
        text += "\n--dataset documents\n" + prints.datasetDocuments.sorted().joined(separator: "\n")
        return SHA256.hex(text)
    }

    static func digests(of prints: ProjectPrints) -> [String: String] {
        var result: [String: String] = [:]
        for (subject, print) in prints.subjects {
            result[subjectKey(subject, in: prints)] = SHA256.hex(print)
        }
        return result
    }

    /// `ProjectPrints` keys subjects by id alone; the print's first word tells a system from a dataset.
    private static func subjectKey(_ id: String?, in prints: ProjectPrints) -> String {
        guard let id else { return "\(SubjectKind.repository.rawValue):" }
        let kind: SubjectKind = prints.subjects[id]?.hasPrefix("dataset ") == true ? .dataset : .system
        return "\(kind.rawValue):\(id)"
    }

    /// The first line of a saved file: what the base's documents were (small, read before the
    /// checked side's project is built); the outcomes follow on the second line.
    struct Header: Codable {
        let key: String
        let commit: String
        let ledger: ArtifactLedger
    }

    /// A saved file whose header has been read.
    public struct Opened: Sendable {
        public let ledger: ArtifactLedger
        let commit: ObjectID
        let rest: Data
    }

    /// Reads the file saved for a base commit and decodes its header; nil on a miss.
    public func open(_ commit: ObjectID) -> Opened? {
        guard let data = folder.read("\(commit.hex).json"),
              let newline = data.firstIndex(of: 0x0A),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]),
              header.key == key, header.commit == commit.hex else { return nil }
        return Opened(ledger: header.ledger, commit: commit, rest: data[data.index(after: newline)...])
    }

    /// The outcomes of an opened file (the larger part: decode it on another thread).
    public func load(_ opened: Opened) -> Entry? {
        guard let saved = try? JSONDecoder().decode(Saved.self, from: opened.rest),
              saved.key == key, saved.commit == opened.commit.hex else { return nil }
        return Entry(findings: saved.findings, historyScope: saved.historyScope, context: saved.context,
                     prints: saved.prints, outcomes: saved.outcomes, documents: saved.documents, ledger: opened.ledger)
    }

    /// A base's evaluation (run with `keepOutcomes`) as an entry.
    public static func entry(of result: LintResult, prints: ProjectPrints, ledger: ArtifactLedger = ArtifactLedger()) -> Entry {
        Entry(findings: result.findings, historyScope: result.project.historyScope, context: context(of: prints),
              prints: digests(of: prints), outcomes: result.outcomes, documents: result.documents, ledger: ledger)
    }

    /// Saves an entry for a base commit; returns why it could not, if so.
    @discardableResult
    public func save(_ entry: Entry, commit: ObjectID) -> String? {
        let saved = Saved(key: key, commit: commit.hex, context: entry.context, prints: entry.prints,
                          outcomes: entry.outcomes, documents: entry.documents, findings: entry.findings,
                          historyScope: entry.historyScope)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]   // never pretty: a raw newline ends the header
        guard var data = try? encoder.encode(Header(key: key, commit: commit.hex, ledger: entry.ledger)),
              let rest = try? encoder.encode(saved) else { return "cannot encode the result cache" }
        data.append(0x0A)
        data.append(rest)
        if let problem = folder.write(data, as: "\(commit.hex).json") { return problem }
        folder.pruneSiblingFolders(keep: Self.keepKeys)
        return nil
    }

    /// The outcomes of `entry` that hold for a checked tree with these prints and `entries`: none
    /// when the context differs or the paths are not those of `base` (the listing of the commit
    /// the entry was saved for), else those of the subjects whose prints are the same.
    /// `sameHistory` allows rules that read history.
    public static func reuse(_ entry: Entry, for prints: ProjectPrints, entries: [SnapshotEntry], base: [SnapshotEntry],
                             sameHistory: Bool) -> SubjectReuse? {
        guard !entry.outcomes.isEmpty, entries.count == base.count,
              zip(entries, base).allSatisfy({ $0.path == $1.path }),
              entry.context == context(of: prints) else { return nil }
        let current = digests(of: prints)
        let same = entry.outcomes.filter { subject, _ in current[subject] != nil && current[subject] == entry.prints[subject] }
        guard !same.isEmpty || !entry.documents.rules.isEmpty else { return nil }
        return SubjectReuse(outcomes: same, documents: entry.documents) { _, description in
            !description.readsChangeSet && (sameHistory || !description.readsHistory)
        }
    }
}
