import Foundation
import SheetCore

/// The sample workbook `Workbooks/helpdesk.xlsx`: two days of requests to an IT help desk.
/// `AI.CLASSIFY()` sorts each request into the categories on the "Categories" sheet (sent with
/// their descriptions), `AI()` drafts a first reply, and plain formulas route the ticket to the
/// category's team, flag it urgent when the text mentions one of the urgent words, set the time to
/// answer by, and count tickets by category and department. Built deterministically, so
/// `sheet sample helpdesk` regenerates the committed file byte for byte.
enum HelpDesk {
    struct Category {
        let name: String
        let description: String
        let team: String
        let hours: Double
    }

    static let categories = [
        Category(name: "Account & password", description: "Log-in problems, locked or expired accounts, password resets, "
                    + "multi-factor authentication, access to shared folders and systems", team: "Service desk", hours: 4),
        Category(name: "Hardware", description: "Laptops, monitors, docks, keyboards and other devices: broken, slow, new, "
                    + "replaced or moved", team: "Field services", hours: 8),
        Category(name: "Printing", description: "Printers, label printers and scanners: jams, blank prints, toner, "
                    + "scanning to e-mail", team: "Field services", hours: 8),
        Category(name: "Network & VPN", description: "Wi-Fi, VPN, internet access, call quality, network drives, "
                    + "outages affecting many people", team: "Network team", hours: 4),
        Category(name: "Software & licences", description: "Installing or updating software, licence requests and renewals, "
                    + "application errors and crashes", team: "Applications team", hours: 8),
        Category(name: "Security", description: "Phishing e-mails and texts, suspected malware or ransomware, lost or stolen "
                    + "devices, suspicious account activity", team: "Security team", hours: 1),
        Category(name: "Other", description: "Questions and requests that fit no other category", team: "Service desk", hours: 8),
    ]

    /// A request mentioning any of these (anywhere, any case) is urgent.
    static let urgentWords = ["phish", "outage", "ransom", "virus", "stolen", "hacked", "lost"]

    struct Request {
        let received: (day: Int, hour: Int, minute: Int)
        let requester: String
        let department: String
        let text: String
    }

