import Foundation
import GitKit

/// Values rules work out from one artifact's content (a flattened document, the wordings in its
/// prose), kept for the process and keyed by path and blob id: `history` runs the rules again
/// commit after commit over mostly the same blobs, and a check asks several rules the same thing.
///
/// Bounded: when `limit` values are held, the memo starts afresh. Artifacts without a blob id
/// (unhashed working tree files) are never memoised.
public final class ArtifactMemo<Value>: @unchecked Sendable {
    private struct Key: Hashable {
        let blob: ObjectID
        let path: String
    }

    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    public init(limit: Int = 2048) {
        self.limit = limit
    }

    /// The memoised value for the artifact, made by `make` the first time.
    public func value(for artifact: Artifact, _ make: () -> Value) -> Value {
        guard let blob = artifact.blob else { return make() }
        let key = Key(blob: blob, path: artifact.path)
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}
