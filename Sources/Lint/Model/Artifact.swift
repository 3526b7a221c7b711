import Foundation
import Documents
import GitKit

/// What an artifact's bytes turned into.
public enum ArtifactContent: Sendable {
    case markdown(MarkdownDocument)
    case json(JSONNode)
    case yaml(YAMLNode?)
    /// The bytes could not be read as a document (binary, invalid UTF-8, too large, malformed).
    case unreadable(ParseProblem)
    /// A Git LFS pointer stands where the document should be.
    case lfsPointer
}

/// A recognised governance document, parsed.
///
/// A class, not a struct: it is immutable, and projects hand the same artifacts to many
/// subjects and rules (history builds a project per evaluated commit); copying a struct with a
/// whole parsed document inside retained every node of it each time.
///
/// The content is either given when the artifact is made, or read on first use (`init(path:kind:
/// blob:declaredSystem:load:)`): a staged check knows most documents of the tree from its base's
/// saved ledger and reads only those whose subjects it evaluates.
public final class Artifact: Sendable {
    public let path: String
    public let kind: ArtifactKind
    /// The blob id, when the content comes from the object database (nil for edited worktree files).
    public let blob: ObjectID?
    /// The system named by front matter (`aims: { system: ID }`), if any.
    public let declaredSystem: String?
    /// Inline suppressions written in the document.
    public let directives: [InlineDirective]
    private let given: ArtifactContent?
    private let deferred: DeferredContent?

    public var content: ArtifactContent {
        if let given { return given }
        return deferred!.value
    }

    public init(path: String, kind: ArtifactKind, blob: ObjectID?, content: ArtifactContent, declaredSystem: String? = nil,
                directives: [InlineDirective]? = nil) {
        self.path = path
        self.kind = kind
        self.blob = blob
        self.given = content
        self.deferred = nil
        self.declaredSystem = declaredSystem
        if let directives {
            self.directives = directives
        } else if case .markdown(let document) = content, document.textContains(InlineDirective.marker) {
            // Without the marker the document has no directive: its body need not be parsed here.
            self.directives = InlineDirective.directives(in: document, path: path)
        } else {
            self.directives = []
        }
    }

    /// An artifact whose content `load` reads when it is first asked for (once, on whichever
    /// thread asks first). The caller vouches for `declaredSystem`, and that the document holds
    /// no inline directive.
    public init(path: String, kind: ArtifactKind, blob: ObjectID?, declaredSystem: String?,
                load: @escaping @Sendable () -> ArtifactContent) {
        self.path = path
        self.kind = kind
        self.blob = blob
        self.given = nil
        self.deferred = DeferredContent(load)
        self.declaredSystem = declaredSystem
        self.directives = []
    }

    /// Whether the content has been read (always, unless made with a loader).
    public var isLoaded: Bool { given != nil || deferred?.isLoaded == true }

    public var markdown: MarkdownDocument? {
        if case .markdown(let document) = content { return document }
        return nil
    }

    public var json: JSONNode? {
        if case .json(let node) = content { return node }
        return nil
    }

    /// The parsed front matter of a Markdown artifact.
    public var frontMatter: YAMLNode? { markdown?.frontMatter?.root }

    /// The folder holding the artifact ("" for the repository root).
    public var folder: String { PathMath.parent(of: path) }

    /// The location to anchor a finding about the whole document: its first line.
    public var firstLine: Anchor { Anchor(path: path, line: 1) }
}

/// Content read once, on first use, under a lock.
private final class DeferredContent: @unchecked Sendable {
    private let lock = NSLock()
    private var load: (@Sendable () -> ArtifactContent)?
    private var loaded: ArtifactContent?

    init(_ load: @escaping @Sendable () -> ArtifactContent) {
        self.load = load
    }

    var isLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return loaded != nil
    }

    var value: ArtifactContent {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let made = load!()
        loaded = made
        load = nil
        return made
    }
}

/// A place in the repository a finding points at.
public struct Anchor: Hashable, Sendable, Codable, Comparable {
    public let path: String
    public let range: SourceRange

    public init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }

    /// A whole line, from column 1; `endColumn` defaults to the same column.
    public init(path: String, line: Int, column: Int = 1, endColumn: Int? = nil) {
        self.path = path
        self.range = SourceRange(start: SourceLocation(line: line, column: column),
                                 end: SourceLocation(line: line, column: endColumn ?? column))
    }

    public var line: Int { range.start.line }

    public static func < (lhs: Anchor, rhs: Anchor) -> Bool {
        (lhs.path, lhs.range.start.line, lhs.range.start.column) < (rhs.path, rhs.range.start.line, rhs.range.start.column)
    }
}
