import Foundation
import ZIPFoundation
// zlib itself, for inflating straight into the part's buffer: the module ZIPFoundation links on
// Linux (CZlib) or the SDK's (zlib). Without either, ZIPFoundation's chunked inflate is used.
#if canImport(CZlib)
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Random access to the bytes of a package: a file or data in memory.
protocol ByteSource: AnyObject {
    var size: Int64 { get }
    /// Exactly `count` bytes at `offset`; throws if the source ends before.
    func read(at offset: Int64, count: Int) throws -> Data
}

private struct ShortRead: Error {}

private final class DataSource: ByteSource {
    let data: Data
    init(_ data: Data) { self.data = data }
    var size: Int64 { Int64(data.count) }
    func read(at offset: Int64, count: Int) throws -> Data {
        guard offset >= 0, count >= 0, offset + Int64(count) <= size else { throw ShortRead() }
        let start = data.startIndex + Int(offset)
        return data.subdata(in: start..<start + count)
    }
}

private final class FileSource: ByteSource {
    let handle: FileHandle
    let size: Int64
    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        size = Int64(try handle.seekToEnd())
    }
    deinit { try? handle.close() }
    func read(at offset: Int64, count: Int) throws -> Data {
        guard offset >= 0, count >= 0, offset + Int64(count) <= size else { throw ShortRead() }
        if count == 0 { return Data() }
        try handle.seek(toOffset: UInt64(offset))
        guard let data = try handle.read(upToCount: count), data.count == count else { throw ShortRead() }
        return data
    }
}

