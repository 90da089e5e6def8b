import XCTest
@testable import SheetCore

/// The number-format engine against what Excel shows for each code (Microsoft's "Number format
/// codes" and "Review guidelines for customizing a number format" pages give most of these).
final class NumberFormatTests: XCTestCase {
    private func f(_ code: String, _ v: Double, _ system: DateSystem = .d1900) -> String? {
        guard let nf = NumberFormat(code) else {
            XCTFail("format \(code) did not compile")
            return nil
        }
        return nf.format(v, dateSystem: system)
    }

    private func check(_ code: String, _ v: Double, _ expected: String?, _ system: DateSystem = .d1900,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(f(code, v, system), expected, "\(code) with \(v)", file: file, line: line)
    }

    func testDigitPlaceholders() {
        check("0", 1234.59, "1235")
        check("0.00", 8.9, "8.90")
        check("#.##", 1234.568, "1234.57")
        check("0.0", 0.631, "0.6")
        check("#,##0", 1234567, "1,234,567")
        check("#,##0.00", 1234.5, "1,234.50")
        check("#.000", 0.5, ".500")
        check("000", 5, "005")
        check("#", 0, "")
        check("0", 0, "0")
        check("0.", 5, "5.")
        check("#.##", 12, "12.")
        check("0.#", 8.9, "8.9")
        check("???.???", 1.5, "  1.5  ")
        check("0.00", 2.675, "2.68")
        check("0", 2.5, "3")
        check("0", -2.5, "-3")
        check("#,##0", 0, "0")
        check("0,000", 5, "0,005")
        check("#.0#", 12, "12.0")
        check("####.#", 1234.59, "1234.6")
        check("#,###", 12000, "12,000")
    }

    func testLiteralsBetweenDigits() {
        check("000-00-0000", 123456789, "123-45-6789")
        check("(###) ###-####", 5551234567, "(555) 123-4567")
        check("0 \"units\"", 12, "12 units")
        check("\\$0.00", 3, "$3.00")
        check("$#,##0.00", 1234.5, "$1,234.50")
        check("$#,##0.00", -1234.5, "-$1,234.50")
        check("0_);(0)", 5, "5 ")
        check("0*-", 5, "5")
    }

    func testScalingAndPercent() {
        check("0%", 0.25, "25%")
        check("0.00%", 0.0125, "1.25%")
        check("#,##0,", 12345678, "12,346")
        check("0.0,,", 12345678, "12.3")
        check("0.0,,\"M\"", 1500000, "1.5M")
        check("#,", 500, "1")
    }

    func testScientific() {
        check("0.00E+00", 12345, "1.23E+04")
        check("0.00E+00", 0.00012345, "1.23E-04")
        check("0.00E-00", 12345, "1.23E04")
        check("0.00E+00", 0, "0.00E+00")
        check("##0.0E+0", 12345, "12.3E+3")
        check("##0.0E+0", 1234, "1.2E+3")
        check("##0.0E+0", 12200000, "12.2E+6")
        check("0.00E+00", 9.999, "1.00E+01")
        check("0.00E+00", -12345, "-1.23E+04")
    }

    func testSections() {
        let code = "#,##0.00;[Red](#,##0.00);\"zero\";\"text: \"@"
        check(code, 1234.5, "1,234.50")
        check(code, -1234.5, "(1,234.50)")
        check(code, 0, "zero")
        XCTAssertEqual(NumberFormat(code)?.format(text: "abc"), "text: abc")
        XCTAssertEqual(NumberFormat(code)?.color(for: -1), .red)
        XCTAssertNil(NumberFormat(code)?.color(for: 1))
        check("0;-0;;@", 0, "")
        check("0;(0)", 0, "0")
        check("0;(0)", -3, "(3)")
        check("0;;", -3, "")
        XCTAssertEqual(NumberFormat("0.00")?.format(text: "abc"), "abc")
        XCTAssertEqual(NumberFormat("@")?.format(text: "abc"), "abc")
        check("@", 12.5, "12.5")
        XCTAssertNil(NumberFormat("0;0;0;@;0"))
        XCTAssertNil(NumberFormat("[Red"))
    }

    func testConditions() {
        let code = "[Red][<=100]0;[Blue][>100]0"
        check(code, 50, "50")
        check(code, 150, "150")
        XCTAssertEqual(NumberFormat(code)?.color(for: 50), .red)
        XCTAssertEqual(NumberFormat(code)?.color(for: 150), .blue)
        check("[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", 999, "999")
        check("[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", 12345, "12.3K")
        check("[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", 12345678, "12.3M")
        check("[<=9999999]###-####;(###) ###-####", 5551234, "555-1234")
        check("[<=9999999]###-####;(###) ###-####", 5555551234, "(555) 555-1234")
        XCTAssertEqual(NumberFormat("[Color10]0")?.color(for: 1), .indexed(10))
    }

    func testGeneral() {
        check("General", 1234.5, "1234.5")
        check("General", 0, "0")
        check("General", -7, "-7")
        check("General", 1.0 / 3, "0.333333333")
        check("General", 123456789012, "1.23457E+11")
        check("General", 12345678901, "12345678901")
        check("General", 0.0000123456789, "1.23457E-05")
        check("General", 0.00001, "0.00001")
        check("General", 1e21, "1E+21")
        check("0.0 \"x\";General", -2.5, "2.5")
        XCTAssertTrue(NumberFormat("General")!.isGeneral)
        XCTAssertFalse(NumberFormat("0.00")!.isGeneral)
    }

