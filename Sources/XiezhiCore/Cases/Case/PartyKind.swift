/// 当事人类型 — whether the party is a natural person or an organisation; thresholds differ (行政处罚法 Arts. 51, 63).
public enum PartyKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 公民 — an individual.
    case individual
    /// 法人或者其他组织 — a legal person or other organisation.
    case organisation

    /// The Chinese name.
    public var chineseName: String { self == .individual ? "公民" : "法人或者其他组织" }
}