/// The ZIP container of an XLSX file: finds parts by name and inflates them within the limits.
///
/// The central directory is read here (it is small and simple); inflating uses ZIPFoundation's
/// zlib stream with input fed from the entry's compressed bytes only, so a damaged stream ends
/// in an error, never in a read past the entry or a loop at the end of the file. Sizes declared
/// in the archive are not trusted: inflation counts the bytes it produces and stops at the first
/// limit crossed (per part, in total, or by compression ratio).
final class ZipPackage {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int64
        var uncompressedSize: Int64
        var localHeaderOffset: Int64
    }

    private let source: ByteSource
    /// Entries by lower-cased part name (OPC part names compare case-insensitively).
    private var entries: [String: Entry] = [:]
    /// The part names as the archive spells them, in directory order.
    private(set) var partNames: [String] = []
    let limits: XLSXLimits
    private(set) var totalInflated: Int64 = 0

    /// Largest central directory read (about 100,000 entries with long names).
    static let maxCentralDirectorySize: Int64 = 64 << 20

    convenience init(url: URL, limits: XLSXLimits) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw XLSXError.notAZip("no file at \(url.path)")
        }
        guard !isDirectory.boolValue else { throw XLSXError.notAZip("\(url.path) is a folder") }
        let source: FileSource
        do { source = try FileSource(url) } catch {
            throw XLSXError.notAZip("cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(source: source, limits: limits)
    }

    convenience init(data: Data, limits: XLSXLimits) throws {
        try self.init(source: DataSource(data), limits: limits)
    }

    private init(source: ByteSource, limits: XLSXLimits) throws {
        self.source = source
        self.limits = limits
        do {
            try readCentralDirectory()
        } catch is ShortRead {
            throw XLSXError.notAZip("the ZIP directory points past the end of the file (truncated?)")
        }
    }

    // MARK: Central directory

    private func readCentralDirectory() throws {
        let size = source.size
        guard size >= 22 else { throw XLSXError.notAZip("too short to be a ZIP archive") }
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
        let tailLength = Int(min(size, 22 + 65_535))
        let tailStart = size - Int64(tailLength)
        let tail = [UInt8](try source.read(at: tailStart, count: tailLength))
        var eocd = -1
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw XLSXError.notAZip("no ZIP end-of-central-directory record (not a ZIP archive, or truncated)") }
        var count = Int64(u16(tail, eocd + 10))
        var directorySize = Int64(u32(tail, eocd + 12))
        var directoryOffset = Int64(u32(tail, eocd + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator right before the record points at the ZIP64 record.
            let locator = eocd - 20
            guard locator >= 0, u32(tail, locator) == 0x0706_4B50 else {
                throw XLSXError.notAZip("a ZIP64 archive without its ZIP64 locator")
            }
            let recordOffset = Int64(bitPattern: u64(tail, locator + 8))
            let record = [UInt8](try source.read(at: recordOffset, count: 56))
            guard u32(record, 0) == 0x0606_4B50 else { throw XLSXError.notAZip("a damaged ZIP64 end-of-central-directory record") }
            count = Int64(bitPattern: u64(record, 32))
            directorySize = Int64(bitPattern: u64(record, 40))
            directoryOffset = Int64(bitPattern: u64(record, 48))
        }
        guard count >= 0, count <= Int64(limits.maxEntries) else { throw XLSXError.tooManyEntries(limit: limits.maxEntries) }
        guard directorySize >= 0, directoryOffset >= 0, directoryOffset + directorySize <= size else {
            throw XLSXError.notAZip("the ZIP central directory lies outside the file (truncated?)")
        }
        guard directorySize <= ZipPackage.maxCentralDirectorySize else {
            throw XLSXError.notAZip("the ZIP central directory is larger than \(ZipPackage.maxCentralDirectorySize) bytes")
        }
        let directory = [UInt8](try source.read(at: directoryOffset, count: Int(directorySize)))
        var p = 0
        var seen = 0
        while seen < count {
            guard p + 46 <= directory.count, u32(directory, p) == 0x0201_4B50 else {
                throw XLSXError.notAZip("a damaged ZIP central directory (entry \(seen + 1))")
            }
            let nameLength = Int(u16(directory, p + 28)), extraLength = Int(u16(directory, p + 30)), commentLength = Int(u16(directory, p + 32))
            let end = p + 46 + nameLength + extraLength + commentLength
            guard end <= directory.count else { throw XLSXError.notAZip("a damaged ZIP central directory (entry \(seen + 1))") }
            let name = String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            var entry = Entry(name: name, flags: u16(directory, p + 8), method: u16(directory, p + 10), crc32: u32(directory, p + 16),
                              compressedSize: Int64(u32(directory, p + 20)), uncompressedSize: Int64(u32(directory, p + 24)),
                              localHeaderOffset: Int64(u32(directory, p + 42)))
            // ZIP64 sizes and offset live in extra field 1, for the fields saturated at 0xFFFFFFFF.
            var x = p + 46 + nameLength
            let extraEnd = x + extraLength
            while x + 4 <= extraEnd {
                let id = u16(directory, x), length = Int(u16(directory, x + 2))
                let dataStart = x + 4
                guard dataStart + length <= extraEnd else { break }
                if id == 1 {
                    var q = dataStart
                    func next() -> Int64? {
                        guard q + 8 <= dataStart + length else { return nil }
                        defer { q += 8 }
                        return Int64(bitPattern: u64(directory, q))
                    }
                    if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
                    if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
                    if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
                }
                x = dataStart + length
            }
            if !name.hasSuffix("/") {
                let key = ZipPackage.normalize(name)
                if entries[key] == nil {
                    entries[key] = entry
                    partNames.append(name.hasPrefix("/") ? String(name.drop { $0 == "/" }) : name)
                }
            }
            p = end
            seen += 1
        }
        if entries.isEmpty { throw XLSXError.notAZip("the archive holds no files") }
    }

    @inline(__always) private func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    @inline(__always) private func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    @inline(__always) private func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }

    // MARK: Parts

    /// Part names without a leading `/`, lower-cased.
    static func normalize(_ path: String) -> String {
        var p = path
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }

    func contains(_ part: String) -> Bool { entries[ZipPackage.normalize(part)] != nil }

    /// Inflates a part. Throws `missingPart` when it is absent.
    func read(_ part: String) throws -> Data {
        guard let entry = entries[ZipPackage.normalize(part)] else { throw XLSXError.missingPart(part) }
        do {
            return try inflatePart(entry, part: part)
        } catch is ShortRead {
            throw XLSXError.corruptPart(part: part, message: "the entry's data runs past the end of the file (truncated?)")
        }
    }

    private func inflatePart(_ entry: Entry, part: String) throws -> Data {
        if entry.flags & 1 != 0 { throw XLSXError.corruptPart(part: part, message: "the entry is encrypted") }
        if entry.uncompressedSize > limits.maxPartSize || entry.uncompressedSize < 0 {
            throw XLSXError.partTooLarge(part: part, limit: limits.maxPartSize)
        }
        // Deflate never grows data by more than a few bytes per 16 KiB block.
        if entry.compressedSize < 0 || entry.compressedSize > limits.maxPartSize + (1 << 20) {
            throw XLSXError.partTooLarge(part: part, limit: limits.maxPartSize)
        }
        let header = [UInt8](try source.read(at: entry.localHeaderOffset, count: 30))
        guard u32(header, 0) == 0x0403_4B50 else { throw XLSXError.corruptPart(part: part, message: "no local file header where the directory says") }
        let dataOffset = entry.localHeaderOffset + 30 + Int64(u16(header, 26)) + Int64(u16(header, 28))
        let compressed = try source.read(at: dataOffset, count: Int(entry.compressedSize))

        var out = Data()
        var produced: Int64 = 0
        let limits = self.limits
        let totalBefore = totalInflated
        let compressedSize = max(entry.compressedSize, 1)
        /// Throws when `size` inflated bytes cross a limit.
        func check(_ size: Int64) throws {
            if size > limits.maxPartSize { throw XLSXError.partTooLarge(part: part, limit: limits.maxPartSize) }
            if totalBefore + size > limits.maxTotalSize { throw XLSXError.totalSizeTooLarge(part: part, limit: limits.maxTotalSize) }
            if size > limits.compressionRatioThreshold, size / compressedSize > Int64(limits.maxCompressionRatio) {
                throw XLSXError.compressionRatioTooHigh(part: part, limit: limits.maxCompressionRatio)
            }
        }
        func take(_ chunk: Data) throws {
            produced += Int64(chunk.count)
            try check(produced)
            out.append(chunk)
        }

        let checksum: UInt32
        switch entry.method {
        case 0:
            try take(compressed)
            checksum = compressed.crc32(checksum: 0)
        case 8:
            #if canImport(CZlib) || canImport(zlib)
            (out, checksum) = try ZipPackage.inflateRaw(compressed, sizeHint: entry.uncompressedSize, maxSize: limits.maxPartSize,
                                                        part: part, limit: check)
            produced = Int64(out.count)
            #else
            out.reserveCapacity(Int(min(entry.uncompressedSize, 16 << 20)))
            struct EndOfInput: Error {}
            let bufferSize = 64 << 10
            do {
                checksum = try Data.decompress(size: entry.compressedSize, bufferSize: bufferSize, skipCRC32: false, provider: { position, size in
                    // Always exactly `size` bytes (zlib is told that many are there); past the
                    // end, zeros, which no valid stream needs: a stream still wanting input at
                    // the next call is truncated.
                    guard position >= 0, position < Int64(compressed.count) else { throw EndOfInput() }
                    let start = compressed.startIndex + Int(position)
                    var chunk = compressed.subdata(in: start..<min(start + size, compressed.endIndex))
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: take)
            } catch let error as XLSXError {
                throw error
            } catch is EndOfInput {
                throw XLSXError.corruptPart(part: part, message: "the compressed data ends early")
            } catch {
                throw XLSXError.corruptPart(part: part, message: "the compressed data is damaged (\(error))")
            }
            #endif
        default:
            throw XLSXError.corruptPart(part: part, message: "compression method \(entry.method) is not supported")
        }
        if checksum != entry.crc32 { throw XLSXError.corruptPart(part: part, message: "CRC-32 mismatch") }
        totalInflated += produced
        return out
    }

    #if canImport(CZlib) || canImport(zlib)
    /// Inflates a raw deflate stream into one buffer (grown as it fills; the declared size is
    /// only a hint, and growth stops a little past `maxSize`), calling `limit` with the size so
    /// far after each step.
    /// Returns the bytes and their CRC-32.
    static func inflateRaw(_ compressed: Data, sizeHint: Int64, maxSize: Int64, part: String,
                           limit: (Int64) throws -> Void) throws -> (Data, UInt32) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XLSXError.corruptPart(part: part, message: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var out = Data(count: Int(max(4096, min(sizeHint, 64 << 20))))
        var produced = 0
        try compressed.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let inBase = input.baseAddress, input.count > 0 else {
                throw XLSXError.corruptPart(part: part, message: "the compressed data ends early")
            }
            var consumed = 0
            while true {
                if out.count - produced < 32 << 10 {
                    let cap = Int(min(maxSize, Int64(Int.max / 4))) + (64 << 10)
                    out.count = min(max(out.count * 2, produced + (64 << 10)), cap)
                    guard out.count - produced >= 32 << 10 else { throw XLSXError.partTooLarge(part: part, limit: maxSize) }
                }
                if stream.avail_in == 0, consumed < input.count {
                    let n = min(input.count - consumed, Int(UInt32.max))
                    stream.next_in = UnsafeMutablePointer(mutating: inBase.advanced(by: consumed).assumingMemoryBound(to: Bytef.self))
                    stream.avail_in = UInt32(n)
                    consumed += n
                }
                let before = (produced, stream.avail_in)
                let result: Int32 = out.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
                    stream.next_out = buffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = UInt32(min(buffer.count - produced, Int(UInt32.max)))
                    let before = stream.avail_out
                    let r = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                    return r
                }
                try limit(Int64(produced))
                if result == Z_STREAM_END { break }
                if result == Z_BUF_ERROR, stream.avail_in == 0, consumed >= input.count {
                    throw XLSXError.corruptPart(part: part, message: "the compressed data ends early")
                }
                if result == Z_BUF_ERROR, before == (produced, stream.avail_in) {
                    throw XLSXError.corruptPart(part: part, message: "the compressed data is damaged (no progress)")
                }
                guard result == Z_OK || result == Z_BUF_ERROR else {
                    let why = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                    throw XLSXError.corruptPart(part: part, message: "the compressed data is damaged (\(why))")
                }
            }
        }
        out.count = produced
        let crc = out.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> UInt32 in
            guard let base = b.baseAddress, b.count > 0 else { return 0 }
            var c: uLong = 0
            var offset = 0
            while offset < b.count {
                let n = min(b.count - offset, Int(UInt32.max))
                c = crc32(c, base.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(n))
                offset += n
            }
            return UInt32(truncatingIfNeeded: c)
        }
        return (out, crc)
    }
    #endif

    // MARK: Relationship targets

    /// Resolves a relationship target against the part that holds the relationship.
    /// `/xl/x.xml` is absolute; `worksheets/sheet1.xml` is relative to the source part's folder.
    static func resolve(target: String, from sourcePart: String) -> String {
        var t = target.replacingOccurrences(of: "\\", with: "/")
        if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
        t = t.removingPercentEncoding ?? t
        var segments: [Substring]
        if t.hasPrefix("/") {
            segments = []
        } else {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for s in t.split(separator: "/", omittingEmptySubsequences: true) {
            if s == "." { continue }
            if s == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(s)
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        var segments = part.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let name = segments.popLast() ?? ""
        return (segments + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
