/// GitHub's `primaryLocationLineHash`, computed the way its SARIF upload computes it.
///
/// When a SARIF file arrives without this fingerprint, GitHub's upload action reads the file
/// and derives one per result; when the file carries one, GitHub keeps it and warns if its own
/// would differ. So we compute exactly the same value, to make alerts track lines the same way
/// whether or not the action recomputes them:
///
/// - the text is read as UTF-16 code units (what JavaScript's `charCodeAt` returns);
/// - spaces and tabs are skipped everywhere; `\r\n`, `\r` and `\n` all end a line;
/// - a line's hash is a polynomial rolling hash (base 37, wrapping 64-bit arithmetic) over the
///   100 characters that follow the line's start — so it also sees the start of the lines
///   below — with a 65535 end-of-file marker and zero padding after the last character;
/// - it is printed as unsigned lowercase hex, then `:N` where N counts how often that hash has
///   been seen so far in the file (identical blocks stay distinguishable).
///
/// A file ending with a line break has one more (empty) line than an editor shows; that line
/// gets a hash too, as it does on GitHub.
public enum LineHash {
    static let blockSize = 100
    static let base: UInt64 = 37
    static let endOfFile: UInt64 = 65_535

    /// The hash of every line of `text`, by 1-based line number.
    public static func hashes(of text: String) -> [Int: String] {
        var state = State()
        for unit in text.utf16 { state.process(UInt64(unit)) }
        state.process(endOfFile)
        state.flush()
        return state.output
    }

    /// The hash of one line, or nil when the text has fewer lines.
    public static func hash(of text: String, line: Int) -> String? {
        hashes(of: text)[line]
    }

    /// The rolling window. A struct with mutating methods keeps the algorithm's shape readable.
    struct State {
        static let firstMod: UInt64 = {
            var value: UInt64 = 1
            for _ in 0..<blockSize { value = value &* base }
            return value
        }()

        var window = [UInt64](repeating: 0, count: blockSize)
        /// The line that starts at each window slot, or nil.
        var lineStarts = [Int?](repeating: nil, count: blockSize)
        var hash: UInt64 = 0
        var index = 0
        var lineNumber = 0
        var atLineStart = true
        var previousWasCR = false
        var seen: [UInt64: Int] = [:]
        var output: [Int: String] = [:]

        mutating func process(_ character: UInt64) {
            let space: UInt64 = 0x20, tab: UInt64 = 0x09, lf: UInt64 = 0x0A, cr: UInt64 = 0x0D
            var current = character
            if current == space || current == tab || (previousWasCR && current == lf) {
                previousWasCR = false
                return
            }
            if current == cr {
                current = lf
                previousWasCR = true
            } else {
                previousWasCR = false
            }
            if lineStarts[index] != nil { emit() }
            if atLineStart {
                atLineStart = false
                lineNumber += 1
                lineStarts[index] = lineNumber
            }
            if current == lf { atLineStart = true }
            update(current)
        }

        mutating func flush() {
            for _ in 0..<LineHash.blockSize {
                if lineStarts[index] != nil { emit() }
                update(0)
            }
        }

        private mutating func emit() {
            let count = (seen[hash] ?? 0) + 1
            seen[hash] = count
            if let line = lineStarts[index] { output[line] = "\(String(hash, radix: 16)):\(count)" }
            lineStarts[index] = nil
        }

        private mutating func update(_ current: UInt64) {
            let leaving = window[index]
            window[index] = current
            hash = LineHash.base &* hash &+ current &- State.firstMod &* leaving
            index = (index + 1) % LineHash.blockSize
        }
    }
}