    static let requests = [
        Request(received: (2, 7, 52), requester: "Priya Nair", department: "Finance",
                text: "I'm locked out of my account after my holiday. It says my password has expired and the reset link in the e-mail doesn't work. Can someone reset it? I need to run the month-end reports today."),
        Request(received: (2, 8, 5), requester: "Tom Becker", department: "Sales",
                text: "The printer on the 2nd floor (the HP by the kitchen) is jammed again and shows error 13.20. I've opened the tray but can't see any paper."),
        Request(received: (2, 8, 11), requester: "Aisha Bello", department: "Engineering",
                text: "VPN keeps disconnecting every 5-10 minutes when I work from home. FortiClient says 'tunnel down'. My home internet is fine otherwise."),
        Request(received: (2, 8, 30), requester: "Lukas Meyer", department: "HR",
                text: "We have a new starter, Jana Horváth, joining HR on 16 March. She'll need a laptop, a monitor and a headset, plus an e-mail account and access to the HR system."),
        Request(received: (2, 8, 47), requester: "Carmen Ruiz", department: "Marketing",
                text: "I got an e-mail from 'Microsoft 365 Support' asking me to confirm my password through a link, and I clicked it before I noticed the sender address was odd. Have I been phished? I didn't type anything in."),
        Request(received: (2, 9, 2), requester: "Olivia Grant", department: "Legal",
                text: "Our Adobe Acrobat Pro licence expired yesterday and I can't edit PDFs any more. We have three contracts to redline this week."),
        Request(received: (2, 9, 15), requester: "Daniel Kim", department: "Operations",
                text: "My second monitor has a green line down the middle and flickers when I touch the cable. It's the Dell on desk 4.12."),
        Request(received: (2, 9, 31), requester: "Sofia Rossi", department: "Finance",
                text: "Could you install Power BI Desktop on my laptop? I don't have admin rights."),
        Request(received: (2, 9, 58), requester: "Ben Carter", department: "Warehouse",
                text: "The Wi-Fi in the warehouse is down: none of the handheld scanners can connect, so we can't book in deliveries. The outage started around 9:40."),
        Request(received: (2, 10, 20), requester: "Hannah Schmidt", department: "Sales",
                text: "My laptop has been really slow since the last Windows update. Outlook takes three minutes to open and the fan never stops."),
        Request(received: (2, 10, 44), requester: "Marco Bianchi", department: "Engineering",
                text: "I need access to the shared drive \\\\fs01\\projects\\Hydrogen. My manager approved it (see the e-mail from K. Osei)."),
        Request(received: (2, 11, 3), requester: "Grace Liu", department: "Marketing",
                text: "We need two more Adobe Creative Cloud seats for the interns starting next month. Who approves the cost?"),
        Request(received: (2, 11, 26), requester: "Peter Novak", department: "Operations",
                text: "I lost my phone on the train this morning. It has my work e-mail and the authenticator app on it, and now I can't log in to anything."),
        Request(received: (2, 12, 10), requester: "Fatima Zahra", department: "HR",
                text: "The HR multifunction printer no longer sends scans to my e-mail. It worked fine last week."),
        Request(received: (2, 13, 5), requester: "James O'Brien", department: "Finance",
                text: "Several of us got an invoice e-mail with a .zip attachment from a supplier we don't use. One colleague opened it and now there's a ransom note on her screen saying her files are encrypted!"),
        Request(received: (2, 13, 40), requester: "Elena Petrova", department: "Legal",
                text: "How do I set up an out-of-office reply in Outlook on the web? I'm away from Thursday."),
        Request(received: (2, 14, 12), requester: "Samuel Adeyemi", department: "Engineering",
                text: "Please order a USB-C docking station for my desk. The current one only drives one screen."),
        Request(received: (2, 14, 55), requester: "Laura Jensen", department: "Sales",
                text: "Salesforce keeps logging me out and asking for MFA every few minutes. The authenticator codes are accepted but then it loops back to the log-in page."),
        Request(received: (2, 15, 30), requester: "Ahmed Hassan", department: "Warehouse",
                text: "The Zebra label printer at dispatch prints blank labels. We've changed the roll twice."),
        Request(received: (3, 7, 45), requester: "Chloe Martin", department: "Marketing",
                text: "The whole office internet has been down since 7:30, on both floors. Nobody can open websites or join Teams calls. Is there an outage?"),
        Request(received: (3, 8, 20), requester: "Nikolai Ivanov", department: "Operations",
                text: "My keyboard's space bar sticks and some keys type twice. Can I get a replacement?"),
        Request(received: (3, 9, 10), requester: "Isabel Costa", department: "Finance",
                text: "Excel crashes every time I open the budget workbook with macros: 'Microsoft Excel has stopped working'."),
        Request(received: (3, 10, 2), requester: "Ryan Walsh", department: "Sales",
                text: "I'm moving from the 3rd floor to the 1st floor next Monday. Can my phone and docking station be moved too?"),
        Request(received: (3, 11, 15), requester: "Mei Tanaka", department: "Engineering",
                text: "I need a MATLAB licence with the Simulink toolbox for the battery model project (project code H2-204)."),
        Request(received: (3, 13, 30), requester: "Oliver Brown", department: "HR",
                text: "A text message claiming to be from our payroll provider asked me to log in to see my payslip. It looks like phishing; I didn't click. Just reporting it."),
        Request(received: (3, 14, 48), requester: "Zoe Adams", department: "Legal",
                text: "I forgot my password for the document management system (iManage). The self-service reset says my account is not enrolled."),
        Request(received: (3, 15, 20), requester: "Kwame Osei", department: "Engineering",
                text: "My work laptop was stolen from my car last night; a police report is filed. It's a ThinkPad, asset tag LT-0457. I think BitLocker was on."),
        Request(received: (3, 16, 5), requester: "Anna Kowalski", department: "Operations",
                text: "Teams calls are choppy in the Orion meeting room, while people in the room are fine on their phones. Could it be the room PC or the network?"),
    ]
    static let departments = ["Engineering", "Finance", "HR", "Legal", "Marketing", "Operations", "Sales", "Warehouse"]

