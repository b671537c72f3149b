import Foundation
import Testing
@testable import XiezhiCore

@Suite("Procedure rules data")
struct ProcedureRulesTests {
    /// Every citation in the file, found by walking the JSON.
    static func citations(in value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] {
            let own = object["law"] != nil && object["article"] != nil ? [object] : []
            return own + object.values.flatMap { citations(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { citations(in: $0) } }
        return []
    }

    @Test("the national defaults are the statutory numbers")
    func nationalNumbers() throws {
        let rules = try CaseFixture.rules().national
        #expect(rules.decision.limit.amount == 90 && rules.decision.limit.unit == .days)
        #expect(rules.decision.headExtension.amount == 30 && rules.decision.headExtension.citation.confidence == .unverified)
        #expect(rules.service.deadline.amount == 7)
        #expect(rules.service.announcementPeriod.citation.confidence == .unverified)
        #expect(rules.hearing.requestWindow.amount == 5 && rules.hearing.noticeBeforeHearing.amount == 7)
        #expect(rules.hearing.individualThreshold.yuan == 10_000 && rules.hearing.organisationThreshold.yuan == 100_000)
        #expect(rules.hearing.individualThreshold.citation.confidence == .unverified)
        #expect(rules.legalReview.fineThreshold.yuan == 10_000)
        #expect(rules.payment.deadline.amount == 15)
        #expect(rules.payment.surcharge.percentPerDay == 3 && rules.payment.surcharge.capPercentOfFine == 100)
        #expect(rules.payment.surcharge.daysToCap == 34)
        #expect(rules.payment.pausedDuringAppeal.applies)
        #expect(rules.enforcement.reminderPeriod.amount == 10)
        #expect(rules.enforcement.courtApplicationWindow.amount == 3 && rules.enforcement.courtApplicationWindow.unit == .months)
        #expect(rules.enforcement.reviewPeriod.amount == 60 && rules.enforcement.litigationPeriod.amount == 6)
        #expect(rules.limitation.general.amount == 2 && rules.limitation.safetyWithHarm.amount == 5)
        #expect(rules.summary.individualMaximum.yuan == 200 && rules.summary.organisationMaximum.yuan == 3000)
        #expect(rules.summary.filingDeadline.amount == 5)
        #expect(rules.investigation.minimumOfficers.count == 2)
        #expect(rules.criminalTransfer.headDecision.amount == 3 && rules.criminalTransfer.transferAfterApproval.unit == .hours)
        #expect(rules.doublePenalty.window(for: "overload").amount == 24)
        #expect(rules.firstViolation.items.isEmpty)
    }

    @Test("every citation names a law and an article with a known confidence")
    func citationsComplete() throws {
        let json = try JSONSerialization.jsonObject(with: try CaseFixture.rulesData())
        let citations = Self.citations(in: json)
        #expect(citations.count > 40)
        for citation in citations {
            #expect(!((citation["law"] as? String) ?? "").isEmpty)
            #expect(!((citation["article"] as? String) ?? "").isEmpty)
            #expect(["text", "secondary", "unverified"].contains(citation["confidence"] as? String ?? ""))
        }
    }

    @Test("Zhejiang and Shanghai have example first-violation lists, all marked unverified; Jiangsu none")
    func firstViolationLists() throws {
        let rules = try CaseFixture.rules()
        for code in ["330482", "330421", "310116", "310118"] {
            let list = rules.resolved(for: JurisdictionCode(rawValue: code)!).firstViolation
            #expect(!list.items.isEmpty, "\(code)")
            #expect(list.items.allSatisfy { $0.citation.confidence == .unverified && ($0.note ?? "").contains("未核实") })
            #expect(list.item(for: "road_transport_certificate_not_carried") != nil)
        }
        #expect(rules.resolved(for: CaseFixture.wujiang).firstViolation.items.isEmpty)
    }

    @Test("a county override applies after its province's")
    func overrideOrder() throws {
        var rules = try CaseFixture.rules()
        var county = ProcedureOverride(jurisdiction: "330482", name: "平湖市")
        var hearing = rules.resolved(for: CaseFixture.pinghu).hearing
        hearing.individualThreshold.yuan = 5000
        county.hearing = hearing
        rules.overrides.insert(county, at: 0)
        let data = try JSONEncoder().encode(rules)
        let decoded = try ProcedureRules.decode(from: data)
        #expect(decoded.resolved(for: CaseFixture.pinghu).hearing.individualThreshold.yuan == 5000)
        #expect(decoded.resolved(for: JurisdictionCode(rawValue: "330421")!).hearing.individualThreshold.yuan == 10_000)
        #expect(!decoded.resolved(for: CaseFixture.pinghu).firstViolation.items.isEmpty, "the province's list still applies")
    }

    @Test("bad override keys and bad JSON are refused with invalid_rules", arguments: ["3", "3304", "abcdef", "33"])
    func badOverrides(key: String) throws {
        var rules = try CaseFixture.rules()
        rules.overrides.append(ProcedureOverride(jurisdiction: key, name: "x"))
        let data = try JSONEncoder().encode(rules)
        #expect(throws: DomainError.self) { _ = try ProcedureRules.decode(from: data) }
        #expect(throws: DomainError.self) { _ = try ProcedureRules.decode(from: Data("{}".utf8)) }
    }

    @Test("periods end at the end of the last China day; hour periods from the instant; working days skip holidays")
    func periods() throws {
        let citation = Citation(law: "L", article: "A")
        let start = CaseFixture.t0
        let none = WorkCalendar.weekendsOnly
        #expect(StatutoryPeriod(amount: 7, unit: .days, citation: citation).end(after: start, calendar: none) == ChinaTime.endOfDay(7, after: start))
        #expect(StatutoryPeriod(amount: 24, unit: .hours, citation: citation).end(after: start, calendar: none) == start.addingTimeInterval(86_400))
        let twoYears = StatutoryPeriod(amount: 2, unit: .years, citation: citation).end(after: start, calendar: none)
        #expect(ChinaTime.format(twoYears) == "2026-03-04 23:59")
        let months = StatutoryPeriod(amount: 6, unit: .months, citation: citation).end(after: start, calendar: none)
        #expect(ChinaTime.format(months) == "2024-09-04 23:59")
        // 行政处罚法 Art. 85: a 7-day service period from Friday 13 February 2026 runs over Spring Festival: the
        // make-up Saturday 14th, then 24–27 February and the make-up Saturday 28th, then Monday 2 March.
        let calendar = try WorkCalendarTests.bundled()
        let friday = try #require(WorkCalendar.day("2026-02-13")).addingTimeInterval(10 * 3600)
        let service = StatutoryPeriod(amount: 7, unit: .workingDays, citation: citation)
        #expect(ChinaTime.format(service.end(after: friday, calendar: calendar)) == "2026-03-02 23:59")
        #expect(service.chineseText == "7个工作日")
        // "Notify 7 days before the hearing", in working days: notice on Friday 13th, hearing on 2 March at the earliest.
        let march2 = try #require(WorkCalendar.day("2026-03-02")).addingTimeInterval(9 * 3600)
        #expect(service.isAtLeast(from: friday, to: march2, calendar: calendar))
        #expect(!service.isAtLeast(from: friday, to: march2.addingTimeInterval(-86_400), calendar: calendar))
        // The bundled procedure table marks the law's 5- and 7-day periods as working days.
        let rules = try CaseFixture.rules().resolved(for: JurisdictionCode(rawValue: "330482")!)
        #expect(rules.service.deadline.unit == .workingDays && rules.hearing.requestWindow.unit == .workingDays)
    }
}
