import Foundation
import Testing
@testable import XiezhiCore
import XiezhiData

/// Shared test material: the bundled rules, the Pinghu agency's accounts, and a script that walks a case forward.
enum CaseFixture {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!
    static let wujiang = JurisdictionCode(rawValue: "320509")!

    /// 2024-03-04 09:00 China time.
    static let t0: Date = ChinaTime.calendar.date(from: DateComponents(year: 2024, month: 3, day: 4, hour: 9))!

    /// `days` days (and `hours` hours) after `t0`.
    static func day(_ days: Int, hours: Int = 0) -> Date {
        t0.addingTimeInterval(TimeInterval(days) * 86_400 + TimeInterval(hours) * 3600)
    }

    static func rulesData() throws -> Data { try BundledData.rulesFile("procedure.json") }

    static func rules() throws -> ProcedureRules { try ProcedureRules.decode(from: rulesData()) }

    static func actor(_ role: Role, _ id: String? = nil, in jurisdiction: JurisdictionCode = pinghu, certified: Bool = true) -> CaseActor {
        CaseActor(accountId: id ?? "acct-\(role.rawValue)", role: role, jurisdiction: jurisdiction, certified: certified)
    }

    static let officer = actor(.officer, "officer-a")
    static let handler = actor(.caseHandler, "handler-1")
    static let reviewer = actor(.legalReviewer, "reviewer-1")
    static let head = actor(.agencyHead, "head-1")

    static let officers = [
        FilingOfficer(accountId: "officer-a", name: "张明", certificateNumber: "浙JT33040012"),
        FilingOfficer(accountId: "officer-b", name: "李华", certificateNumber: "浙JT33040013"),
    ]
    static let chair = HearingOfficial(accountId: "chair-1", name: "周敏")
    static let overloadSubject = "vehicle:浙F12345:yellow"
    static let sha = String(repeating: "ab", count: 32)
    /// Zhejiang's 15 days to come forward (浙江省公路条例 第四十条), as the server reads it from the non-site table.
    static let ownerReportPeriod = StatutoryPeriod(amount: 15, unit: .days, citation: Citation(law: "浙江省公路条例", article: "第四十条"))

    static func intake(
        kind: String = "overload", party: PartyKind = .individual, subject: String = overloadSubject,
        jurisdiction: JurisdictionCode = pinghu, occurredAt: Date = day(0, hours: -2), safety: Bool = false
    ) -> ClueIntake {
        ClueIntake(
            jurisdiction: jurisdiction, subject: subject, partyKind: party, violationKind: kind,
            facts: "货车浙F12345经G320平湖新埭治超点称重，车货总质量超限。",
            place: CasePlace(text: "G320国道K115+300 平湖新埭治超非现场执法点", longitude: 121.08, latitude: 30.75),
            occurredAt: occurredAt, concernsSafetyWithHarm: safety, source: "wim:xindai-01"
        )
    }

    static func evidence(_ id: String = "ev-1") -> EvidenceItem {
        EvidenceItem(
            id: id, kind: .electronicData, description: "动态称重记录及车辆照片", sha256: sha,
            source: "wim:xindai-01", collectedBy: "officer-a", collectedAt: day(0, hours: -2)
        )
    }

    static func penalty(_ measures: [PenaltyMeasure]) -> IntendedPenalty {
        IntendedPenalty(
            measures: measures,
            citation: Citation(law: "浙江省公路条例", article: "第五十三条", confidence: .text),
            reasoning: ["车货总质量超过限定标准", "按超限部分逐吨计罚"]
        )
    }

    static func fine(_ yuan: Int) -> IntendedPenalty { penalty([.fine(Money(yuan: yuan))]) }

    static func prior(
        kind: String = "overload", actAt: Date, number: String = "沪金交罚〔2024〕57号", waiver: Bool = false
    ) -> PriorPenalty {
        PriorPenalty(
            subject: overloadSubject, violationKind: kind, actAt: actAt, decisionNumber: number,
            agency: "上海市金山区交通委员会", jurisdiction: jinshan, decidedAt: day(0, hours: 1), source: .partner,
            firstViolationWaiver: waiver
        )
    }
}

/// A case walked forward one action at a time; every step must succeed.
struct CaseScript {
    var item: EnforcementCase
    var events: [CaseEvent]
    let rules: ProcedureRules
    var priors: [PriorPenalty] = []

    init(
        _ intake: ClueIntake = CaseFixture.intake(), id: String = "case-1", at: Date = CaseFixture.t0,
        by opener: CaseActor = CaseFixture.handler, rules: ProcedureRules
    ) throws {
        let (opened, event) = try CaseWorkflow.open(intake, id: id, by: opener, at: at)
        self.item = opened
        self.events = [event]
        self.rules = rules
    }

    @discardableResult
    mutating func step(_ action: CaseAction, by actor: CaseActor, at: Date) throws -> CaseEvent {
        let (next, event) = try CaseWorkflow.apply(action, to: item, by: actor, at: at, rules: rules, priorPenalties: priors)
        item = next
        events.append(event)
        return event
    }

    /// The refusal code for `action`, or `nil` when it would be applied.
    func refusal(_ action: CaseAction, by actor: CaseActor, at: Date, priors: [PriorPenalty]? = nil) -> DomainError? {
        do {
            _ = try CaseWorkflow.apply(action, to: item, by: actor, at: at, rules: rules, priorPenalties: priors ?? self.priors)
            return nil
        } catch let error as DomainError {
            return error
        } catch {
            return DomainError(code: "unexpected", reason: "\(error)")
        }
    }

    // MARK: - Common paths

    mutating func file(at: Date = CaseFixture.day(1)) throws {
        try step(.file(officers: CaseFixture.officers, registerNumber: "平交立〔2024〕101号"), by: CaseFixture.head, at: at)
    }

    mutating func investigate(at: Date = CaseFixture.day(1, hours: 1)) throws {
        try file(at: at)
        try step(.addEvidence(item: CaseFixture.evidence()), by: CaseFixture.officer, at: at)
    }

    mutating func notify(_ penalty: IntendedPenalty, at: Date = CaseFixture.day(2)) throws {
        try investigate()
        try step(.notify(penalty: penalty), by: CaseFixture.handler, at: at)
    }

    mutating func decide(_ penalty: IntendedPenalty = CaseFixture.fine(7660), at: Date = CaseFixture.day(10)) throws {
        try notify(penalty)
        try step(.decide(number: "平交罚〔2024〕118号", measures: nil), by: CaseFixture.head, at: at)
    }

    mutating func serve(at: Date = CaseFixture.day(11)) throws {
        try decide()
        try step(.serve(method: .direct, recipient: "王某", proof: "送达回证0118"), by: CaseFixture.handler, at: at)
    }
}
