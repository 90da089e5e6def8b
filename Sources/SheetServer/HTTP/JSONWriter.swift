import Foundation
import NIOCore

/// Writes JSON straight into a byte buffer: the hot answers (cell ranges, batches, events) are
/// built with it rather than through `JSONEncoder`, which costs several times as much per cell.
/// Commas are placed automatically; the caller pairs begin/end calls.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next item at the current nesting level needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    mutating func key(_ k: String) {
        separate()
        appendQuoted(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ s: String) { separate(); appendQuoted(s) }
    mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }
    mutating func bool(_ b: Bool) { separate(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func int<I: BinaryInteger>(_ n: I) { separate(); bytes.append(contentsOf: String(n).utf8) }

    /// A finite number in the shortest form that reads back as the same double; non-finite
    /// numbers (which a cell never holds) as null.
    mutating func number(_ n: Double) {
        separate()
        guard n.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        if n == n.rounded(.towardZero), abs(n) < 1e15 {
            bytes.append(contentsOf: String(Int64(n)).utf8)
        } else {
            bytes.append(contentsOf: n.description.utf8)
        }
    }

    /// Inserts JSON text as one value (a pre-rendered fragment).
    mutating func raw(_ json: [UInt8]) { separate(); bytes.append(contentsOf: json) }

    private mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
