/// A strict RFC 8259 JSON parser that knows where everything is.
///
/// Foundation's parser gives no line or column, so this one is ours. It never recurses: open
/// arrays and objects live on an explicit stack capped at `DocumentLimits.maxNestingDepth`, so
/// 100 000 `[` fail at the 129th with a location, in time linear in what was read. No comments,
/// no trailing commas, no leading zeros, no NaN; lone surrogate escapes are errors. A leading
/// byte-order mark is skipped.
public enum JSONDocument {
    public static func parse(_ text: String) -> Result<JSONNode, ParseProblem> {
        var parser = JSONParser(bytes: Array(text.utf8))
        do {
            return .success(try parser.parseDocument())
        } catch let problem as ParseProblem {
            return .failure(problem)
        } catch {
            return .failure(ParseProblem(kind: .json, message: "\(error)", location: .start))
        }
    }
}

/// The state machine behind `JSONDocument`.
struct JSONParser {
    /// An open container. Mutated in place on the stack so appending never copies its elements.
    private struct Frame {
        let isArray: Bool
        let location: SourceLocation
        var items: [JSONNode] = []
        var members: [JSONMember] = []
        var key = ""
        var keyLocation = SourceLocation.start
    }

    private var cursor: ByteCursor
    private var stack: [Frame] = []

    init(bytes: [UInt8]) {
        cursor = ByteCursor(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor.skipBOM() }
    }

    mutating func parseDocument() throws -> JSONNode {
        cursor.skipWhitespace()
        if cursor.atEnd { throw cursor.problem("empty document: expected a JSON value") }
        var value = try parseValueOrOpen()
        while true {
            guard let completed = value else {
                value = try parseValueOrOpen()
                continue
            }
            guard !stack.isEmpty else {
                cursor.skipWhitespace()
                if !cursor.atEnd { throw cursor.problem("unexpected \(cursor.describeCurrent()) after the JSON value") }
                return completed
            }
            value = try attach(completed)
        }
    }

    /// Either a finished scalar (or empty container), or nil after opening a container whose
    /// first element still has to be read.
    private mutating func parseValueOrOpen() throws -> JSONNode? {
        cursor.skipWhitespace()
        let location = cursor.location
        guard let byte = cursor.current else { throw cursor.problem("unexpected end of input: expected a value") }
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard stack.count < DocumentLimits.maxNestingDepth else {
                throw ParseProblem(kind: .tooDeep,
                                   message: "JSON nests deeper than \(DocumentLimits.maxNestingDepth) levels",
                                   location: location)
            }
            cursor.advance()
            cursor.skipWhitespace()
            if byte == UInt8(ascii: "[") {
                if cursor.current == UInt8(ascii: "]") {
                    cursor.advance()
                    return JSONNode(value: .array([]), location: location)
                }
                stack.append(Frame(isArray: true, location: location))
                return nil
            }
            if cursor.current == UInt8(ascii: "}") {
                cursor.advance()
                return JSONNode(value: .object([]), location: location)
            }
            let (key, keyLocation) = try parseKey()
            stack.append(Frame(isArray: false, location: location, key: key, keyLocation: keyLocation))
            return nil
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try cursor.parseString()), location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try cursor.parseNumber()), location: location)
        case UInt8(ascii: "t"): try cursor.expectLiteral("true"); return JSONNode(value: .bool(true), location: location)
        case UInt8(ascii: "f"): try cursor.expectLiteral("false"); return JSONNode(value: .bool(false), location: location)
        case UInt8(ascii: "n"): try cursor.expectLiteral("null"); return JSONNode(value: .null, location: location)
        default:
            throw cursor.problem("expected a value, found \(cursor.describeCurrent())")
        }
    }

    /// Reads `"key"` and the `:` after it, leaving the cursor before the value.
    private mutating func parseKey() throws -> (String, SourceLocation) {
        cursor.skipWhitespace()
        let location = cursor.location
        guard cursor.current == UInt8(ascii: "\"") else {
            throw cursor.problem("expected a string key in double quotes, found \(cursor.describeCurrent())")
        }
        let key = try cursor.parseString()
        cursor.skipWhitespace()
        guard cursor.current == UInt8(ascii: ":") else {
            throw cursor.problem("expected ':' after the key \"\(key)\", found \(cursor.describeCurrent())")
        }
        cursor.advance()
        return (key, location)
    }

    /// Adds a finished value to the innermost open container; returns that container when it
    /// closes (popping it), nil when another element follows.
    private mutating func attach(_ value: JSONNode) throws -> JSONNode? {
        cursor.skipWhitespace()
        let top = stack.count - 1
        if stack[top].isArray {
            stack[top].items.append(value)
            switch cursor.current {
            case UInt8(ascii: ","):
                cursor.advance()
                return nil
            case UInt8(ascii: "]"):
                cursor.advance()
                let frame = stack.removeLast()
                return JSONNode(value: .array(frame.items), location: frame.location)
            default:
                throw cursor.problem("expected ',' or ']' after an array element, found \(cursor.describeCurrent())")
            }
        }
        let member = JSONMember(key: stack[top].key, keyLocation: stack[top].keyLocation, value: value)
        stack[top].members.append(member)
        switch cursor.current {
        case UInt8(ascii: ","):
            cursor.advance()
            (stack[top].key, stack[top].keyLocation) = try parseKey()
            return nil
        case UInt8(ascii: "}"):
            cursor.advance()
            let frame = stack.removeLast()
            return JSONNode(value: .object(frame.members), location: frame.location)
        default:
            throw cursor.problem("expected ',' or '}' after an object member, found \(cursor.describeCurrent())")
        }
    }
}
