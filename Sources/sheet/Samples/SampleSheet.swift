import Foundation
import SheetAI
import SheetCore

/// Writing one sheet of a sample workbook by zero-based row and column: values, formulas,
/// number formats, and the few styles the samples use (bold headers, wrapped text).
struct SampleSheet {
    let workbook: Workbook
    let id: SheetID

    init(_ workbook: Workbook, named name: String) throws {
        self.workbook = workbook
        self.id = try workbook.addSheet(named: name)
    }

    /// A workbook whose formulas may call the AI functions. Its service has no provider, so a
    /// sample built with it computes the same everywhere: AI cells hold `#CONNECT!` (written to
    /// XLSX as `#N/A`) until `sheet recalc` asks a model.
    static func aiWorkbook() -> Workbook {
        Workbook(registry: AIFunctions.registry(service: AIService(configuration: AIConfiguration())))
    }

    static let headerStyle = CellStyle(extras: [
        "xlsx.font": "<font><b/><sz val=\"11\"/><color rgb=\"FFFFFFFF\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        "xlsx.fill": "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF44546A\"/><bgColor indexed=\"64\"/></patternFill></fill>",
        "xlsx.alignment": "<alignment vertical=\"center\" wrapText=\"1\"/>",
    ])
    static let titleStyle = CellStyle(extras: [
        "xlsx.font": "<font><b/><sz val=\"14\"/><color rgb=\"FF1F3864\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    ])
    /// Long text: wrapped, from the top of the cell.
    static let wrapped = "<alignment vertical=\"top\" wrapText=\"1\"/>"
    static let top = "<alignment vertical=\"top\"/>"

    func text(_ row: Int, _ column: Int, _ text: String, format: String? = nil, alignment: String? = nil) throws {
        try workbook.setValue(id, CellAddress(row: row, column: column), .text(text))
        try style(row, column, format: format, alignment: alignment)
    }

    func number(_ row: Int, _ column: Int, _ value: Double, format: String? = nil, alignment: String? = nil) throws {
        try workbook.setValue(id, CellAddress(row: row, column: column), .number(value))
        try style(row, column, format: format, alignment: alignment)
    }

    func value(_ row: Int, _ column: Int, _ value: Value, alignment: String? = nil) throws {
        try workbook.setValue(id, CellAddress(row: row, column: column), value)
        try style(row, column, alignment: alignment)
    }

    func formula(_ row: Int, _ column: Int, _ formula: String, format: String? = nil, alignment: String? = nil) throws {
        try workbook.setCell(id, CellAddress(row: row, column: column), input: formula)
        try style(row, column, format: format, alignment: alignment)
    }

    func header(row: Int = 0, _ titles: [String]) throws {
        for (c, title) in titles.enumerated() {
            try workbook.setValue(id, CellAddress(row: row, column: c), .text(title))
            try workbook.setStyle(id, CellAddress(row: row, column: c), SampleSheet.headerStyle)
        }
    }

    func title(_ row: Int, _ column: Int, _ text: String) throws {
        try workbook.setValue(id, CellAddress(row: row, column: column), .text(text))
        try workbook.setStyle(id, CellAddress(row: row, column: column), SampleSheet.titleStyle)
    }

    func style(_ row: Int, _ column: Int, format: String? = nil, alignment: String? = nil) throws {
        guard format != nil || alignment != nil else { return }
        let address = CellAddress(row: row, column: column)
        var style = workbook.style(id, address)
        if let format { style.numberFormat = format }
        if let alignment { style.extras["xlsx.alignment"] = alignment }
        try workbook.setStyle(id, address, style)
    }

    var layout: SheetLayout {
        get { workbook.sheet(id)?.layout ?? SheetLayout() }
        nonmutating set { workbook.sheet(id)?.layout = newValue }
    }
}
