import Foundation
import SheetCore

/// One edit of a PATCH batch: a cell and what to type into it.
struct CellEditRequest: Decodable {
    var ref: String
    var input: String

    enum CodingKeys: String, CodingKey { case ref, input }

    /// `input` may be text (what a user types: `42`, `=A1*2`, `'=text`), a JSON number or
    /// boolean (typed as such), or null / "" (clears the cell).
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decode(String.self, forKey: .ref)
        if try c.decodeNil(forKey: .input) {
            input = ""
        } else if let s = try? c.decode(String.self, forKey: .input) {
            input = s
        } else if let b = try? c.decode(Bool.self, forKey: .input) {
            input = b ? "TRUE" : "FALSE"
        } else if let n = try? c.decode(Double.self, forKey: .input) {
            guard n.isFinite else { throw DecodingError.dataCorruptedError(forKey: .input, in: c, debugDescription: "not a finite number") }
            input = n == n.rounded(.towardZero) && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
        } else {
            throw DecodingError.dataCorruptedError(forKey: .input, in: c, debugDescription: "input must be a string, a number, a boolean or null")
        }
    }
}

/// A batch of edits checked against a workbook: every reference resolved and every formula
/// parsed before anything is changed, so a bad edit refuses the whole batch.
struct CellEditBatch {
    struct Resolved {
        var sheet: SheetID
        var address: CellAddress
        var input: String
    }

    /// Excel's limit on the text of a cell.
    static let maxInputLength = 32_767

    let edits: [Resolved]

    /// Resolves and parses every edit; throws a 422 problem listing each refused edit.
    init(_ raw: [CellEditRequest], in wb: Workbook) throws {
        var resolved: [Resolved] = []
        var errors: [[String: String]] = []
        resolved.reserveCapacity(raw.count)
        for edit in raw {
            do {
                let (sheet, address) = try wb.resolveAddress(edit.ref)
                guard address.isValid else { throw WorkbookError.invalidAddress(edit.ref) }
                guard edit.input.utf16.count <= CellEditBatch.maxInputLength else {
                    throw WorkbookError.outOfBounds("input is longer than \(CellEditBatch.maxInputLength) characters")
                }
                if edit.input.hasPrefix("="), edit.input.count > 1 {
                    _ = try wb.compileFormula(edit.input, at: address)
                }
                resolved.append(Resolved(sheet: sheet, address: address, input: edit.input))
            } catch {
                errors.append(["ref": edit.ref, "message": "\(error)"])
            }
        }
        if !errors.isEmpty {
            var p = Problem.unprocessable(errors.count == 1 ? "\(errors[0]["ref"] ?? ""): \(errors[0]["message"] ?? "")"
                                                            : "\(errors.count) edits were refused; nothing was changed")
            p.errors = errors
            throw p
        }
        edits = resolved
    }

    /// Types every input in. If one fails anyway, the cells already set get their old contents
    /// back and the error is rethrown: the workbook is as it was.
    func apply(to wb: Workbook) throws {
        var undo = CellSnapshot()
        do {
            for e in edits {
                undo.remember(wb, e.sheet, e.address)
                try wb.setCell(e.sheet, e.address, input: e.input)
            }
        } catch {
            undo.restore(wb)
            throw error
        }
    }
}

/// What cells held before a change, to put back if the change cannot be completed.
struct CellSnapshot {
    private enum Content {
        case formula(String, ArrayMode)
        case value(Value)
        /// The cell showed part of another cell's spill: clearing it lets the spill return.
        case spilled
    }

    private var saved: [(SheetID, CellAddress, Content)] = []
    private var seen: Set<CellKey> = []

    private struct CellKey: Hashable { var sheet: SheetID; var address: CellAddress }

    mutating func remember(_ wb: Workbook, _ sheet: SheetID, _ address: CellAddress) {
        guard seen.insert(CellKey(sheet: sheet, address: address)).inserted else { return }
        let content: Content
        if let f = wb.formulaText(sheet, address), let info = wb.formulaInfo(sheet, address) {
            content = .formula(f, info.arrayMode)
        } else if wb.isSpilled(sheet, address) {
            content = .spilled
        } else {
            content = .value(wb.value(sheet, address))
        }
        saved.append((sheet, address, content))
    }

    /// Puts the remembered contents back, newest first.
    func restore(_ wb: Workbook) {
        for (sheet, address, content) in saved.reversed() {
            switch content {
            case let .formula(text, mode): try? wb.setFormula(sheet, address, text, arrayMode: mode)
            case .value(let v): try? wb.setValue(sheet, address, v)
            case .spilled: try? wb.setValue(sheet, address, .empty)
            }
        }
    }
}
