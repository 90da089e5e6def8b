import Foundation
import XCTest
import ZIPFoundation
@testable import SheetXLSX
import SheetCore

/// Builds small XLSX packages for tests: the XML parts are written by hand and zipped with
/// ZIPFoundation, so each test states exactly what the file holds.
struct XLSXBuilder {
    struct SheetSpec {
        var name: String
        /// The worksheet part's XML, complete.
        var xml: String
        var state: String?
    }

    var sheets: [SheetSpec] = []
    /// `<si>` elements of the shared string table, or nil for no table.
    var sharedStrings: [String]?
    /// `<definedName>` elements.
    var definedNames: [String] = []
    var date1904 = false
    /// The styles part (`xl/styles.xml`), with its relationship, or nil for none.
    var styles: String?
    /// More `<Relationship>` elements for the workbook part.
    var workbookRelationships: [String] = []
    /// `<Relationship>` elements of each sheet's relationships part, by sheet index.
    var sheetRelationships: [Int: [String]] = [:]
    /// Markup between `<workbookPr>` and `<sheets>` (`<bookViews>`).
    var bookViews = ""
    /// Parts to add or replace (path → content).
    var overrides: [String: Data] = [:]
    /// Parts to leave out.
    var omitted: Set<String> = []

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A worksheet part around some `<sheetData>` content, with the elements that come before
    /// (`before`: sheetPr, sheetViews, cols…) and after it (`after`: mergeCells, drawing…).
    static func worksheet(_ rows: String, dimension: String? = nil, before: String = "", after: String = "") -> String {
        let dim = dimension.map { "<dimension ref=\"\($0)\"/>" } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">\(before.isEmpty ? dim : "")\(before)<sheetData>\(rows)</sheetData>\(after)</worksheet>"
    }

    mutating func addSheet(_ name: String, rows: String, state: String? = nil, dimension: String? = nil, before: String = "", after: String = "") {
        sheets.append(SheetSpec(name: name, xml: XLSXBuilder.worksheet(rows, dimension: dimension, before: before, after: after), state: state))
    }

    /// A `<Relationship>` element.
    static func relationship(_ id: String, _ type: String, _ target: String) -> String {
        let uri = type.contains("/") ? type : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(type)"
        return "<Relationship Id=\"\(id)\" Type=\"\(uri)\" Target=\"\(target)\"/>"
    }

    func parts() -> [(String, Data)] {
        var out: [(String, Data)] = []
        func add(_ path: String, _ text: String) { out.append((path, Data(text.utf8))) }
        add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var sheetsXML = ""
        var rels = ""
        for (i, s) in sheets.enumerated() {
            let state = s.state.map { " state=\"\($0)\"" } ?? ""
            sheetsXML += "<sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        if styles != nil {
            rels += "<Relationship Id=\"rIdSt\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        }
        rels += workbookRelationships.joined()
        if sharedStrings != nil {
            rels += "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        let names = definedNames.isEmpty ? "" : "<definedNames>" + definedNames.joined() + "</definedNames>"
        add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(XLSXBuilder.mainNS)" xmlns:r="\(XLSXBuilder.relNS)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>\(bookViews)<sheets>\(sheetsXML)</sheets>\(names)<calcPr calcId="191029"/></workbook>
            """)
        add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        if let sharedStrings {
            add("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="\(XLSXBuilder.mainNS)" count="\(sharedStrings.count)" uniqueCount="\(sharedStrings.count)">\(sharedStrings.joined())</sst>
                """)
        }
        if let styles {
            add("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"\(XLSXBuilder.mainNS)\">\(styles)</styleSheet>")
        }
        for (i, s) in sheets.enumerated() { add("xl/worksheets/sheet\(i + 1).xml", s.xml) }
        for (i, list) in sheetRelationships.sorted(by: { $0.key < $1.key }) {
            add("xl/worksheets/_rels/sheet\(i + 1).xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(list.joined())</Relationships>
                """)
        }
        out = out.filter { !omitted.contains($0.0) && overrides[$0.0] == nil }
        out += overrides.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return out
    }

    func data() throws -> Data { try XLSXBuilder.zip(parts()) }

    /// Zips parts (deflated) in memory.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// Writes the package to a temporary file.
    func write() throws -> URL {
        try XLSXBuilder.write(data())
    }

    static func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-xlsx-test-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        return url
    }
}

extension XCTestCase {
    /// Asserts that `body` throws an `XLSXError` and returns it.
    @discardableResult
    func assertXLSXError<T>(_ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> XLSXError? {
        do {
            _ = try body()
            XCTFail("expected an XLSXError", file: file, line: line)
            return nil
        } catch let e as XLSXError {
            return e
        } catch {
            XCTFail("expected an XLSXError, got \(error)", file: file, line: line)
            return nil
        }
    }
}
