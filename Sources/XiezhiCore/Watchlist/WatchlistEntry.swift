import Foundation

/// 布控 — a vehicle or ship one agency flagged (违法车辆/船舶信息共享): what to look for, why, who flagged it, until when.
/// Entries flagged on this node have no ``peer``; entries received from a partner name it.
public struct WatchlistEntry: Hashable, Sendable {
    public var id: String
    public var subject: WatchlistSubject
    /// Why, in the flagging agency's words.
    public var reason: String
    /// The violation it is flagged for (e.g. `overload`, `illegal_operation`).
    public var violationKind: String
    /// The flagging agency's name and jurisdiction.
    public var agency: String
    public var jurisdiction: JurisdictionCode
    public var flaggedAt: Date
    /// The entry lapses at this instant (a watchlist is not kept forever: 数据最小化).
    public var validUntil: Date
    public var status: WatchlistStatus
    /// The partner that flagged it; `nil` when this node did.
    public var peer: String?

    public init(
        id: String, subject: WatchlistSubject, reason: String, violationKind: String, agency: String, jurisdiction: JurisdictionCode,
        flaggedAt: Date, validUntil: Date, status: WatchlistStatus, peer: String?
    ) {
        self.id = id
        self.subject = subject
        self.reason = reason
        self.violationKind = violationKind
        self.agency = agency
        self.jurisdiction = jurisdiction
        self.flaggedAt = flaggedAt
        self.validUntil = validUntil
        self.status = status
        self.peer = peer
    }

    /// Flagged, not withdrawn, not lapsed at `date`.
    public func isActive(at date: Date) -> Bool {
        status == .active && date < validUntil
    }
}

/// Where an entry stands. Withdrawal is final: a late or repeated flag message does not bring an entry back.
public enum WatchlistStatus: String, Codable, Sendable, CaseIterable {
    /// 布控中.
    case active
    /// 已撤控.
    case withdrawn
}
