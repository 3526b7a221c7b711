import CYaml

/// Refuses deeply nested collection keys before Yams sees them.
///
/// Yams sorts a mapping's duplicated keys to name them in its error, and compares collection keys
/// with a lexicographic `<` that, for equal elements, recurses twice (`<`, then `>`) per level:
/// duplicated keys nested d levels deep cost about 2^d comparisons, and a 1 KiB file of nested
/// `? - ? - …` keys ran for minutes (found by `fuzz-waivers`). No aimslint document needs a
/// collection as a key, so one pass of libyaml's event parser, which is linear, finds keys that
/// nest deeper than `maxKeyDepth` levels and the text is refused as too deep.
enum YAMLKeyGuard {
    /// Collection levels allowed inside a mapping key: 2^8 comparisons per pair stays cheap.
    static let maxKeyDepth = 8

    /// One open collection while scanning.
    private struct Level {
        let isMapping: Bool
        /// For a mapping: whether the next child is a key.
        var nextIsKey = true
        /// Collection levels of the key this collection sits in (0: not inside a key).
        let keyDepth: Int
    }

    /// The 1-based line and column (as libyaml counts them) of the first collection nested more
    /// than `maxKeyDepth` levels inside a mapping key; nil when there is none or when libyaml
    /// fails, since Yams then reports that error itself.
    static func tooDeepKey(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }) else {
            return nil
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var stack: [Level] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                yaml_event_delete(&event)
                switch type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let depth = keyDepth(under: stack.last)
                    if depth > maxKeyDepth { return mark }
                    stack.append(Level(isMapping: type == YAML_MAPPING_START_EVENT, keyDepth: depth))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = stack.popLast()
                    childDone(&stack)
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                    childDone(&stack)
                default:
                    break
                }
            }
            return nil
        }
    }

    /// The key depth of a collection opened under `parent`.
    private static func keyDepth(under parent: Level?) -> Int {
        guard let parent else { return 0 }
        if parent.keyDepth > 0 { return parent.keyDepth + 1 }
        return parent.isMapping && parent.nextIsKey ? 1 : 0
    }

    /// A mapping alternates key and value.
    private static func childDone(_ stack: inout [Level]) {
        guard let last = stack.indices.last, stack[last].isMapping else { return }
        stack[last].nextIsKey.toggle()
    }
}