    static let replyPrompt = "Write a short, friendly first reply to this IT request"
    static let savedAt = Date(timeIntervalSince1970: 1_772_560_800)  // 2026-03-03 18:00 UTC
    static let dateTime = "yyyy-mm-dd hh:mm"

    static var lastRow: Int { requests.count + 1 }

    static func build() throws -> Workbook {
        let wb = SampleSheet.aiWorkbook()
        let tickets = try SampleSheet(wb, named: "Requests")
        let summary = try SampleSheet(wb, named: "Summary")
        let categorySheet = try SampleSheet(wb, named: "Categories")
        try buildCategories(categorySheet)
        try buildRequests(tickets)
        try buildSummary(summary)
        wb.recalculate()
        return wb
    }

    private static func buildCategories(_ s: SampleSheet) throws {
        try s.header(["Category", "Description (the model is given this)", "Team", "Respond within (hours)", "", "Urgent words"])
        for (i, c) in categories.enumerated() {
            try s.text(i + 1, 0, c.name, alignment: SampleSheet.top)
            try s.text(i + 1, 1, c.description, alignment: SampleSheet.wrapped)
            try s.text(i + 1, 2, c.team, alignment: SampleSheet.top)
            try s.number(i + 1, 3, c.hours, alignment: SampleSheet.top)
        }
        for (i, word) in urgentWords.enumerated() { try s.text(i + 1, 5, word, alignment: SampleSheet.top) }
        let n = categories.count + 1
        try s.workbook.defineName("CategoryNames", formula: "=Categories!$A$2:$A$\(n)")
        try s.workbook.defineName("CategoryDescriptions", formula: "=Categories!$B$2:$B$\(n)")
        try s.workbook.defineName("CategoryTeams", formula: "=Categories!$C$2:$C$\(n)")
        try s.workbook.defineName("CategoryHours", formula: "=Categories!$D$2:$D$\(n)")
        try s.workbook.defineName("UrgentWords", formula: "=Categories!$F$2:$F$\(urgentWords.count + 1)")
        s.layout.columnWidths = [0: 22, 1: 60, 2: 18, 3: 12, 4: 3, 5: 14]
        s.layout.frozenRows = 1
        s.layout.tabColor = "FF7F7F7F"
    }

    private static func buildRequests(_ s: SampleSheet) throws {
        try s.header(["Ticket", "Received", "Requester", "Department", "Request", "Category (AI.CLASSIFY)", "Suggested reply (AI)",
                      "Route to", "Priority", "Respond by"])
        let day0 = Double(DateSerial.serial(year: 2026, month: 3, day: 1, system: .d1900))
        for (i, request) in requests.enumerated() {
            let r = i + 1, row = r + 1
            let (day, hour, minute) = request.received
            try s.text(r, 0, "HD-\(1041 + i)", alignment: SampleSheet.top)
            try s.number(r, 1, day0 + Double(day - 1) + Double(hour * 60 + minute) / 1440, format: dateTime, alignment: SampleSheet.top)
            try s.text(r, 2, request.requester, alignment: SampleSheet.top)
            try s.text(r, 3, request.department, alignment: SampleSheet.top)
            try s.text(r, 4, request.text, alignment: SampleSheet.wrapped)
            try s.formula(r, 5, "=AI.CLASSIFY(E\(row),CategoryNames,CategoryDescriptions)", alignment: SampleSheet.top)
            try s.formula(r, 6, "=AI(\"\(replyPrompt) from \"&C\(row)&\". Sign it 'IT Service Desk'.\",E\(row))", alignment: SampleSheet.wrapped)
            // Unclassified (no model yet, or the call failed): the service desk triages it.
            try s.formula(r, 7, "=IFERROR(XLOOKUP(F\(row),CategoryNames,CategoryTeams),\"Service desk (triage)\")", alignment: SampleSheet.top)
            try s.formula(r, 8, "=IF(SUMPRODUCT(--ISNUMBER(SEARCH(UrgentWords,E\(row))))>0,\"urgent\",\"normal\")", alignment: SampleSheet.top)
            try s.formula(r, 9, "=B\(row)+IF(I\(row)=\"urgent\",1,IFERROR(XLOOKUP(F\(row),CategoryNames,CategoryHours),8))/24",
                          format: dateTime, alignment: SampleSheet.top)
        }
        s.layout.columnWidths = [0: 9, 1: 16, 2: 16, 3: 12, 4: 56, 5: 20, 6: 56, 7: 20, 8: 9, 9: 16]
        s.layout.rowHeights = Dictionary(uniqueKeysWithValues: (1...requests.count).map { (Int32($0), 60.0) })
        s.layout.frozenRows = 1
        s.layout.frozenColumns = 1
        s.layout.tabColor = "FF2F75B5"
    }

