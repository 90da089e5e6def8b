import Dispatch
import Foundation

/// Writes a ZIP archive entry by entry to an open file, streaming each entry's bytes.
///
/// Not ZIPFoundation's `Archive`: that one needs each entry's size before its bytes, rewrites the
/// central directory after every entry and compresses on one core at zlib's default level. Here
/// an entry is produced in chunks while it is written (a million-cell sheet is never held as
/// one string), and chunks are deflated on all cores (see `Deflate`). The local header is
/// written first and patched with the sizes and CRC once the entry is complete.
///
/// No ZIP64: an archive or entry past 4 GiB is refused with an error (Excel's own limits on a
/// sheet keep real workbooks far below that).
final class ZipWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private struct CentralRecord {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private let fd: Int32
    private var offset: UInt64 = 0
    private var records: [CentralRecord] = []
    private let level: Int32
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// `fd` is an open, writable, seekable file positioned at its start; it stays open.
    init(fd: Int32, compressionLevel: Int32, date: Date) {
        self.fd = fd
        self.level = compressionLevel
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        let year = max(Int(parts.tm_year) + 1900, 1980)
        dosTime = UInt16(truncatingIfNeeded: Int(parts.tm_hour) << 11 | Int(parts.tm_min) << 5 | Int(parts.tm_sec) / 2)
        dosDate = UInt16(truncatingIfNeeded: (year - 1980) << 9 | Int(parts.tm_mon + 1) << 5 | Int(parts.tm_mday))
    }

    /// Writes one entry whose bytes `body` produces into the given output.
    func addEntry(_ name: String, compress: Bool = true, _ body: (XMLOutput) throws -> Void) throws {
        let stream = EntryStream(level: compress ? level : nil)
        let headerOffset = offset
        let nameBytes = Array(name.utf8)
        // The local header, with sizes and CRC patched in below.
        try writeAll(localHeader(name: nameBytes, method: compress ? 8 : 0, crc: 0, compressedSize: 0, size: 0))
        let output = XMLOutput { chunk, isLast in try stream.add(chunk, isLast: isLast, writer: self) }
        try body(output)
        try output.finish()
        try stream.drain(writer: self)
        guard stream.size <= UInt64(UInt32.max), stream.compressedSize <= UInt64(UInt32.max), offset <= UInt64(UInt32.max) else {
            throw Failure(description: "\(name): the workbook is too large for a ZIP archive without ZIP64 (over 4 GiB)")
        }
        let record = CentralRecord(name: nameBytes, method: compress ? 8 : 0, crc: stream.crc,
                                   compressedSize: UInt32(stream.compressedSize), size: UInt32(stream.size),
                                   offset: UInt32(headerOffset))
        try patch(localHeader(name: nameBytes, method: record.method, crc: record.crc,
                              compressedSize: record.compressedSize, size: record.size), at: headerOffset)
        records.append(record)
    }

    /// Writes an entry from bytes already in memory (images).
    func addEntry(_ name: String, bytes: [UInt8], compress: Bool) throws {
        try addEntry(name, compress: compress) { out in try out.raw(bytes) }
    }

    /// Writes the central directory and the end record.
    func finish() throws {
        let start = offset
        var out: [UInt8] = []
        for r in records {
            out.le32(0x0201_4b50)
            out.le16(20)  // version made by: 2.0, MS-DOS attributes
            out.le16(20)  // version needed
            out.le16(0x0800)  // names are UTF-8
            out.le16(r.method)
            out.le16(dosTime)
            out.le16(dosDate)
            out.le32(r.crc)
            out.le32(r.compressedSize)
            out.le32(r.size)
            out.le16(UInt16(r.name.count))
            out.le16(0)  // extra
            out.le16(0)  // comment
            out.le16(0)  // disk
            out.le16(0)  // internal attributes
            out.le32(0)  // external attributes
            out.le32(r.offset)
            out.append(contentsOf: r.name)
        }
        let size = UInt64(out.count)
        guard start + size <= UInt64(UInt32.max), records.count < 0xFFFF else {
            throw Failure(description: "the workbook is too large for a ZIP archive without ZIP64")
        }
        out.le32(0x0605_4b50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(records.count))
        out.le16(UInt16(records.count))
        out.le32(UInt32(size))
        out.le32(UInt32(start))
        out.le16(0)
        try writeAll(out)
    }

    private func localHeader(name: [UInt8], method: UInt16, crc: UInt32, compressedSize: UInt32, size: UInt32) -> [UInt8] {
        var h: [UInt8] = []
        h.reserveCapacity(30 + name.count)
        h.le32(0x0403_4b50)
        h.le16(20)
        h.le16(0x0800)
        h.le16(method)
        h.le16(dosTime)
        h.le16(dosDate)
        h.le32(crc)
        h.le32(compressedSize)
        h.le32(size)
        h.le16(UInt16(name.count))
        h.le16(0)
        h.append(contentsOf: name)
        return h
    }

    func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write the file: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
        offset += UInt64(bytes.count)
    }

    private func patch(_ bytes: [UInt8], at position: UInt64) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(position) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write the file: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
    }
}

/// One entry's chunks on their way to the file: compressed in parallel, written in order.
private final class EntryStream {
    /// A chunk being compressed on another core.
    final class Pending {
        let size: Int
        var output: [UInt8] = []
        var crc: UInt32 = 0
        var error: Error?
        let done = DispatchSemaphore(value: 0)
        init(size: Int) { self.size = size }
    }

    let level: Int32?
    var pending: [Pending] = []
    var crc: UInt32 = 0
    var size: UInt64 = 0
    var compressedSize: UInt64 = 0
    /// Chunks compressing at once; bounds memory to a few chunks.
    static let maxInFlight = 4

    init(level: Int32?) { self.level = level }

    func add(_ chunk: [UInt8], isLast: Bool, writer: ZipWriter) throws {
        guard let level else {
            crc = chunk.withUnsafeBytes { Deflate.crc32(crc, $0) }
            size += UInt64(chunk.count)
            compressedSize += UInt64(chunk.count)
            try writer.writeAll(chunk)
            return
        }
        let job = Pending(size: chunk.count)
        pending.append(job)
        DispatchQueue.global(qos: .userInitiated).async {
            chunk.withUnsafeBytes { buffer in
                job.crc = Deflate.crc32(0, buffer)
                do { job.output = try Deflate.compress(buffer, level: level, isLast: isLast) } catch { job.error = error }
            }
            job.done.signal()
        }
        while pending.count > EntryStream.maxInFlight { try writeOldest(writer) }
    }

    func drain(writer: ZipWriter) throws {
        while !pending.isEmpty { try writeOldest(writer) }
    }

    private func writeOldest(_ writer: ZipWriter) throws {
        let job = pending.removeFirst()
        job.done.wait()
        if let error = job.error {
            // Let the remaining jobs finish before the buffers go away.
            for p in pending { p.done.wait() }
            pending.removeAll()
            throw error
        }
        crc = size == 0 ? job.crc : Deflate.combine(crc, job.crc, length2: job.size)
        size += UInt64(job.size)
        compressedSize += UInt64(job.output.count)
        try writer.writeAll(job.output)
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func le32(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 24))
    }
}
