import Dispatch

/// `body(0..<count)` in order, computed on all cores when `parallel` (and more than one item),
/// else one after another. Each index writes only its own slot; `body` must be safe to call
/// from several threads at once.
func parallelMap<T>(count: Int, parallel: Bool, filler: T, _ body: (Int) -> T) -> [T] {
    guard parallel && count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    slots.initialize(repeating: filler)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    withoutActuallyEscaping(body) { body in
        let fill = { (index: Int) in slots[index] = body(index) }
        nonisolated(unsafe) let run = fill
        DispatchQueue.concurrentPerform(iterations: count) { run($0) }
    }
    return Array(slots)
}
