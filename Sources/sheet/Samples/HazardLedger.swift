import Foundation
import SheetCore

/// The sample workbook `Workbooks/hazard-ledger.xlsx`: a factory site inspector's ledger. Each
/// inspection row holds a photo of the equipment in a cell; `VISION()` lists the hazards it shows
/// with a fix for each, `VISION.CLASSIFY()` rates the risk against the levels on the "Risk
/// levels" sheet, and plain formulas derive the action flag, the fix-by date and the summary
/// counts by area and by risk.
///
/// The photos are the PNGs under `Workbooks/photos/` (drawn by `scripts/make-sample-photos.py`);
/// the builder reads them from there, so `sheet sample hazard-ledger` regenerates the committed
/// file byte for byte.
enum HazardLedger {
    struct Inspection {
        let date: (year: Int, month: Int, day: Int)
        let area: String
        let equipment: String
        let inspector: String
        /// The photo's file name under the photos folder, without `.png`.
        let photo: String
        let altText: String
    }

    static let inspections = [
        Inspection(date: (2026, 3, 2), area: "Pump house", equipment: "P-101 feed pump", inspector: "R. Okafor",
                   photo: "pump", altText: "Feed pump P-101 on its base plate"),
        Inspection(date: (2026, 3, 2), area: "Boiler room", equipment: "V-12 air receiver", inspector: "R. Okafor",
                   photo: "pressure-vessel", altText: "Air receiver V-12 with its pressure gauge"),
        Inspection(date: (2026, 3, 2), area: "Boiler room", equipment: "C-2 air compressor", inspector: "R. Okafor",
                   photo: "compressor", altText: "Air compressor C-2 on its receiver"),
        Inspection(date: (2026, 3, 3), area: "Warehouse", equipment: "Ladder L-07", inspector: "M. Lindqvist",
                   photo: "ladder", altText: "Ladder L-07 leaning against racking in aisle 4"),
        Inspection(date: (2026, 3, 3), area: "Warehouse", equipment: "FE-14 fire point", inspector: "M. Lindqvist",
                   photo: "fire-extinguisher", altText: "Fire point FE-14 with its extinguisher"),
        Inspection(date: (2026, 3, 3), area: "Warehouse", equipment: "FLT-3 forklift", inspector: "M. Lindqvist",
                   photo: "forklift", altText: "Forklift FLT-3 in the loading bay"),
        Inspection(date: (2026, 3, 4), area: "Production", equipment: "DB-2 distribution board", inspector: "S. Haddad",
                   photo: "electrical-panel", altText: "Distribution board DB-2 in the assembly hall"),
        Inspection(date: (2026, 3, 4), area: "Production", equipment: "CV-5 belt conveyor", inspector: "S. Haddad",
                   photo: "conveyor", altText: "Belt conveyor CV-5 on the packing line"),
        Inspection(date: (2026, 3, 5), area: "Workshop", equipment: "BG-1 bench grinder", inspector: "R. Okafor",
                   photo: "bench-grinder", altText: "Bench grinder BG-1 in the maintenance workshop"),
    ]
    static let areas = ["Pump house", "Boiler room", "Warehouse", "Production", "Workshop"]

    /// The risk levels VISION.CLASSIFY chooses from, what each means (sent to the model with the
    /// labels) and how many days the fix may take.
    static let riskLevels: [(label: String, meaning: String, days: Double)] = [
        ("high", "Could seriously injure someone now: a missing machine guard, exposed live parts, a raised load, "
            + "pressure above its limit, a blocked fire point. Stop the equipment or fence it off and fix it today.", 1),
        ("medium", "Could injure someone if left: damaged but usable equipment, poor housekeeping, "
            + "an expired inspection tag, missing personal protection. Fix within the week.", 7),
        ("low", "No hazard to speak of, or only a minor housekeeping point for routine maintenance.", 30),
    ]

