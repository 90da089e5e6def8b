#if canImport(CZlib)
import CZlib  // ZIPFoundation's zlib module on Linux
#else
import zlib  // the SDK's on Apple platforms
#endif

/// Raw deflate (RFC 1951) and CRC-32 from zlib, for the ZIP writer.
///
/// A part is compressed in independent pieces so that pieces can be compressed on several
/// cores: every piece but the last ends with a sync flush (an empty stored block, byte-aligned,
/// not final), so the pieces concatenate into one valid deflate stream, as pigz does.
enum Deflate {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "zlib deflate failed (code \(code))" }
    }

    /// Compresses `input` as one piece of a raw deflate stream; `isLast` ends the stream.
    static func compress(_ input: UnsafeRawBufferPointer, level: Int32, isLast: Bool) throws -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(code: status) }
        defer { deflateEnd(&stream) }
        // deflateBound covers a finished stream; a sync flush adds at most a few bytes more.
        let capacity = Int(deflateBound(&stream, UInt(input.count))) + 64
        var output = [UInt8](repeating: 0, count: capacity)
        let produced: Int = try output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            status = deflate(&stream, isLast ? Z_FINISH : Z_SYNC_FLUSH)
            let done = isLast ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0)
            guard done else { throw Failure(code: status) }
            return out.count - Int(stream.avail_out)
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Continues a CRC-32 over more bytes (start with 0).
    static func crc32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return UInt32(truncatingIfNeeded: CZlibCRC.update(UInt(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// The CRC-32 of two pieces joined, from the CRCs of each and the second's length.
    static func combine(_ crc1: UInt32, _ crc2: UInt32, length2: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(UInt(crc1), UInt(crc2), off_t(length2)))
    }
}

/// zlib's `crc32` under a name that does not clash with `Deflate.crc32`.
private enum CZlibCRC {
    static func update(_ crc: UInt, _ buf: UnsafePointer<Bytef>, _ len: uInt) -> UInt {
        #if canImport(CZlib)
        return CZlib.crc32(crc, buf, len)
        #else
        return zlib.crc32(crc, buf, len)
        #endif
    }
}
