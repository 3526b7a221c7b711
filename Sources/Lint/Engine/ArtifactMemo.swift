import Foundation
import GitKit

/// Values rules work out from one artifact's content (a flattened document, the wordings in its
/// prose), kept for the process and keyed by path and blob id: `history` runs the rules again
/// commit after commit over mostly the same blobs, and a check asks several rules the same thing.
///
/// One value per path: a new blob at a path replaces the old one's value, so the memo holds
/// about one tree's documents however long the history (a walk never goes back to an older
/// blob). Bounded besides: past `limit` paths it starts afresh. Artifacts without a blob id
/// (unhashed working tree files) are never memoised.
public final class ArtifactMemo<Value>: @unchecked Sendable {
    private var values: [String: (blob: ObjectID, value: Value)] = [:]
    private let lock = NSLock()
    private let limit: Int

    public init(limit: Int = 8192) {
        self.limit = limit
    }

    /// The memoised value for the artifact, if there is one.
    public func known(for artifact: Artifact) -> Value? {
        guard let blob = artifact.blob else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let known = values[artifact.path], known.blob == blob else { return nil }
        return known.value
    }

    /// Sets the value for the artifact (one worked out by an earlier run, say).
    public func remember(_ value: Value, for artifact: Artifact) {
        guard let blob = artifact.blob else { return }
        lock.lock()
        if values.count >= limit && values[artifact.path] == nil { values.removeAll(keepingCapacity: true) }
        values[artifact.path] = (blob, value)
        lock.unlock()
    }

    /// The memoised value for the artifact, made by `make` the first time.
    public func value(for artifact: Artifact, _ make: () -> Value) -> Value {
        guard let blob = artifact.blob else { return make() }
        lock.lock()
        if let known = values[artifact.path], known.blob == blob {
            lock.unlock()
            return known.value
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if values.count >= limit && values[artifact.path] == nil { values.removeAll(keepingCapacity: true) }
        values[artifact.path] = (blob, made)
        lock.unlock()
        return made
    }
}
