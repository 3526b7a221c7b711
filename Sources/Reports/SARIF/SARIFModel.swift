/// The part of SARIF 2.1.0 that aimslint writes, as typed values.
///
/// Only what we emit is modelled, so a property we do not fill cannot appear by accident. The
/// types are `Codable` both ways: tests decode what was written and run `SARIFSelfCheck` on it.
/// Optional properties are left out of the JSON when nil; `JSONReporter.encode` sorts keys, so
/// the same values always give the same bytes.
public enum SARIF {
    /// The schema the log declares: the OASIS errata01 schema, the one CI validates against.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Where result URIs are rooted: the top folder of the repository's working tree.
    public static let sourceRoot = "%SRCROOT%"

    /// The whole file.
    public struct Log: Codable, Sendable, Equatable {
        public var schema: String
        public var version: String
        public var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    /// One analysis of one snapshot.
    public struct Run: Codable, Sendable, Equatable {
        public var tool: Tool
        public var taxonomies: [ToolComponent]?
        public var invocations: [Invocation]?
        public var automationDetails: AutomationDetails?
        public var baselineGuid: String?
        public var versionControlProvenance: [VersionControlDetails]?
        public var originalUriBaseIds: [String: ArtifactLocation]?
        public var columnKind: String?
        public var results: [Result]
        public var properties: RunProperties?
    }

    /// The tool that ran.
    public struct Tool: Codable, Sendable, Equatable {
        public var driver: ToolComponent
    }

    /// The driver (with its rules) or a taxonomy (with its taxa).
    public struct ToolComponent: Codable, Sendable, Equatable {
        public var name: String
        public var guid: String?
        public var fullName: String?
        public var version: String?
        public var semanticVersion: String?
        public var organization: String?
        public var informationUri: String?
        public var shortDescription: MultiformatMessage?
        public var isComprehensive: Bool?
        public var rules: [ReportingDescriptor]?
        public var taxa: [ReportingDescriptor]?
        public var supportedTaxonomies: [ToolComponentReference]?
    }

    /// A rule, or a taxon (an ISO control or process).
    public struct ReportingDescriptor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var deprecatedIds: [String]?
        public var shortDescription: MultiformatMessage?
        public var fullDescription: MultiformatMessage?
        public var help: MultiformatMessage?
        public var helpUri: String?
        public var defaultConfiguration: Configuration?
        public var relationships: [Relationship]?
        public var properties: RuleProperties?
    }

    /// Plain text with an optional Markdown rendering.
    public struct MultiformatMessage: Codable, Sendable, Equatable {
        public var text: String
        public var markdown: String?
    }

    /// A plain-text message.
    public struct Message: Codable, Sendable, Equatable {
        public var text: String
    }

    /// A rule's level, or whether it is on.
    public struct Configuration: Codable, Sendable, Equatable {
        public var enabled: Bool?
        public var level: Level?
    }

    /// SARIF's `level`: `none` is for results that are not failures.
    public enum Level: String, Codable, Sendable, Equatable, CaseIterable {
        case none, note, warning, error
    }

    /// A rule's link to a taxon.
    public struct Relationship: Codable, Sendable, Equatable {
        public var target: DescriptorReference
        public var kinds: [String]
    }

    /// Points at a rule or taxon by id and index, inside a component.
    public struct DescriptorReference: Codable, Sendable, Equatable {
        public var id: String?
        public var index: Int?
        public var toolComponent: ToolComponentReference?
    }

    /// Points at a tool component (a taxonomy) by name, index and guid.
    public struct ToolComponentReference: Codable, Sendable, Equatable {
        public var name: String?
        public var index: Int?
        public var guid: String?
    }

