import Foundation

/// The replay defence of the inbox: a message is taken only when its `sent_at` lies within ``seconds`` of the
/// receiver's clock, and a message id seen before is a replay when it comes back with the same `sent_at` (the same
/// signed bytes) — a sender's retry signs a new `sent_at` and is acknowledged without a second effect.
public struct ReplayWindow: Hashable, Sendable {
    /// Half-width of the window in seconds.
    public var seconds: TimeInterval

    public init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    /// What the inbox already knows of a message id.
    public struct Seen: Hashable, Sendable {
        public var bodySHA256: String
        public var sentAt: [String]

        public init(bodySHA256: String, sentAt: [String]) {
            self.bodySHA256 = bodySHA256
            self.sentAt = sentAt
        }
    }

    public enum Verdict: Hashable, Sendable {
        /// New: apply its effect.
        case new
        /// A redelivery of a message already applied: acknowledge, do nothing.
        case duplicate
    }

    /// Judges an envelope (whose signature was already checked) against the clock and what was seen.
    public func judge(sentAt text: String, sentAtDate: Date?, bodySHA256: String, seen: Seen?, now: Date) throws(FederationRefusal) -> Verdict {
        guard let sent = sentAtDate else {
            throw FederationRefusal(.malformedEnvelope, "sent_at '\(text)' is not an ISO 8601 UTC time")
        }
        guard abs(sent.timeIntervalSince(now)) <= seconds else {
            throw FederationRefusal(
                .outsideWindow, "sent_at \(text) is more than \(Int(seconds)) s from this node's clock (\(UTCTimeText.withMilliseconds(now))); replay or clock skew")
        }
        guard let seen else { return .new }
        guard seen.bodySHA256 == bodySHA256 else {
            throw FederationRefusal(.messageIdConflict, "message id was already used for a different body")
        }
        if seen.sentAt.contains(text) {
            throw FederationRefusal(.replay, "this exact message (same id and sent_at) was already received")
        }
        return .duplicate
    }
}
