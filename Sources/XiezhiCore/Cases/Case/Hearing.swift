import Foundation

/// 听证 — a hearing from the party's request through the notification to the record.
public struct Hearing: Hashable, Codable, Sendable {
    /// When the party asked for it.
    public var requestedAt: Date
    /// Who asked (the party or its representative), by name.
    public var requestedBy: String
    /// The notified date, place and chair, once scheduled.
    public var schedule: HearingSchedule?
    /// When the hearing notice was given.
    public var notifiedAt: Date?
    /// The record, once held.
    public var record: HearingRecord?
    /// When the record was entered.
    public var heldAt: Date?

    /// Creates the value with every field given.
    public init(
        requestedAt: Date, requestedBy: String, schedule: HearingSchedule? = nil, notifiedAt: Date? = nil,
        record: HearingRecord? = nil, heldAt: Date? = nil
    ) {
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.schedule = schedule
        self.notifiedAt = notifiedAt
        self.record = record
        self.heldAt = heldAt
    }

    /// Whether the hearing has been held.
    public var isHeld: Bool { record != nil }
}
