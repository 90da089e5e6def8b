import Foundation
import SheetCore

/// The sample workbook `Workbooks/electrolysis-lab.xlsx`: a day of rapid-sample readings from
/// six electrolysis cells, limits per parameter, statistics per cell, out-of-range flags and a
/// filtered list of the excursions. Built deterministically (seeded noise, fixed timestamps), so
/// `sheet sample electrolysis-lab` regenerates the committed file byte for byte.
enum ElectrolysisLab {
    struct Parameter {
        let name: String
        let unit: String
        let low: Double
        let high: Double
        let target: Double
        let noise: Double
        let format: String
    }

    static let parameters = [
        Parameter(name: "Cell voltage", unit: "V", low: 1.80, high: 2.10, target: 1.95, noise: 0.045, format: "0.000"),
        Parameter(name: "Current density", unit: "A/cm²", low: 0.40, high: 0.70, target: 0.55, noise: 0.04, format: "0.000"),
        Parameter(name: "Electrolyte temperature", unit: "°C", low: 60, high: 80, target: 70, noise: 2.8, format: "0.0"),
        Parameter(name: "KOH concentration", unit: "wt%", low: 25, high: 32, target: 28.5, noise: 0.9, format: "0.0"),
        Parameter(name: "H₂ purity", unit: "%", low: 0.995, high: 1, target: 0.9982, noise: 0.0012, format: "0.00%"),
    ]
    static let cells = (1...6).map { "EC-0\($0)" }
    /// Samples per cell and parameter: every 10 minutes over eight hours.
    static let samples = 48
    static let dateTime = "yyyy-mm-dd hh:mm"
    /// A fixed save time, so the file is reproducible.
    static let savedAt = Date(timeIntervalSince1970: 1_772_463_600)  // 2026-03-02 15:00 UTC

    static func build() throws -> Workbook {
        let wb = Workbook(registry: .standard)
        let readings = try wb.addSheet(named: "Readings")
        let summary = try wb.addSheet(named: "Summary")
        let excursions = try wb.addSheet(named: "Out of range")
        let limits = try wb.addSheet(named: "Limits")
        try buildLimits(wb, limits)
        let rows = try buildReadings(wb, readings)
        try buildSummary(wb, summary, rows: rows)
        try buildExcursions(wb, excursions, rows: rows)
        wb.recalculate()
        return wb
    }

    private static func set(_ wb: Workbook, _ sheet: SheetID, _ row: Int, _ column: Int, _ input: String, format: String? = nil) throws {
        let address = CellAddress(row: row, column: column)
        try wb.setCell(sheet, address, input: input)
        if let format { try wb.setNumberFormat(sheet, address, format) }
    }

    private static func header(_ wb: Workbook, _ sheet: SheetID, row: Int = 0, _ titles: [String]) throws {
        for (c, title) in titles.enumerated() { try wb.setValue(sheet, CellAddress(row: row, column: c), .text(title)) }
    }

    private static func buildLimits(_ wb: Workbook, _ sheet: SheetID) throws {
        try header(wb, sheet, ["Parameter", "Unit", "Low limit", "High limit", "Target"])
        for (i, p) in parameters.enumerated() {
            let r = i + 1
            try wb.setValue(sheet, CellAddress(row: r, column: 0), .text(p.name))
            try wb.setValue(sheet, CellAddress(row: r, column: 1), .text(p.unit))
            for (c, v) in [(2, p.low), (3, p.high), (4, p.target)] {
                try wb.setValue(sheet, CellAddress(row: r, column: c), .number(v))
                try wb.setNumberFormat(sheet, CellAddress(row: r, column: c), p.format)
            }
        }
        try wb.defineName("LimitTable", formula: "=Limits!$A$2:$E$\(parameters.count + 1)")
        let layout = wb.sheet(sheet)
        layout?.layout.columnWidths = [0: 24, 1: 8, 2: 11, 3: 11, 4: 11]
        layout?.layout.frozenRows = 1
        layout?.layout.tabColor = "FF7F7F7F"
    }

