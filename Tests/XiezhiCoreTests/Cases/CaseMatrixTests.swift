import Foundation
import Testing
@testable import XiezhiCore

/// Every stage × every action kind × every role, against an expectation declared here (not read from the
/// implementation's permission tables).
@Suite("Case workflow matrix")
struct CaseMatrixTests {
    // MARK: - The declared expectation

    /// Who may take each action (the role assignment documented for the project).
    static let mayTake: [CaseActionKind: Set<Role>] = [
        .createClue: [.officer, .caseHandler],
        .refuseFiling: [.agencyHead],
        .file: [.agencyHead],
        .addEvidence: [.officer, .caseHandler],
        .extendDecisionLimit: [.agencyHead],
        .notify: [.caseHandler],
        .recordStatement: [.caseHandler],
        .recordServiceConsent: [.caseHandler],
        .requestHearing: [.caseHandler],
        .scheduleHearing: [.caseHandler],
        .holdHearing: [.caseHandler],
        .submitForLegalReview: [.caseHandler],
        .approveLegalReview: [.legalReviewer],
        .returnLegalReview: [.legalReviewer],
        .decide: [.agencyHead],
        .decideNoPenalty: [.agencyHead],
        .reportSuspectedCrime: [.caseHandler],
        .transferToPolice: [.agencyHead],
        .declineTransfer: [.agencyHead],
        .serve: [.caseHandler],
        .recordPayment: [.officer, .caseHandler],
        .remind: [.caseHandler],
        .recordAppeal: [.caseHandler],
        .concludeAppeal: [.caseHandler],
        .applyToCourt: [.agencyHead],
        .close: [.agencyHead],
        .summaryDecision: [.officer],
        .fileSummary: [.officer, .caseHandler],
        .noticeOwner: [.caseHandler],
        .recordOwnerAppearance: [.caseHandler],
        .identifyParties: [.officer, .caseHandler],
    ]

    /// From which stages each action may be taken.
    static let takenFrom: [CaseActionKind: Set<CaseStage>] = {
        let beforeDecision: Set<CaseStage> = [.clue, .filed, .investigating, .notified, .hearing, .legalReview]
        return [
            .createClue: [],
            .refuseFiling: [.clue],
            .file: [.clue],
            .addEvidence: [.clue, .filed, .investigating, .notified, .hearing],
            .extendDecisionLimit: [.filed, .investigating, .notified, .hearing, .legalReview],
            .notify: [.investigating],
            .recordStatement: [.notified, .hearing],
            .recordServiceConsent: [.filed, .investigating, .notified, .hearing, .legalReview, .decided],
            .requestHearing: [.notified],
            .scheduleHearing: [.hearing],
            .holdHearing: [.hearing],
            .submitForLegalReview: [.notified, .hearing],
            .approveLegalReview: [.legalReview],
            .returnLegalReview: [.legalReview],
            .decide: [.notified, .hearing, .legalReview],
            .decideNoPenalty: [.investigating, .notified, .hearing, .legalReview],
            .reportSuspectedCrime: beforeDecision,
            .transferToPolice: beforeDecision,
            .declineTransfer: beforeDecision,
            .serve: [.decided],
            .recordPayment: [.summaryDecided, .served, .executing],
            .remind: [.served, .executing],
            .recordAppeal: [.served, .executing],
            .concludeAppeal: [.served, .executing],
            .applyToCourt: [.executing],
            .close: [.served, .executing],
            .summaryDecision: [.clue],
            .fileSummary: [.summaryDecided],
            .noticeOwner: [.filed, .investigating, .notified],
            .recordOwnerAppearance: [.filed, .investigating, .notified],
            .identifyParties: beforeDecision,
        ]
    }()

