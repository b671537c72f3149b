import Foundation

/// The order's state machine: which action is allowed in which state, by whom, and what it changes. Pure.
///
/// - accept / decline / arrive / report: a member of the order's unit (an officer whose account is in
///   ``EnforcementUnit/members``).
/// - close / cancel: a commander of the commanding agency.
/// - assign_partner: a commander of the partner agency the order waits for.
/// - escalate: the node, once, for an order not accepted in time.
/// - a step received from the partner node of a cross-node order (``DispatchActor/isPartnerNode``): the states only;
///   who took it was checked on the node where it was taken.
public enum DispatchWorkflow {
    public static func apply(_ action: DispatchAction, to order: DispatchOrder, by actor: DispatchActor, unit: EnforcementUnit, at date: Date) throws -> DispatchOrder {
        var next = order
        var note: String?
        func require(_ states: Set<DispatchState>) throws {
            guard states.contains(order.state) else {
                throw DomainError(code: "transition_not_allowed", reason: "order \(order.id) is \(order.state.rawValue); '\(action.name)' needs \(states.map(\.rawValue).sorted().joined(separator: " or "))")
            }
        }
        func requireMember() throws {
            if actor.isPartnerNode { return }
            guard unit.id == order.unitID, unit.members.contains(actor.accountID) else {
                throw DomainError(code: "not_unit_member", reason: "only a member of unit \(order.unitID) can \(action.name) this order")
            }
        }
        func requireCommander(of jurisdiction: JurisdictionCode) throws {
            if actor.isPartnerNode { return }
            guard actor.role == .commander || actor.role == .agencyHead else {
                throw DomainError(code: "role_not_allowed", reason: "'\(action.name)' is for a commander")
            }
            guard actor.jurisdiction == jurisdiction else {
                throw DomainError(code: "wrong_jurisdiction", reason: "order \(order.id) is commanded by \(jurisdiction.rawValue)")
            }
        }
        switch action {
        case .accept:
            try require([.dispatched])
            try requireMember()
            next.state = .accepted
            next.acceptedAt = date
        case .decline(let reason):
            try require([.dispatched])
            try requireMember()
            try requireText(reason, "say why the order is declined")
            next.state = .declined
            note = reason
        case .arrive:
            try require([.accepted])
            try requireMember()
            next.state = .arrived
            next.arrivedAt = date
        case .report(let result, let text):
            try require([.arrived])
            try requireMember()
            try requireText(text, "describe what was found")
            next.state = .reported
            next.reportedAt = date
            next.result = result
            next.resultNote = text
            note = "\(result.chineseName)：\(text)"
        case .close(let text):
            try require([.reported])
            try requireCommander(of: order.jurisdiction)
            next.state = .closed
            next.closedAt = date
            note = text
        case .cancel(let reason):
            guard !order.state.isFinal else {
                throw DomainError(code: "transition_not_allowed", reason: "order \(order.id) is already \(order.state.rawValue)")
            }
            try requireCommander(of: order.jurisdiction)
            try requireText(reason, "say why the order is withdrawn")
            next.state = .cancelled
            note = reason
        case .assignPartner(let partnerUnit):
            try require([.awaitingPartner])
            guard let partner = order.partnerJurisdiction else {
                throw DomainError(code: "transition_not_allowed", reason: "order \(order.id) is not waiting for a partner")
            }
            try requireCommander(of: partner)
            guard partnerUnit.jurisdiction == partner else {
                throw DomainError(code: "wrong_jurisdiction", reason: "unit \(partnerUnit.id) is not \(partner.rawValue)'s")
            }
            next.unitID = partnerUnit.id
            next.state = .dispatched
            next.escalatedAt = nil
            note = "\(partnerUnit.name)（\(partnerUnit.kind.chineseName)）"
        case .escalate:
            guard order.escalatedAt == nil, order.state == .dispatched || order.state == .awaitingPartner else {
                throw DomainError(code: "transition_not_allowed", reason: "order \(order.id) cannot escalate now")
            }
            next.escalatedAt = date
            note = "超时未接单"
        }
        next.history.append(DispatchEvent(at: date, actor: actor.accountID, action: action.name, note: note))
        return next
    }

    static func requireText(_ text: String, _ message: String) throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError(code: "reason_required", reason: message)
        }
    }
}
