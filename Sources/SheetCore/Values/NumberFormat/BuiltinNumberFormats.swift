/// The number formats Excel knows by id (`numFmtId` in XLSX styles), as en-US Excel shows them.
/// Ids 5–8 and 14, 22 are locale-dependent; these are their en-US codes. Ids 23–36 exist only in
/// East Asian locales and are absent here.
public enum BuiltinNumberFormats {
    public static let codes: [Int: String] = [
        0: "General",
        1: "0",
        2: "0.00",
        3: "#,##0",
        4: "#,##0.00",
        5: "$#,##0_);($#,##0)",
        6: "$#,##0_);[Red]($#,##0)",
        7: "$#,##0.00_);($#,##0.00)",
        8: "$#,##0.00_);[Red]($#,##0.00)",
        9: "0%",
        10: "0.00%",
        11: "0.00E+00",
        12: "# ?/?",
        13: "# ??/??",
        14: "m/d/yyyy",
        15: "d-mmm-yy",
        16: "d-mmm",
        17: "mmm-yy",
        18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM",
        20: "h:mm",
        21: "h:mm:ss",
        22: "m/d/yyyy h:mm",
        37: "#,##0_);(#,##0)",
        38: "#,##0_);[Red](#,##0)",
        39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)",
        41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)",
        45: "mm:ss",
        46: "[h]:mm:ss",
        47: "mm:ss.0",
        48: "##0.0E+0",
        49: "@",
    ]

    /// The code of a built-in id, nil for ids without an en-US built-in format.
    public static func code(forID id: Int) -> String? { codes[id] }

    private static let idsByCode: [String: Int] = {
        var m: [String: Int] = [:]
        for (id, code) in codes { m[code] = id }
        return m
    }()

    /// The built-in id of a code (exact spelling), for writing XLSX styles.
    public static func id(forCode code: String) -> Int? { idsByCode[code] }
}
