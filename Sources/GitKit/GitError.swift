import CLibGit2
import Foundation

/// A failure reading the repository: what was tried, what libgit2 said, and what to do next.
///
/// `description` is one line meant for a user (`summary`, then `; hint`); `function` and
/// `message` keep libgit2's own account for debugging.
public struct GitError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, for callers that react differently (exit codes, findings).
    public enum Code: Sendable, Equatable {
        case notARepository, unbornHead, revisionNotFound, ambiguousRevision, objectMissing, invalidObject, io, other
    }

    public let code: Code
    /// The libgit2 function that failed, e.g. "git_revparse_single".
    public let function: String
    /// libgit2's `git_error_last` text, read right after the failing call ("" when it had none).
    public let message: String
    /// The next step for the user, e.g. "fetch it with `git fetch origin main`".
    public let hint: String?
    /// What went wrong in our words, naming the revision, path or object id involved.
    public let summary: String

    public init(code: Code, function: String, message: String, summary: String, hint: String? = nil) {
        self.code = code
        self.function = function
        self.message = message
        self.summary = summary
        self.hint = hint
    }

    public var description: String {
        let head = summary.isEmpty ? "\(function) failed: \(message)" : summary
        let line = hint.map { "\(head); \($0)" } ?? head
        return line.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The same failure told better: the caller knows what was being looked up.
    func with(code: Code? = nil, summary: String, hint: String? = nil) -> GitError {
        GitError(code: code ?? self.code, function: function, message: message, summary: summary, hint: hint)
    }

    /// Reads (and clears) libgit2's thread-local error for a failed call returning `rc`.
    static func last(_ rc: Int32, _ function: String) -> GitError {
        var message = ""
        var klass = Int32(0)
        if let error = git_error_last() {
            if let text = error.pointee.message {
                message = String(cString: text).trimmingTrailingNewlines
            }
            klass = error.pointee.klass
        }
        git_error_clear()
        let code = classify(rc: rc, klass: klass)
        let summary = message.isEmpty ? "\(function) failed (error \(rc))" : "\(function) failed: \(message)"
        return GitError(code: code, function: function, message: message, summary: summary)
    }

    /// A first guess from the return code and error class; callers refine it with context.
    private static func classify(rc: Int32, klass: Int32) -> Code {
        switch rc {
        case GIT_EAMBIGUOUS.rawValue: return .ambiguousRevision
        case GIT_EUNBORNBRANCH.rawValue: return .unbornHead
        case GIT_EINVALIDSPEC.rawValue: return .revisionNotFound
        case GIT_ENOTFOUND.rawValue where klass == Int32(GIT_ERROR_ODB.rawValue): return .objectMissing
        default: break
        }
        switch klass {
        case Int32(GIT_ERROR_OS.rawValue): return .io
        case Int32(GIT_ERROR_ODB.rawValue), Int32(GIT_ERROR_ZLIB.rawValue): return .objectMissing
        case Int32(GIT_ERROR_OBJECT.rawValue), Int32(GIT_ERROR_INVALID.rawValue): return .invalidObject
        default: return .other
        }
    }

    /// The error for an object id the object database cannot produce.
    static func missing(_ id: ObjectID, what: String, rc: Int32, function: String) -> GitError {
        last(rc, function).with(
            code: .objectMissing,
            summary: "\(what) \(id.hex) is missing from the object database",
            hint: "the clone may be partial or corrupt; run `git fsck` or fetch the object")
    }
}

/// Throws the libgit2 error unless `rc` is 0 (negative is failure; some calls return positive counts).
@inline(__always)
func check(_ rc: Int32, _ function: String) throws {
    if rc < 0 { throw GitError.last(rc, function) }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Drops one trailing slash, as libgit2 paths to folders carry one.
    var withoutTrailingSlash: String {
        count > 1 && hasSuffix("/") ? String(dropLast()) : self
    }

}

extension String {
    /// Byte order of the UTF-8, the order git sorts paths in (Swift's `<` compares Unicode scalars
    /// differently). One `memcmp` over the two strings' bytes: listings compare 100k paths.
    public func precedesInByteOrder(_ other: String) -> Bool {
        let compared: Bool?? = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                let common = Swift.min(mine.count, theirs.count)
                if common > 0, let left = mine.baseAddress, let right = theirs.baseAddress {
                    let order = memcmp(left, right, common)
                    if order != 0 { return order < 0 }
                }
                return mine.count < theirs.count
            }
        }
        if let compared, let answer = compared { return answer }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