    private static func buildSummary(_ s: SampleSheet) throws {
        let last = lastRow
        let category = "Requests!$F$2:$F$\(last)", priority = "Requests!$I$2:$I$\(last)"
        let department = "Requests!$D$2:$D$\(last)", received = "Requests!$B$2:$B$\(last)"
        try s.title(0, 0, "IT help desk, 2–3 March 2026")

        try s.header(row: 2, ["Category", "Tickets", "Urgent", "Team", "First received", "Share"])
        for i in categories.indices {
            let r = 3 + i, row = r + 1
            try s.formula(r, 0, "=INDEX(CategoryNames,\(i + 1))")
            try s.formula(r, 1, "=COUNTIF(\(category),A\(row))")
            try s.formula(r, 2, "=COUNTIFS(\(category),A\(row),\(priority),\"urgent\")")
            try s.formula(r, 3, "=INDEX(CategoryTeams,\(i + 1))")
            try s.formula(r, 4, "=IF(B\(row)=0,\"\",MINIFS(\(received),\(category),A\(row)))", format: dateTime)
            try s.formula(r, 5, "=B\(row)/COUNTA(Requests!$A$2:$A$\(last))", format: "0%")
        }
        let unclassified = 3 + categories.count, first = 4
        try s.text(unclassified, 0, "not classified yet")
        try s.formula(unclassified, 1, "=SUMPRODUCT(--ISERROR(\(category)))")
        try s.formula(unclassified, 2, "=SUMPRODUCT(ISERROR(\(category))*(\(priority)=\"urgent\"))")
        try s.formula(unclassified, 5, "=B\(unclassified + 1)/COUNTA(Requests!$A$2:$A$\(last))", format: "0%")
        let total = unclassified + 1
        try s.text(total, 0, "All requests")
        try s.formula(total, 1, "=SUM(B\(first):B\(total))")
        try s.formula(total, 2, "=SUM(C\(first):C\(total))")
        try s.formula(total, 5, "=SUM(F\(first):F\(total))", format: "0%")

        let byDepartment = total + 3
        try s.header(row: byDepartment, ["Department", "Tickets", "Urgent"])
        for (i, name) in departments.enumerated() {
            let r = byDepartment + 1 + i, row = r + 1
            try s.text(r, 0, name)
            try s.formula(r, 1, "=COUNTIF(\(department),A\(row))")
            try s.formula(r, 2, "=COUNTIFS(\(department),A\(row),\(priority),\"urgent\")")
        }

        // The categories that came up, busiest first: one dynamic-array formula.
        let busiest = byDepartment + departments.count + 3
        try s.header(row: busiest, ["Busiest categories", "Tickets"])
        try s.formula(busiest + 1, 0, "=LET(c,\(category),u,UNIQUE(FILTER(c,NOT(ISERROR(c)),\"none yet\")),"
                      + "SORTBY(HSTACK(u,COUNTIF(c,u)),COUNTIF(c,u),-1,u,1))")

        // The urgent tickets, oldest first.
        let urgent = busiest + categories.count + 3
        try s.header(row: urgent, ["Urgent tickets", "Received", "Route to", "Request"])
        try s.formula(urgent + 1, 0, "=SORT(FILTER(CHOOSE({1,2,3,4},Requests!A2:A\(last),Requests!B2:B\(last),Requests!H2:H\(last),"
                      + "Requests!E2:E\(last)),\(priority)=\"urgent\",\"none\"),2,1)")
        for r in (urgent + 1)...(urgent + requests.count) { try s.style(r, 1, format: dateTime) }
        s.layout.columnWidths = [0: 22, 1: 16, 2: 20, 3: 20, 4: 16, 5: 8]
        s.layout.rowHeights = [0: 22]
        s.layout.tabColor = "FF70AD47"
    }
}
