import Foundation

/// 一站式办案流程 — the case process as a pure state machine: a case, an action, an actor and a time in; the changed
/// case and the event to audit out, or a ``DomainError`` saying why not.
///
/// Every refusal has a stable code: `wrong_jurisdiction` (the actor's agency is not the case's),
/// `role_not_allowed` (naming who may), `transition_not_allowed` (naming the stage and where the action is
/// allowed), `certificate_required`, `event_out_of_order`, then the action's own preconditions
/// (`legal_review_required`, `hearing_period_running`, `double_penalty`, `electronic_service_needs_consent`,
/// `summary_amount_too_high`, `not_on_first_violation_list`, `limitation_expired`, `chair_is_investigator`, …).
/// The checks run in that order. Legal numbers come from the ``ProcedureRules`` for the case's jurisdiction.
public enum CaseWorkflow {
    /// 登记线索 — opens a case at the clue stage from `intake`.
    ///
    /// Allowed to the roles of ``CaseActionKind/createClue`` in the intake's own jurisdiction. Refuses an empty id,
    /// subject or violation kind (`invalid_clue`), coordinates out of range (`invalid_place`) and an act or
    /// discovery in the future (`invalid_clue`). The limitation is checked at filing, not here, so that a late
    /// clue is still recorded.
    public static func open(
        _ intake: ClueIntake, id: String, by actor: CaseActor, at: Date
    ) throws -> (EnforcementCase, CaseEvent) {
        try checkJurisdiction(actor, caseJurisdiction: intake.jurisdiction, caseId: id)
        try checkRole(.createClue, actor)
        let discoveredAt = intake.discoveredAt ?? at
        for (value, name) in [(id, "case id"), (intake.subject, "subject"), (intake.violationKind, "violation kind")]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError(code: "invalid_clue", reason: "the \(name) is empty")
        }
        if let place = intake.place, !place.hasValidCoordinates {
            throw DomainError(code: "invalid_place", reason: "coordinates must be both given, longitude in −180…180 and latitude in −90…90")
        }
        guard intake.occurredAt <= discoveredAt, discoveredAt <= at else {
            throw DomainError(
                code: "invalid_clue",
                reason: "the act (\(ChinaTime.format(intake.occurredAt))) must precede its discovery (\(ChinaTime.format(discoveredAt))), which may not be later than now (\(ChinaTime.format(at)))"
            )
        }
        var opened = EnforcementCase(
            id: id, jurisdiction: intake.jurisdiction, subject: intake.subject, partyKind: intake.partyKind,
            violationKind: intake.violationKind, facts: intake.facts, place: intake.place,
            occurredAt: intake.occurredAt, discoveredAt: discoveredAt,
            concernsSafetyWithHarm: intake.concernsSafetyWithHarm, source: intake.source
        )
        var changes = [
            "当事人：\(intake.subject)（\(intake.partyKind.chineseName)）",
            "违法行为：\(intake.violationKind)，发生于\(ChinaTime.format(intake.occurredAt))",
            "线索来源：\(intake.source)",
        ]
        if let place = intake.place { changes.append("地点：\(place.text)") }
        if let carrier = intake.carrier {
            guard case .organisation = try SubjectKey(carrier) else {
                throw DomainError(code: "invalid_carrier", reason: "the carrier must be an organisation's subject key, not '\(carrier)'")
            }
            opened.carrier = carrier
            changes.append("运输企业：\(carrier)")
        }
        let event = CaseEvent(
            caseId: id, sequence: 1, kind: .createClue, stageBefore: nil, stageAfter: .clue, actor: actor, at: at,
            changes: changes
        )
        opened.history.append(event)
        return (opened, event)
    }

    /// Applies `action` to `current`, taken by `actor` at `at`.
    ///
    /// `priorPenalties` are the earlier decisions on the same subject known to the node (its own and its partners'),
    /// used by the 一事不再罚 check of `decide`/`summaryDecision` and the "first time" check of a 首违不罚 waiver.
    /// Returns the changed case (with the event appended to its history) and the event.
    public static func apply(
        _ action: CaseAction, to current: EnforcementCase, by actor: CaseActor, at: Date, rules: ProcedureRules,
        priorPenalties: [PriorPenalty]
    ) throws -> (EnforcementCase, CaseEvent) {
        let kind = action.kind
        let ruleSet = rules.resolved(for: current.jurisdiction)
        try checkGates(kind, current, actor, at: at, rules: ruleSet)
        var next = current
        let changes = try perform(action, on: &next, by: actor, at: at, rules: ruleSet, priorPenalties: priorPenalties)
        let event = CaseEvent(
            caseId: current.id, sequence: current.history.count + 1, kind: kind, stageBefore: current.stage,
            stageAfter: next.stage, actor: actor, at: at, changes: changes
        )
        next.history.append(event)
        return (next, event)
    }

    /// The actions `actor` may take on `enforcementCase` at `at`, for the console's buttons.
    ///
    /// Checks everything `apply` checks except what depends on the payload (amounts, methods, chairs, numbers) and
    /// on the prior penalties (一事不再罚, first time): an action listed here can still be refused by `apply`.
    public static func allowedActions(
        for enforcementCase: EnforcementCase, actor: CaseActor, at: Date, rules: ProcedureRules
    ) -> [CaseActionKind] {
        let ruleSet = rules.resolved(for: enforcementCase.jurisdiction)
        return CaseActionKind.allCases.filter { kind in
            (try? checkGates(kind, enforcementCase, actor, at: at, rules: ruleSet)) != nil
        }
    }

    /// Jurisdiction, role, stage, certificate, time order and the payload-free preconditions, in that order.
    static func checkGates(
        _ kind: CaseActionKind, _ current: EnforcementCase, _ actor: CaseActor, at: Date, rules: ProcedureRuleSet
    ) throws {
        try checkJurisdiction(actor, caseJurisdiction: current.jurisdiction, caseId: current.id)
        try checkRole(kind, actor)
        try checkStage(kind, current)
        if kind.needsCertificate && !actor.certified {
            throw DomainError(
                code: "certificate_required",
                reason: "'\(kind.rawValue)' must be taken by an officer holding an enforcement certificate (行政处罚法 第四十二条); account \(actor.accountId) holds none"
            )
        }
        if let last = current.history.last, at < last.at {
            throw DomainError(
                code: "event_out_of_order",
                reason: "the action is dated \(ChinaTime.format(at)), before the case's last event (\(ChinaTime.format(last.at)))"
            )
        }
        try checkState(kind, current, actor, at: at, rules: rules)
    }

    static func checkJurisdiction(_ actor: CaseActor, caseJurisdiction: JurisdictionCode, caseId: String) throws {
        guard actor.jurisdiction == caseJurisdiction else {
            throw DomainError(
                code: "wrong_jurisdiction",
                reason: "account \(actor.accountId) belongs to \(actor.jurisdiction), but case \(caseId) belongs to \(caseJurisdiction)"
            )
        }
    }

    static func checkRole(_ kind: CaseActionKind, _ actor: CaseActor) throws {
        guard kind.roles.contains(actor.role) else {
            let who = Role.allCases.filter { kind.roles.contains($0) }.map { "\($0.rawValue) (\($0.chineseName))" }
            throw DomainError(
                code: "role_not_allowed",
                reason: "'\(kind.rawValue)' (\(kind.chineseName)) may be taken only by \(who.joined(separator: " or ")); account \(actor.accountId) is \(actor.role.rawValue)"
            )
        }
    }

    static func checkStage(_ kind: CaseActionKind, _ current: EnforcementCase) throws {
        guard kind.stages.contains(current.stage) else {
            let allowed = CaseStage.allCases.filter { kind.stages.contains($0) }.map { "\($0.rawValue) (\($0.chineseName))" }
            let whereAllowed = allowed.isEmpty
                ? "a clue opens a new case (CaseWorkflow.open), never an existing one"
                : "it is allowed at \(allowed.joined(separator: ", "))"
            throw DomainError(
                code: "transition_not_allowed",
                reason: "'\(kind.rawValue)' (\(kind.chineseName)) is not allowed at stage '\(current.stage.rawValue)' (\(current.stage.chineseName)); \(whereAllowed)"
            )
        }
    }
}