    /// Where the right role at the right stage is still refused, given the fixture of that stage and the canonical
    /// payload below.
    static let preconditionRefusals: [CaseStage: [CaseActionKind: String]] = {
        var refusals: [CaseStage: [CaseActionKind: String]] = [
            // 7,660 yuan on an individual gives no hearing right.
            .notified: [.requestHearing: "no_hearing_right"],
            // Requested and scheduled, not yet held.
            .hearing: [.submitForLegalReview: "hearing_not_held", .decide: "hearing_not_held"],
            // Submitted, not yet approved.
            .legalReview: [.decide: "legal_review_required"],
            // Within the payment period, nothing paid.
            .served: [.remind: "payment_not_overdue", .close: "execution_incomplete", .concludeAppeal: "no_pending_appeal"],
            // 催告 given, unpaid, court application window open.
            .executing: [.close: "execution_incomplete", .concludeAppeal: "no_pending_appeal"],
        ]
        // No fixture has told an owner of a non-site violation.
        for stage: CaseStage in [.filed, .investigating, .notified] {
            refusals[stage, default: [:]][.recordOwnerAppearance] = "owner_not_noticed"
        }
        // No fixture has a suspected-crime report pending.
        for stage: CaseStage in [.clue, .filed, .investigating, .notified, .hearing, .legalReview] {
            refusals[stage, default: [:]][.transferToPolice] = "crime_report_required"
            refusals[stage, default: [:]][.declineTransfer] = "crime_report_required"
        }
        return refusals
    }()

    /// The expected result of one cell: `nil` for allowed, else the refusal code.
    static func expected(_ stage: CaseStage, _ kind: CaseActionKind, _ role: Role) -> String? {
        guard mayTake[kind]!.contains(role) else { return "role_not_allowed" }
        guard takenFrom[kind]!.contains(stage) else { return "transition_not_allowed" }
        return preconditionRefusals[stage]?[kind]
    }

    // MARK: - Fixtures: one case per stage, and the moment the matrix acts on it

