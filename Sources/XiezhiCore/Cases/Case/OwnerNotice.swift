import Foundation

/// How a non-site violation is made known to the vehicle's owner (浙江省公路条例 Art. 40: by app, SMS or mail,
/// and, where that fails, by announcement on 浙江政务服务网).
public enum OwnerNoticeChannel: String, Codable, Sendable, CaseIterable {
    case app
    case sms
    case mail
    /// 网上公告 — only after an attempt by app, SMS or mail failed.
    case announcement

    public var chineseName: String {
        switch self {
        case .app: "应用程序推送"
        case .sms: "短信"
        case .mail: "邮寄"
        case .announcement: "网上公告"
        }
    }
}

/// One attempt to tell the owner of a non-site violation (违法行为通知车主), and, when it reached them, the day
/// their report period (接受处理期限) ends.
public struct OwnerNotice: Hashable, Codable, Sendable {
    public var channel: OwnerNoticeChannel
    /// When it was sent or published.
    public var at: Date
    public var by: String
    /// Whether it reached the owner (for an announcement: whether it was published).
    public var delivered: Bool
    /// When it reached the owner; for an announcement, when the announcement period ends.
    public var effectiveAt: Date?
    /// The end of the owner's period to come forward: `effectiveAt` plus the jurisdiction's report days.
    public var reportDueAt: Date?
    /// The period applied, with its article.
    public var reportPeriod: StatutoryPeriod?
    /// Delivery receipt, SMS gateway id, tracking number or the announcement's address.
    public var proof: String

    public init(
        channel: OwnerNoticeChannel, at: Date, by: String, delivered: Bool, effectiveAt: Date?, reportDueAt: Date?, reportPeriod: StatutoryPeriod?,
        proof: String
    ) {
        self.channel = channel
        self.at = at
        self.by = by
        self.delivered = delivered
        self.effectiveAt = effectiveAt
        self.reportDueAt = reportDueAt
        self.reportPeriod = reportPeriod
        self.proof = proof
    }
}

extension EnforcementCase {
    /// The owner notice that counts: the last one that reached the owner.
    public var effectiveOwnerNotice: OwnerNotice? {
        (ownerNotices ?? []).last { $0.delivered }
    }

    /// Whether the case waits for the owner: noticed, not yet come forward, report period not over at `date`.
    public func awaitsOwner(at date: Date) -> Bool {
        guard ownerAppearance == nil, let due = effectiveOwnerNotice?.reportDueAt else { return false }
        return date <= due
    }

    /// Whether a decision now is one made from the records (依据记录作出决定): the owner was noticed and did not
    /// come forward within the period.
    public func decidedFromRecords(at date: Date) -> Bool {
        guard ownerAppearance == nil, let due = effectiveOwnerNotice?.reportDueAt else { return false }
        return date > due
    }
}
