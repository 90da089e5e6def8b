import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZIPFoundation
import SheetCore
@testable import SheetXLSX

/// An exported file opened with readers that share no code with the exporter: ZIPFoundation for
/// the container (it checks each entry's CRC-32) and Foundation's XMLParser for the parts.
struct ExportedPackage {
    let data: Data
    let parts: [String: Data]
    /// Entry names in archive order.
    let order: [String]

    init(_ data: Data) throws {
        self.data = data
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        var order: [String] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
            order.append(entry.path)
        }
        self.parts = parts
        self.order = order
    }

    init(workbook: Workbook, options: XLSXExportOptions = XLSXExportOptions()) throws {
        try self.init(XLSXExport.data(workbook, options: options))
    }

    func text(_ part: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let d = parts[part] else {
            XCTFail("no part \(part); parts: \(order)", file: file, line: line)
            return ""
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// Parses every XML part; returns the ones that are not well-formed, with the parser's error.
    func malformedParts() -> [String] {
        var bad: [String] = []
        for (name, bytes) in parts where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            let parser = XMLParser(data: bytes)
            parser.shouldProcessNamespaces = true
            if !parser.parse() { bad.append("\(name): \(parser.parserError.map { "\($0)" } ?? "?")") }
        }
        return bad
    }

    /// Positions of the first occurrence of each `<name` in a part, in the order given; nil for
    /// those absent.
    func positions(of elements: [String], in part: String) -> [Int?] {
        let xml = text(part)
        return elements.map { name in
            guard let r = xml.range(of: "<" + name + " ") ?? xml.range(of: "<" + name + ">") ?? xml.range(of: "<" + name + "/>") else { return nil }
            return xml.distance(from: xml.startIndex, to: r.lowerBound)
        }
    }
}

enum ExportFixtures {
    /// A 1×1 red PNG.
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
        0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
        0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
        0x44, 0xAE, 0x42, 0x60, 0x82,
    ])

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func set(_ wb: Workbook, _ a1: String, _ input: String, file: StaticString = #filePath, line: UInt = #line) {
        do { try wb.setCell(a1, input) } catch { XCTFail("\(a1) = \(input): \(error)", file: file, line: line) }
    }
}