    /// The rule property bag: tags, precision and the severity GitHub shows.
    public struct RuleProperties: Codable, Sendable, Equatable {
        public var tags: [String]
        public var precision: String
        public var problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, precision
            case problemSeverity = "problem.severity"
        }
    }

    /// How the run went: exit code, success, notes about files that could not be checked.
    public struct Invocation: Codable, Sendable, Equatable {
        public var executionSuccessful: Bool
        public var exitCode: Int?
        public var ruleConfigurationOverrides: [ConfigurationOverride]?
        public var toolExecutionNotifications: [Notification]?
    }

    /// A rule whose level the policy changed, or that it switched off.
    public struct ConfigurationOverride: Codable, Sendable, Equatable {
        public var descriptor: DescriptorReference
        public var configuration: Configuration
    }

    /// Something the tool itself has to say during the run.
    public struct Notification: Codable, Sendable, Equatable {
        public var level: Level?
        public var message: Message
        public var locations: [Location]?
        public var associatedRule: DescriptorReference?
    }

    /// `id` names the category ("aimslint/commit/"); `guid` identifies this run.
    public struct AutomationDetails: Codable, Sendable, Equatable {
        public var id: String?
        public var guid: String?
    }

    /// Which repository and commit the results belong to.
    public struct VersionControlDetails: Codable, Sendable, Equatable {
        public var repositoryUri: String
        public var revisionId: String?
        public var branch: String?
        public var mappedTo: ArtifactLocation?
    }

    /// A file, relative to a base id, or a description of a base id.
    public struct ArtifactLocation: Codable, Sendable, Equatable {
        public var uri: String?
        public var uriBaseId: String?
        public var description: Message?
    }

    /// The run property bag.
    public struct RunProperties: Codable, Sendable, Equatable {
        /// "revision", "index" or "worktree".
        public var source: String
        public var revision: String?
        public var baseCommit: String?
    }

    /// One finding, or with `--include-passes` one passing or not-applicable control.
    public struct Result: Codable, Sendable, Equatable {
        public var ruleId: String
        public var ruleIndex: Int
        public var kind: String
        public var level: Level
        public var message: Message
        public var locations: [Location]?
        public var guid: String?
        public var correlationGuid: String?
        public var partialFingerprints: [String: String]?
        public var suppressions: [Suppression]?
        public var baselineState: String?
        public var properties: ResultProperties?
    }

    /// Where a result (or a suppression, or a notification) is.
    public struct Location: Codable, Sendable, Equatable {
        public var physicalLocation: PhysicalLocation?
    }

    /// A file and a region in it.
    public struct PhysicalLocation: Codable, Sendable, Equatable {
        public var artifactLocation: ArtifactLocation
        public var region: Region?
    }

    /// 1-based lines and columns; `endColumn` is the column after the last character.
    public struct Region: Codable, Sendable, Equatable {
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
        public var endColumn: Int
    }

    /// Why a result does not count.
    public struct Suppression: Codable, Sendable, Equatable {
        /// "inSource" or "external".
        public var kind: String
        public var status: String?
        public var justification: String?
        public var location: Location?
    }

    /// The commit ties of a result (SPEC §1), plus the control status for pass results.
    public struct ResultProperties: Codable, Sendable, Equatable {
        public var commit: String?
        public var blob: String?
        public var system: String?
        public var introducedBy: Introduction?
        public var controlStatus: String?
        public var reason: String?
    }

    /// Who last changed the anchor line: a commit, or the string "uncommitted".
    public enum Introduction: Codable, Sendable, Equatable {
        case uncommitted
        case commit(id: String, author: String?, date: String?)

        struct Stamp: Codable {
            let commit: String
            let author: String?
            let date: String?
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let word = try? container.decode(String.self), word == "uncommitted" {
                self = .uncommitted
                return
            }
            let stamp = try container.decode(Stamp.self)
            self = .commit(id: stamp.commit, author: stamp.author, date: stamp.date)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .uncommitted: try container.encode("uncommitted")
            case .commit(let id, let author, let date): try container.encode(Stamp(commit: id, author: author, date: date))
            }
        }
    }
}