    /// One row per timestamp, cell and parameter; returns the last data row (1-based).
    private static func buildReadings(_ wb: Workbook, _ sheet: SheetID) throws -> Int {
        try header(wb, sheet, ["Timestamp", "Cell", "Parameter", "Value", "Unit", "Low", "High", "Status", "Deviation"])
        let start = Double(DateSerial.serial(year: 2026, month: 3, day: 2, system: .d1900)) + 8.0 / 24
        var random = SplitMix(seed: 0x00E1_EC7A)
        var r = 1
        for k in 0..<samples {
            let time = start + Double(k) * 10 / 1440
            for cell in cells {
                for p in parameters {
                    var value = p.target + p.noise * random.normal()
                    // EC-04's voltage creeps up through the afternoon, EC-02 runs hot for two hours
                    // and EC-05's electrolyte thins out towards the end of the shift.
                    if cell == "EC-04", p.name == "Cell voltage", k > 28 { value += Double(k - 28) * 0.012 }
                    if cell == "EC-02", p.name == "Electrolyte temperature", (16..<28).contains(k) { value += 10.5 }
                    if cell == "EC-05", p.name == "KOH concentration", k > 34 { value -= Double(k - 34) * 0.28 }
                    if p.name == "H₂ purity" { value = min(value, 0.9999) }
                    let row = r + 1
                    try wb.setValue(sheet, CellAddress(row: r, column: 0), .number(time))
                    try wb.setNumberFormat(sheet, CellAddress(row: r, column: 0), dateTime)
                    try wb.setValue(sheet, CellAddress(row: r, column: 1), .text(cell))
                    try wb.setValue(sheet, CellAddress(row: r, column: 2), .text(p.name))
                    try wb.setValue(sheet, CellAddress(row: r, column: 3), .number((value * 10_000).rounded() / 10_000))
                    try wb.setNumberFormat(sheet, CellAddress(row: r, column: 3), p.format)
                    try set(wb, sheet, r, 4, "=VLOOKUP(C\(row),LimitTable,2,FALSE)")
                    try set(wb, sheet, r, 5, "=INDEX(Limits!$C$2:$C$6,MATCH(C\(row),Limits!$A$2:$A$6,0))", format: p.format)
                    try set(wb, sheet, r, 6, "=INDEX(Limits!$D$2:$D$6,MATCH(C\(row),Limits!$A$2:$A$6,0))", format: p.format)
                    try set(wb, sheet, r, 7, "=IF(AND(D\(row)>=F\(row),D\(row)<=G\(row)),\"ok\",\"OUT\")")
                    try set(wb, sheet, r, 8, "=IF(H\(row)=\"ok\",0,IF(D\(row)<F\(row),D\(row)-F\(row),D\(row)-G\(row))/(G\(row)-F\(row)))", format: "0.0%")
                            r += 1
                }
            }
        }
        let layout = wb.sheet(sheet)
        layout?.layout.columnWidths = [0: 17, 1: 8, 2: 24, 3: 10, 4: 8, 5: 9, 6: 9, 7: 8, 8: 10]
        layout?.layout.frozenRows = 1
        layout?.layout.tabColor = "FF2F75B5"
        return r
    }

