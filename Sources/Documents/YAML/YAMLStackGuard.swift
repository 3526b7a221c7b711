import Foundation

/// Keeps Yams' recursive composer off small stacks.
///
/// libyaml refuses to nest deeper than 1000 levels, but 1000 levels of Yams' recursion overflow
/// the 512 KiB stack of a secondary thread. `nestingBound` is a cheap upper bound on how deep a
/// text can nest; it never underestimates, so a text under `inlineLimit` is composed on the
/// calling thread, and anything else on a fresh thread with `stackSize` bytes of stack.
enum YAMLStackGuard {
    static let inlineLimit = 160
    static let stackSize = 32 * 1024 * 1024

    /// Flow levels can only come from `[` and `{` (a flow sequence may add one implicit
    /// single-pair mapping per level, hence ×2); block levels need strictly increasing indentation
    /// columns, each of which may also hold an indentless sequence (×2). Candidate columns: where
    /// each line's text starts, and every `-`/`?`/`:` indicator followed by a space, plus the
    /// column after it.
    static func nestingBound(_ text: String) -> Int {
        var flowOpeners = 0
        var columns = Set<Int>()
        var column = 0
        var atLineStart = true
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r":
                column = 0; atLineStart = true; previous = scalar; continue
            case "[", "{":
                flowOpeners += 1
            default:
                break
            }
            if atLineStart && scalar != " " && scalar != "\t" {
                columns.insert(column); atLineStart = false
            }
            if scalar == " " && (previous == "-" || previous == "?" || previous == ":") {
                columns.insert(column - 1); columns.insert(column + 1)
            }
            previous = scalar
            column += 1
        }
        return 2 * flowOpeners + 2 * columns.count + 2
    }

    /// Runs `body` where its recursion cannot overflow the stack.
    static func run<T: Sendable>(for text: String, _ body: @escaping @Sendable () -> T) -> T {
        guard nestingBound(text) > inlineLimit else { return body() }
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let value = box.value else { return body() }
        return value
    }
}

/// Hands one value from the worker thread back to the waiting caller; the semaphore orders the
/// write before the read, so no further locking is needed.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
