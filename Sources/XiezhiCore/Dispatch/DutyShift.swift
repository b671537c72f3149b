import Foundation

/// A duty shift (勤务): a unit on a post from one instant to another.
public struct DutyShift: Codable, Sendable, Hashable {
    public var unitID: String
    /// Where the unit stands the shift (a site id of the region, or a free text such as 乍浦港区巡查).
    public var post: String
    public var startsAt: Date
    public var endsAt: Date

    public init(unitID: String, post: String, startsAt: Date, endsAt: Date) {
        self.unitID = unitID
        self.post = post
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// Whether the shift covers `date` (start inclusive, end exclusive).
    public func covers(_ date: Date) -> Bool { startsAt <= date && date < endsAt }

    /// A shift must end after it starts and last at most a day.
    public var isWellFormed: Bool {
        endsAt > startsAt && endsAt.timeIntervalSince(startsAt) <= 24 * 3600 && !post.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