    private static func buildSummary(_ wb: Workbook, _ sheet: SheetID, rows last: Int) throws {
        let cellRange = "Readings!$B$2:$B$\(last)", parameterRange = "Readings!$C$2:$C$\(last)"
        let valueRange = "Readings!$D$2:$D$\(last)", statusRange = "Readings!$H$2:$H$\(last)"
        let timeRange = "Readings!$A$2:$A$\(last)", deviationRange = "Readings!$I$2:$I$\(last)"
        try wb.setValue(sheet, CellAddress(row: 0, column: 0), .text("Electrolysis line 3 — rapid sampling, 2 March 2026 (08:00–15:50)"))
        try header(wb, sheet, row: 2, ["Cell", "Samples", "Mean voltage (V)", "Max temperature (°C)", "Min H₂ purity",
                                       "Voltage std dev (V)", "Out of range", "Share out of range", "First excursion"])
        for (i, cell) in cells.enumerated() {
            let r = 3 + i, row = r + 1
            try wb.setValue(sheet, CellAddress(row: r, column: 0), .text(cell))
            try set(wb, sheet, r, 1, "=COUNTIFS(\(cellRange),A\(row),\(parameterRange),\"Cell voltage\")")
            try set(wb, sheet, r, 2, "=AVERAGEIFS(\(valueRange),\(cellRange),A\(row),\(parameterRange),\"Cell voltage\")", format: "0.000")
            try set(wb, sheet, r, 3, "=MAXIFS(\(valueRange),\(cellRange),A\(row),\(parameterRange),\"Electrolyte temperature\")", format: "0.0")
            try set(wb, sheet, r, 4, "=MINIFS(\(valueRange),\(cellRange),A\(row),\(parameterRange),\"H₂ purity\")", format: "0.00%")
            // An array calculation in one cell (Excel and LibreOffice evaluate it as an array formula).
            try set(wb, sheet, r, 5, "=STDEV.S(IF((\(cellRange)=A\(row))*(\(parameterRange)=\"Cell voltage\"),\(valueRange)))", format: "0.0000")
            try set(wb, sheet, r, 6, "=COUNTIFS(\(cellRange),A\(row),\(statusRange),\"OUT\")")
            try set(wb, sheet, r, 7, "=G\(row)/COUNTIF(\(cellRange),A\(row))", format: "0.0%")
            try set(wb, sheet, r, 8, "=IF(G\(row)=0,\"\",MINIFS(\(timeRange),\(cellRange),A\(row),\(statusRange),\"OUT\"))", format: dateTime)
        }
        let total = 3 + cells.count, lastCellRow = 3 + cells.count
        try wb.setValue(sheet, CellAddress(row: total, column: 0), .text("All cells"))
        try set(wb, sheet, total, 1, "=SUM(B4:B\(lastCellRow))")
        try set(wb, sheet, total, 2, "=AVERAGEIFS(\(valueRange),\(parameterRange),\"Cell voltage\")", format: "0.000")
        try set(wb, sheet, total, 3, "=MAX(D4:D\(lastCellRow))", format: "0.0")
        try set(wb, sheet, total, 4, "=MIN(E4:E\(lastCellRow))", format: "0.00%")
        try set(wb, sheet, total, 6, "=SUM(G4:G\(lastCellRow))")
        try set(wb, sheet, total, 7, "=G\(total + 1)/COUNTA(\(cellRange))", format: "0.0%")

        let top = total + 3
        try header(wb, sheet, row: top, ["Parameter", "Out of range", "Below low", "Above high", "Worst deviation"])
        for i in parameters.indices {
            let r = top + 1 + i, row = r + 1
            try set(wb, sheet, r, 0, "=Limits!A\(i + 2)")
            try set(wb, sheet, r, 1, "=COUNTIFS(\(parameterRange),A\(row),\(statusRange),\"OUT\")")
            try set(wb, sheet, r, 2, "=COUNTIFS(\(parameterRange),A\(row),\(deviationRange),\"<0\")")
            try set(wb, sheet, r, 3, "=COUNTIFS(\(parameterRange),A\(row),\(deviationRange),\">0\")")
            try set(wb, sheet, r, 4, "=MAX(MAXIFS(\(deviationRange),\(parameterRange),A\(row)),-MINIFS(\(deviationRange),\(parameterRange),A\(row)))", format: "0.0%")
        }
        let layout = wb.sheet(sheet)
        layout?.layout.merges = [CellRange(sheet: sheet, top: 0, left: 0, bottom: 0, right: 8)]
        layout?.layout.columnWidths = [0: 24, 1: 12, 2: 16, 3: 20, 4: 14, 5: 18, 6: 13, 7: 17, 8: 17]
        layout?.layout.rowHeights = [0: 24]
        layout?.layout.frozenRows = 3
        layout?.layout.tabColor = "FF70AD47"
    }

    private static func buildExcursions(_ wb: Workbook, _ sheet: SheetID, rows last: Int) throws {
        try header(wb, sheet, ["Timestamp", "Cell", "Parameter", "Value", "Deviation"])
        // Every out-of-range reading, newest first: one formula spilling into as many rows as needed.
        try set(wb, sheet, 1, 0, "=SORT(FILTER(CHOOSE({1,2,3,4,5},Readings!A2:A\(last),Readings!B2:B\(last),Readings!C2:C\(last),Readings!D2:D\(last),Readings!I2:I\(last)),Readings!H2:H\(last)=\"OUT\",\"none\"),1,-1)")
        for r in 1...200 {
            try wb.setNumberFormat(sheet, CellAddress(row: r, column: 0), dateTime)
            try wb.setNumberFormat(sheet, CellAddress(row: r, column: 3), "0.0000")
            try wb.setNumberFormat(sheet, CellAddress(row: r, column: 4), "0.0%")
        }
        let layout = wb.sheet(sheet)
        layout?.layout.columnWidths = [0: 17, 1: 8, 2: 24, 3: 10, 4: 10]
        layout?.layout.frozenRows = 1
        layout?.layout.tabColor = "FFC00000"
    }
}

/// A small seeded generator (SplitMix64) with normally distributed draws (Box–Muller).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func normal() -> Double {
        let u = uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