    /// The question VISION asks about every photo.
    static let prompt = "List the hazards you see and one fix for each"
    static let savedAt = Date(timeIntervalSince1970: 1_772_733_600)  // 2026-03-05 18:00 UTC
    static let date = "yyyy-mm-dd"

    static func build(photos: URL) throws -> Workbook {
        let wb = SampleSheet.aiWorkbook()
        let ledger = try SampleSheet(wb, named: "Inspections")
        let summary = try SampleSheet(wb, named: "Summary")
        let risk = try SampleSheet(wb, named: "Risk levels")
        try buildRiskLevels(risk)
        try buildInspections(ledger, photos: photos)
        try buildSummary(summary)
        wb.recalculate()
        return wb
    }

    static var lastRow: Int { inspections.count + 1 }

    private static func buildRiskLevels(_ s: SampleSheet) throws {
        try s.header(["Risk level", "What it means (the model is given this)", "Fix within (days)"])
        for (i, level) in riskLevels.enumerated() {
            try s.text(i + 1, 0, level.label, alignment: SampleSheet.top)
            try s.text(i + 1, 1, level.meaning, alignment: SampleSheet.wrapped)
            try s.number(i + 1, 2, level.days, alignment: SampleSheet.top)
        }
        try s.workbook.defineName("RiskLevels", formula: "='Risk levels'!$A$2:$A$\(riskLevels.count + 1)")
        try s.workbook.defineName("RiskMeanings", formula: "='Risk levels'!$B$2:$B$\(riskLevels.count + 1)")
        try s.workbook.defineName("FixDays", formula: "='Risk levels'!$C$2:$C$\(riskLevels.count + 1)")
        s.layout.columnWidths = [0: 12, 1: 70, 2: 16]
        s.layout.frozenRows = 1
        s.layout.tabColor = "FF7F7F7F"
    }

