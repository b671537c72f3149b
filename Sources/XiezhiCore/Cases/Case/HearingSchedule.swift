import Foundation

/// 听证通知 — when and where the hearing will be held, and who chairs it.
public struct HearingSchedule: Hashable, Codable, Sendable {
    /// When the hearing starts; at least the notice period after the notification (行政处罚法 Art. 64: 7 days).
    public var hearingAt: Date
    /// Where, in Chinese.
    public var place: String
    /// The chair.
    public var chair: HearingOfficial

    /// Creates the value with every field given.
    public init(hearingAt: Date, place: String, chair: HearingOfficial) {
        self.hearingAt = hearingAt
        self.place = place
        self.chair = chair
    }
}
