/// What `help` prints: one line per command, and details per command.
enum REPLHelp {
    /// Command name → one-line summary (also the list of command words `execute` knows).
    static let summaries: [String: String] = [
        "show": "show [RANGE]          values as a grid (alone: around the last edit)",
        "formulas": "formulas [RANGE]      formulas instead of values",
        "cell": "cell CELL             one cell: input, value, format, why it is an error",
        "sheets": "sheets                list the sheets",
        "use": "use SHEET             work on another sheet",
        "sheet": "sheet add|rename|delete|move …   manage sheets",
        "insert": "insert rows N [COUNT] | insert columns B [COUNT]",
        "delete": "delete rows N[:M] | delete columns B[:D]",
        "clear": "clear RANGE           empty cells",
        "format": "format RANGE CODE     number format, e.g. 0.00% or yyyy-mm-dd",
        "image": "image CELL PATH       put a photo into a cell",
        "paste": "paste CELL            where pasted tab-separated lines go",
        "undo": "undo                  take back the last change",
        "redo": "redo                  do it again",
        "recalc": "recalc [--refresh-ai] recalculate every formula",
        "ai": "ai                    model calls: pending, finished, failed, tokens, cache hits",
        "save": "save | save as PATH   write .xlsx or .sheetdb",
        "export": "export csv [SHEET] PATH",
        "import": "import csv PATH [CELL]",
        "help": "help [COMMAND]        this list, or one command in detail",
        "quit": "quit                  leave (asks when there are unsaved changes)",
        "exit": "exit                  same as quit",
    ]

    static let details: [String: String] = [
        "show": """
            show [RANGE]
              Draws cells as a grid with column letters and row numbers, values shown with their
              number formats. RANGE is like A1:F20, B:B, 3:5 or 'Site photos'!A1:C9.
              Without RANGE: the area around the last edit.
            """,
        "cell": """
            cell CELL
              What a cell holds: what was typed, the value and its type, the number format, what
              it spills into, and for an error the reason (a failed model call, the cells of a
              circular reference, …).
            """,
        "sheet": """
            sheet add NAME | sheet rename [OLD] NEW | sheet delete NAME | sheet move NAME POSITION
              Quote names with spaces: sheet add 'Site photos'. Deleting a sheet turns references
              to it into #REF!; undo brings it back.
            """,
        "insert": """
            insert rows 3 [COUNT] | insert columns B [COUNT]
              Inserts before row 3 / column B. Formulas are adjusted as Excel adjusts them.
            """,
        "delete": """
            delete rows 3[:5] | delete columns B[:D]
              References to deleted cells become #REF!. Undo brings them back.
            """,
        "image": """
            image CELL PATH [CAPTION]
              Puts a PNG/JPEG/GIF/BMP/WebP/TIFF file (up to 20 MB) into a cell, e.g.
              image A2 photos/pump.jpg. VISION(A2, "…") can then look at it.
            """,
        "paste": """
            paste CELL
              Lines with tabs (pasted from a spreadsheet) fill one row each, starting at CELL and
              moving down. Without paste, they go below the last edit.
            """,
        "save": """
            save | save as PATH
              Writes the workbook: .xlsx (opens in Excel and LibreOffice) or .sheetdb (the store).
            """,
        "recalc": """
            recalc [--refresh-ai]
              Recalculates every formula. Model answers come from the cache unless --refresh-ai.
            """,
    ]

    static let order = ["show", "formulas", "cell", "sheets", "use", "sheet", "insert", "delete", "clear", "format",
                        "image", "paste", "undo", "redo", "recalc", "ai", "save", "export", "import", "help", "quit"]

    static func text(for command: String?) -> String {
        guard let command = command?.lowercased() else {
            return """
                Set a cell:   A1 = 42    B1 = =A1*2    B1 =A1*2    C1 = hello    A2:A9 = =ROW()
                Paste tab-separated lines to fill rows.
                Commands:
                """ + "\n" + order.compactMap { summaries[$0].map { "  " + $0 } }.joined(separator: "\n")
        }
        if let d = details[command] { return d }
        if let s = summaries[command] { return s }
        return "no command '\(command)'; type help for the list"
    }
}
