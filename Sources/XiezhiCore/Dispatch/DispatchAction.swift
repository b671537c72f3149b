import Foundation

/// What someone does to an order.
public enum DispatchAction: Sendable, Hashable {
    /// A member of the unit accepts.
    case accept
    /// A member of the unit declines, saying why.
    case decline(reason: String)
    /// The unit is on site.
    case arrive
    /// The unit reports what it found.
    case report(result: DispatchResult, note: String)
    /// The commander closes a reported order.
    case close(note: String?)
    /// The commander withdraws an order that is not finished.
    case cancel(reason: String)
    /// The partner agency's commander gives its unit the order (the unit may be changed to another of theirs).
    case assignPartner(unit: EnforcementUnit)
    /// The node marks an order not accepted in time.
    case escalate

    public var name: String {
        switch self {
        case .accept: "accept"
        case .decline: "decline"
        case .arrive: "arrive"
        case .report: "report"
        case .close: "close"
        case .cancel: "cancel"
        case .assignPartner: "assign_partner"
        case .escalate: "escalate"
        }
    }
}

/// Who acts on an order.
public struct DispatchActor: Sendable, Hashable {
    public var accountID: String
    public var role: Role
    public var jurisdiction: JurisdictionCode
    /// A step taken on the partner's node and received from it: who may take it was checked there (the unit's
    /// members, the partner's commander), so here only the state machine applies.
    public var isPartnerNode: Bool

    public init(accountID: String, role: Role, jurisdiction: JurisdictionCode, isPartnerNode: Bool = false) {
        self.accountID = accountID
        self.role = role
        self.jurisdiction = jurisdiction
        self.isPartnerNode = isPartnerNode
    }

    /// The partner node `peer`, speaking for `jurisdiction`.
    public static func partnerNode(_ peer: String, jurisdiction: JurisdictionCode) -> DispatchActor {
        DispatchActor(accountID: "peer:\(peer)", role: .commander, jurisdiction: jurisdiction, isPartnerNode: true)
    }

    /// The node itself (escalation, routine dispatch).
    public static func system(_ jurisdiction: JurisdictionCode) -> DispatchActor {
        DispatchActor(accountID: "system", role: .commander, jurisdiction: jurisdiction)
    }
}
