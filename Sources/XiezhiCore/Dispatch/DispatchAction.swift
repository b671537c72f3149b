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

    public init(accountID: String, role: Role, jurisdiction: JurisdictionCode) {
        self.accountID = accountID
        self.role = role
        self.jurisdiction = jurisdiction
    }

    /// The node itself (escalation, routine dispatch).
    public static func system(_ jurisdiction: JurisdictionCode) -> DispatchActor {
        DispatchActor(accountID: "system", role: .commander, jurisdiction: jurisdiction)
    }
}