    private static func buildInspections(_ s: SampleSheet, photos: URL) throws {
        try s.header(["Date", "Area", "Equipment", "Inspector", "Photo", "Hazards and fixes (VISION)", "Risk (VISION.CLASSIFY)",
                      "Action needed", "Fix by"])
        for (i, inspection) in inspections.enumerated() {
            let r = i + 1, row = r + 1
            let file = photos.appendingPathComponent(inspection.photo + ".png")
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw SampleError("cannot read the photo \(file.path) (run scripts/make-sample-photos.py, or give --photos)")
            }
            let (y, m, d) = inspection.date
            try s.number(r, 0, Double(DateSerial.serial(year: y, month: m, day: d, system: .d1900)), format: date, alignment: SampleSheet.top)
            try s.text(r, 1, inspection.area, alignment: SampleSheet.top)
            try s.text(r, 2, inspection.equipment, alignment: SampleSheet.top)
            try s.text(r, 3, inspection.inspector, alignment: SampleSheet.top)
            try s.value(r, 4, .image(CellImage(data: data, mediaType: "image/png", altText: inspection.altText)))
            try s.formula(r, 5, "=VISION(E\(row),\"\(prompt)\")", alignment: SampleSheet.wrapped)
            try s.formula(r, 6, "=VISION.CLASSIFY(E\(row),RiskLevels,RiskMeanings)", alignment: SampleSheet.top)
            // Until the photo is rated (no model yet, or the call failed) the row asks for a look.
            try s.formula(r, 7, "=IFERROR(IF(G\(row)=\"low\",\"no\",\"yes\"),\"review\")", alignment: SampleSheet.top)
            try s.formula(r, 8, "=IFERROR(A\(row)+XLOOKUP(G\(row),RiskLevels,FixDays),\"\")", format: date, alignment: SampleSheet.top)
        }
        s.layout.columnWidths = [0: 11, 1: 13, 2: 24, 3: 13, 4: 22, 5: 60, 6: 14, 7: 10, 8: 11]
        // Rows tall enough to see the photo (4:3) and a few lines of the model's answer.
        s.layout.rowHeights = Dictionary(uniqueKeysWithValues: (1...inspections.count).map { (Int32($0), 84.0) })
        s.layout.frozenRows = 1
        s.layout.tabColor = "FFC00000"
    }

    private static func buildSummary(_ s: SampleSheet) throws {
        let last = lastRow
        let area = "Inspections!$B$2:$B$\(last)", risk = "Inspections!$G$2:$G$\(last)"
        let action = "Inspections!$H$2:$H$\(last)", dates = "Inspections!$A$2:$A$\(last)"
        try s.title(0, 0, "Site inspections, 2–5 March 2026")

        try s.header(row: 2, ["Area", "Inspections", "High", "Medium", "Low", "Not rated yet", "Action needed", "Last inspected"])
        for (i, name) in areas.enumerated() {
            let r = 3 + i, row = r + 1
            try s.text(r, 0, name)
            try s.formula(r, 1, "=COUNTIF(\(area),A\(row))")
            try s.formula(r, 2, "=COUNTIFS(\(area),A\(row),\(risk),\"high\")")
            try s.formula(r, 3, "=COUNTIFS(\(area),A\(row),\(risk),\"medium\")")
            try s.formula(r, 4, "=COUNTIFS(\(area),A\(row),\(risk),\"low\")")
            try s.formula(r, 5, "=B\(row)-SUM(C\(row):E\(row))")
            try s.formula(r, 6, "=COUNTIFS(\(area),A\(row),\(action),\"yes\")")
            try s.formula(r, 7, "=MAXIFS(\(dates),\(area),A\(row))", format: date)
        }
        let total = 3 + areas.count, first = 4, lastArea = 3 + areas.count
        try s.text(total, 0, "All areas")
        for (c, column) in ["B", "C", "D", "E", "F", "G"].enumerated() {
            try s.formula(total, c + 1, "=SUM(\(column)\(first):\(column)\(lastArea))")
        }
        try s.formula(total, 7, "=MAX(H\(first):H\(lastArea))", format: date)

        let top = total + 3
        try s.header(row: top, ["Risk", "Inspections", "Share", "Fix within (days)"])
        for i in riskLevels.indices {
            let r = top + 1 + i, row = r + 1
            try s.formula(r, 0, "=INDEX(RiskLevels,\(i + 1))")
            try s.formula(r, 1, "=COUNTIFS(\(risk),A\(row))")
            try s.formula(r, 2, "=IFERROR(B\(row)/COUNTA(\(area)),0)", format: "0%")
            try s.formula(r, 3, "=INDEX(FixDays,\(i + 1))")
        }
        let unrated = top + 1 + riskLevels.count
        try s.text(unrated, 0, "not rated yet")
        try s.formula(unrated, 1, "=SUMPRODUCT(--ISERROR(\(risk)))")
        try s.formula(unrated, 2, "=IFERROR(B\(unrated + 1)/COUNTA(\(area)),0)", format: "0%")

        // The open actions, soonest first: one formula spilling as many rows as there are.
        let actions = unrated + 3
        try s.header(row: actions, ["Open actions", "Area", "Risk", "Fix by"])
        try s.formula(actions + 1, 0, "=IFERROR(SORT(FILTER(CHOOSE({1,2,3,4},Inspections!C2:C\(last),Inspections!B2:B\(last),"
                      + "Inspections!G2:G\(last),Inspections!I2:I\(last)),Inspections!H2:H\(last)=\"yes\",\"none\"),4,1),\"none\")")
        for r in (actions + 1)...(actions + inspections.count) {
            try s.style(r, 3, format: date)
        }
        s.layout.columnWidths = [0: 24, 1: 12, 2: 9, 3: 16, 4: 9, 5: 14, 6: 15, 7: 15]
        s.layout.rowHeights = [0: 22]
        s.layout.tabColor = "FF70AD47"
    }
}

/// A sample could not be built (a missing input file); the message says what to do.
struct SampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
