/// 送达方式 — how a decision reaches the party (交通运输行政执法程序规定 Art. 18; 民事诉讼法).
public enum ServiceMethod: String, CaseIterable, Hashable, Codable, Sendable {
    /// 直接送达 — handed to the party (including on the spot).
    case direct
    /// 留置送达 — left at the party's address when it refuses to sign.
    case leftAtAddress = "left_at_address"
    /// 邮寄送达 — by post; served when received.
    case mail
    /// 电子送达 — only with the party's recorded consent (送达地址确认书).
    case electronic
    /// 委托送达 — by another agency on request (e.g. a partner jurisdiction, 送达互助).
    case commissioned
    /// 公告送达 — by announcement; deemed served when the announcement period ends.
    case announcement

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .direct: "直接送达"
        case .leftAtAddress: "留置送达"
        case .mail: "邮寄送达"
        case .electronic: "电子送达"
        case .commissioned: "委托送达"
        case .announcement: "公告送达"
        }
    }
}
