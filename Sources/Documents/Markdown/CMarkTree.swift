import CMarkGFM
import Foundation

/// cmark-gfm keeps process-wide mutable state — the extension registry and the inline
/// special-character table that extensions edit during every parse — so two parses at once can
/// corrupt each other. All parsing goes through this lock; reading a finished tree does not.
private let cmarkLock = NSLock()

/// Owns one cmark-gfm document tree and frees it in `deinit`. Nothing outside `Markdown/` sees cmark.
final class CMarkTree {
    let root: OpaquePointer

    private init(root: OpaquePointer) { self.root = root }

    deinit { cmark_node_free(root) }

    /// Parses GFM (tables, strikethrough, task lists, autolinks) with source positions.
    static func parse(_ bytes: [UInt8]) -> CMarkTree? {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist", "autolink"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        return CMarkTree(root: root)
    }
}

/// A borrowed view of a cmark node; valid while its `CMarkTree` is alive.
struct CMarkNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case table, tableRow(header: Bool), tableCell, strikethrough, other
    }

    var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: break
        }
        // Extension node types are registered at run time; their names are stable. Compared as C
        // strings, since a table visits this for every row and cell.
        guard let name = cmark_node_get_type_string(pointer) else { return .other }
        if strcmp(name, "table_cell") == 0 { return .tableCell }
        if strcmp(name, "table_row") == 0 { return .tableRow(header: false) }
        if strcmp(name, "table_header") == 0 { return .tableRow(header: true) }
        if strcmp(name, "table") == 0 { return .table }
        if strcmp(name, "strikethrough") == 0 { return .strikethrough }
        if strcmp(name, "tasklist") == 0 { return .item }
        return .other
    }

    var typeName: String {
        guard let name = cmark_node_get_type_string(pointer) else { return "" }
        return String(cString: name)
    }

    var literal: String {
        guard let text = cmark_node_get_literal(pointer) else { return "" }
        return String(cString: text)
    }

    var url: String {
        guard let text = cmark_node_get_url(pointer) else { return "" }
        return String(cString: text)
    }

    var fenceInfo: String {
        guard let text = cmark_node_get_fence_info(pointer) else { return "" }
        return String(cString: text)
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    var firstChild: CMarkNode? { cmark_node_first_child(pointer).map(CMarkNode.init) }
    var next: CMarkNode? { cmark_node_next(pointer).map(CMarkNode.init) }

    var children: [CMarkNode] {
        var result: [CMarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Visits this node and its descendants in document order without recursion (a document of
    /// 100 000 nested block quotes must not exhaust the stack). `entering` is false on leaving a
    /// container; leaves are only entered.
    func walk(_ visit: (CMarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CMarkNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }
}