    static func fixture(_ stage: CaseStage, rules: ProcedureRules) throws -> (EnforcementCase, Date) {
        var script = try CaseScript(rules: rules)
        let at: Date
        switch stage {
        case .clue:
            at = CaseFixture.day(0, hours: 1)
        case .filed:
            try script.file()
            at = CaseFixture.day(1, hours: 2)
        case .investigating:
            try script.investigate()
            at = CaseFixture.day(1, hours: 2)
        case .notified:
            try script.notify(CaseFixture.fine(7660))
            at = CaseFixture.day(10)
        case .hearing:
            try script.notify(CaseFixture.fine(20000))
            try script.step(.requestHearing(requestedBy: "王某"), by: CaseFixture.handler, at: CaseFixture.day(3))
            // Notified on Thursday 7 March: 7 working days before the hearing (Art. 64, Art. 85) put it on Monday 18th.
            let schedule = HearingSchedule(hearingAt: CaseFixture.day(14), place: "平湖市交通运输局听证室", chair: CaseFixture.chair)
            try script.step(.scheduleHearing(schedule: schedule), by: CaseFixture.handler, at: CaseFixture.day(3))
            at = CaseFixture.day(15)
        case .legalReview:
            try script.notify(CaseFixture.fine(7660))
            try script.step(.submitForLegalReview(note: "主动提请"), by: CaseFixture.handler, at: CaseFixture.day(10))
            at = CaseFixture.day(11)
        case .decided:
            try script.decide()
            at = CaseFixture.day(11)
        case .served:
            try script.serve()
            at = CaseFixture.day(12)
        case .executing:
            try script.serve()
            try script.step(.remind(reference: "平交催〔2024〕9号"), by: CaseFixture.handler, at: CaseFixture.day(30))
            let sixMonths = ChinaTime.calendar.date(byAdding: .month, value: 6, to: CaseFixture.day(11))!
            at = sixMonths.addingTimeInterval(2 * 86_400)
        case .closed:
            try script.serve()
            try script.step(.recordPayment(amount: Money(yuan: 7660), paidAt: CaseFixture.day(15), reference: "银行流水001"), by: CaseFixture.handler, at: CaseFixture.day(15))
            try script.step(.close(report: "罚款已缴清"), by: CaseFixture.head, at: CaseFixture.day(16))
            at = CaseFixture.day(17)
        case .notFiled:
            try script.step(.refuseFiling(reason: "不属于本机关管辖"), by: CaseFixture.head, at: CaseFixture.day(1))
            at = CaseFixture.day(2)
        case .noPenalty:
            try script.investigate()
            try script.step(.decideNoPenalty(number: "平交不罚〔2024〕3号", ground: .minorAndCorrected, educationRecord: "已当场批评教育"), by: CaseFixture.head, at: CaseFixture.day(2))
            at = CaseFixture.day(3)
        case .transferredToPolice:
            try script.step(.reportSuspectedCrime(reason: "涉嫌危险驾驶"), by: CaseFixture.handler, at: CaseFixture.day(0, hours: 1))
            try script.step(.transferToPolice(policeAgency: "平湖市公安局", approvedAt: CaseFixture.day(0, hours: 2)), by: CaseFixture.head, at: CaseFixture.day(0, hours: 3))
            at = CaseFixture.day(1)
        case .summaryDecided:
            let summary = CaseAction.summaryDecision(number: "平交当罚0001", penalty: CaseFixture.fine(100), officers: CaseFixture.officers, recipient: "王某")
            try script.step(summary, by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))
            at = CaseFixture.day(0, hours: 2)
        }
        #expect(script.item.stage == stage, "fixture for \(stage) ended at \(script.item.stage)")
        return (script.item, at)
    }

    /// One valid payload per action kind for a fixture acted on at `at`.
    static func canonical(_ kind: CaseActionKind, at: Date) -> CaseAction {
        switch kind {
        case .createClue: .createClue(intake: CaseFixture.intake())
        case .refuseFiling: .refuseFiling(reason: "证据不足")
        case .file: .file(officers: CaseFixture.officers, registerNumber: "平交立〔2024〕200号")
        case .addEvidence: .addEvidence(item: CaseFixture.evidence("matrix-evidence"))
        case .extendDecisionLimit: .extendDecisionLimit(reason: "案情复杂")
        case .notify: .notify(penalty: CaseFixture.fine(7660))
        case .recordStatement: .recordStatement(statedBy: "王某", content: "对超限事实无异议", waivesRights: false)
        case .recordServiceConsent:
            .recordServiceConsent(consent: ServiceConsent(reference: "送达确认0001", addresses: ["13800000000"], signedAt: at))
        case .requestHearing: .requestHearing(requestedBy: "王某")
        case .scheduleHearing:
            .scheduleHearing(schedule: HearingSchedule(
                hearingAt: at.addingTimeInterval(14 * 86_400), place: "听证室", chair: HearingOfficial(accountId: "chair-2", name: "吴刚")
            ))
        case .holdHearing: .holdHearing(record: HearingRecord(chair: CaseFixture.chair, partyAttended: true, summary: "当事人陈述意见"))
        case .submitForLegalReview: .submitForLegalReview(note: "提请审核")
        case .approveLegalReview: .approveLegalReview(opinion: "事实清楚，证据确凿")
        case .returnLegalReview: .returnLegalReview(reason: "补充称重设备检定证书")
        case .decide: .decide(number: "平交罚〔2024〕300号", measures: nil)
        case .decideNoPenalty: .decideNoPenalty(number: "平交不罚〔2024〕30号", ground: .minorAndCorrected, educationRecord: "批评教育")
        case .reportSuspectedCrime: .reportSuspectedCrime(reason: "涉嫌犯罪")
        case .transferToPolice: .transferToPolice(policeAgency: "平湖市公安局", approvedAt: at)
        case .declineTransfer: .declineTransfer(reason: "不构成犯罪")
        case .serve: .serve(method: .direct, recipient: "王某", proof: "送达回证")
        case .recordPayment: .recordPayment(amount: Money(yuan: 100), paidAt: at, reference: "银行流水")
        case .remind: .remind(reference: "平交催〔2024〕10号")
        case .recordAppeal: .recordAppeal(kind: .administrativeReview, filedAt: at, body: "平湖市人民政府")
        case .concludeAppeal: .concludeAppeal(outcome: .upheld, summary: "维持")
        case .applyToCourt: .applyToCourt(court: "平湖市人民法院", reference: "平交执申〔2024〕1号")
        case .close: .close(report: "结案报告")
        case .summaryDecision:
            .summaryDecision(number: "平交当罚0100", penalty: CaseFixture.fine(100), officers: CaseFixture.officers, recipient: "王某")
        case .fileSummary: .fileSummary(reference: "备案0001")
        case .noticeOwner: .noticeOwner(channel: .sms, delivered: true, effectiveAt: at, proof: "短信回执 SMS-0001", reportPeriod: CaseFixture.ownerReportPeriod)
        case .recordOwnerAppearance: .recordOwnerAppearance(note: "车主王某到平湖新埭治超站接受处理")
        case .identifyParties: .identifyParties(driver: "person:11010519491231002X", carrier: "organisation:91330482MA2B3C4D1J")
        }
    }

    // MARK: - The matrix

    @Test("every stage × action × role gives the declared result", arguments: CaseStage.allCases, CaseActionKind.allCases)
    func cell(stage: CaseStage, kind: CaseActionKind) throws {
        let rules = try CaseFixture.rules()
        let (item, at) = try Self.fixture(stage, rules: rules)
        let action = Self.canonical(kind, at: at)
        #expect(action.kind == kind)
        for role in Role.allCases {
            let actor = CaseFixture.actor(role)
            let expectation = Self.expected(stage, kind, role)
            do {
                let (next, event) = try CaseWorkflow.apply(action, to: item, by: actor, at: at, rules: rules, priorPenalties: [])
                #expect(expectation == nil, "\(stage) × \(kind) × \(role): applied, expected \(expectation ?? "-")")
                #expect(event.kind == kind && event.stageBefore == stage && event.stageAfter == next.stage)
                #expect(event.sequence == item.history.count + 1 && next.history.last == event)
            } catch let error as DomainError {
                #expect(error.code == expectation, "\(stage) × \(kind) × \(role): \(error)")
            }
        }
    }

    @Test("an actor from another jurisdiction is refused in every cell", arguments: CaseStage.allCases)
    func foreignActor(stage: CaseStage) throws {
        let rules = try CaseFixture.rules()
        let (item, at) = try Self.fixture(stage, rules: rules)
        for kind in CaseActionKind.allCases {
            for role in Role.allCases {
                let foreign = CaseFixture.actor(role, in: CaseFixture.jinshan)
                #expect(throws: DomainError.self) {
                    _ = try CaseWorkflow.apply(Self.canonical(kind, at: at), to: item, by: foreign, at: at, rules: rules, priorPenalties: [])
                }
                do {
                    _ = try CaseWorkflow.apply(Self.canonical(kind, at: at), to: item, by: foreign, at: at, rules: rules, priorPenalties: [])
                } catch let error as DomainError {
                    #expect(error.code == "wrong_jurisdiction")
                }
            }
            #expect(CaseWorkflow.allowedActions(for: item, actor: CaseFixture.actor(.agencyHead, in: CaseFixture.jinshan), at: at, rules: rules).isEmpty)
        }
    }

    @Test("allowedActions lists exactly the allowed cells", arguments: CaseStage.allCases)
    func buttons(stage: CaseStage) throws {
        let rules = try CaseFixture.rules()
        let (item, at) = try Self.fixture(stage, rules: rules)
        for role in Role.allCases {
            let expected = CaseActionKind.allCases.filter { Self.expected(stage, $0, role) == nil }
            #expect(CaseWorkflow.allowedActions(for: item, actor: CaseFixture.actor(role), at: at, rules: rules) == expected, "\(stage) × \(role)")
        }
    }

    @Test("the declared expectation covers every kind, and roles outside the case process can do nothing")
    func declarationIsComplete() {
        #expect(Set(Self.mayTake.keys) == Set(CaseActionKind.allCases))
        #expect(Set(Self.takenFrom.keys) == Set(CaseActionKind.allCases))
        for role: Role in [.commander, .partnerLiaison, .auditor, .admin] {
            #expect(Self.mayTake.values.allSatisfy { !$0.contains(role) })
        }
        for stage: CaseStage in [.closed, .notFiled, .noPenalty, .transferredToPolice] {
            #expect(Self.takenFrom.values.allSatisfy { !$0.contains(stage) })
        }
    }
}