    func testFractions() {
        check("# ?/?", 1.25, "1 1/4")
        check("# ??/??", 3.14159, "3 14/99")
        check("?/?", 0.5, "1/2")
        check("# ?/8", 2.375, "2 3/8")
        check("# ?/4", 0.5, " 2/4")
        check("0 ?/?", 0.5, "0 1/2")
        check("# ?/?", 2, "2    ")
        check("?/?", 1.5, "3/2")
        check("# ?/?", -1.25, "-1 1/4")
        check("# ??/100", 0.37, " 37/100")
    }

    func testDates() {
        // 45292 is 2024-01-01, a Monday; 45292.75 is 6 PM that day.
        check("yyyy-mm-dd", 45292, "2024-01-01")
        check("m/d/yyyy", 45292, "1/1/2024")
        check("d-mmm-yy", 45292, "1-Jan-24")
        check("dddd, mmmm d, yyyy", 45292, "Monday, January 1, 2024")
        check("ddd mmm", 45292, "Mon Jan")
        check("mmmmm", 45292, "J")
        check("yy", 45292, "24")
        check("h:mm AM/PM", 45292.75, "6:00 PM")
        check("h:mm am/pm", 45292.25, "6:00 AM")
        check("h:mm A/P", 45292.75, "6:00 P")
        check("h:mm a/p", 45292.75, "6:00 p")
        check("hh:mm:ss", 45292.75, "18:00:00")
        check("h:mm", 0.5, "12:00")
        check("h AM/PM", 0, "12 AM")
        check("h AM/PM", 0.5, "12 PM")
        check("m/d/yyyy h:mm", 45292.5, "1/1/2024 12:00")
        // m is minutes after h and before s.
        check("h:m", 0.5 + 5.0 / 1440, "12:5")
        check("mm:ss", 1.0 / 1440 * 3 + 4.0 / 86400, "03:04")
        check("mm", 45292, "01")
        // Elapsed time.
        check("[h]:mm:ss", 1.5, "36:00:00")
        check("[mm]:ss", 1.0 / 24, "60:00")
        check("[ss]", 1.0 / 1440, "60")
        // Seconds round; fractions of a second shown when asked.
        check("h:mm:ss", 0.5 + 0.6 / 86400, "12:00:01")
        check("h:mm:ss.00", 0.5 + 0.25 / 86400, "12:00:00.25")
        check("mm:ss.0", 1.0 / 86400 * 61.26, "01:01.3")
        check("h:mm", 10.0 / 24 + 29.0 / 1440 + 59.0 / 86400, "10:29")
        check("hh:mm", 0.999999999, "00:00")
        // The 1900 system's serials 0 and 60.
        check("m/d/yyyy", 60, "2/29/1900")
        check("m/d/yyyy", 61, "3/1/1900")
        check("m/d/yyyy", 0, "1/0/1900")
        check("dddd", 1, "Sunday")
        check("m/d/yyyy", 0, "1/1/1904", .d1904)
        check("dddd", 0, "Friday", .d1904)
        // Out of range.
        check("yyyy", -1, nil)
        check("yyyy", 2958466, nil)
        check("yyyy", 2958465, "9999")
        check("yyyy;\"neg\"", -1, "neg")
        check("[h]:mm;-[h]:mm", -0.5, "-12:00")
        XCTAssertTrue(NumberFormat("m/d/yyyy")!.isDateTime)
        XCTAssertFalse(NumberFormat("0.00")!.isDateTime)
    }

    func testLocaleAndCurrencyBrackets() {
        check("[$€-407] #,##0.00", 1234.5, "€ 1,234.50")
        check("[$-409]m/d/yyyy", 45292, "1/1/2024")
        check("[$USD] 0", 5, "USD 5")
    }

    func testBuiltinTable() {
        XCTAssertEqual(BuiltinNumberFormats.code(forID: 0), "General")
        XCTAssertEqual(BuiltinNumberFormats.code(forID: 4), "#,##0.00")
        XCTAssertEqual(BuiltinNumberFormats.code(forID: 14), "m/d/yyyy")
        XCTAssertEqual(BuiltinNumberFormats.code(forID: 49), "@")
        XCTAssertNil(BuiltinNumberFormats.code(forID: 30))
        XCTAssertEqual(BuiltinNumberFormats.id(forCode: "0.00%"), 10)
        for (id, code) in BuiltinNumberFormats.codes {
            XCTAssertNotNil(NumberFormat(code), "built-in \(id) compiles")
        }
        let cache = NumberFormatCache()
        XCTAssertEqual(cache.format(id: 44).format(1234.5), " $1,234.50 ")
        XCTAssertEqual(cache.format(id: 44).format(0), " $-   ")
        XCTAssertEqual(cache.format(id: 44).format(-1234.5), " $(1,234.50)")
        XCTAssertEqual(cache.format(id: 3).format(-1234.5), "-1,235")
        XCTAssertEqual(cache.format(id: 9).format(0.5), "50%")
        XCTAssertEqual(cache.format(id: 22).format(45292.5), "1/1/2024 12:00")
        XCTAssertEqual(cache.format(id: 47).format(1.0 / 86400 * 61.26), "01:01.3")
    }

    func testCache() {
        let cache = NumberFormatCache(capacity: 2)
        let a = cache.format("0.00")
        XCTAssertTrue(a === cache.format("0.00"))
        XCTAssertNil(cache.format("[Red"))
        XCTAssertNotNil(cache.format("0"))
        XCTAssertNotNil(cache.format("#"))
    }

    func testValues() {
        let nf = NumberFormat("0.00")!
        XCTAssertEqual(nf.format(Value.bool(true)), "TRUE")
        XCTAssertEqual(nf.format(Value.empty), "")
        XCTAssertEqual(nf.format(Value.error(.na)), "#N/A")
        XCTAssertEqual(nf.format(Value.number(1)), "1.00")
    }
}
