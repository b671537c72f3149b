/// The kinds of administrative penalty a transport case can impose (行政处罚法 Art. 9, the ones transport agencies use).
public enum MeasureKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 警告 — warning.
    case warning
    /// 罚款 — fine.
    case fine
    /// 没收违法所得、没收非法财物 — confiscation of illegal gains or property.
    case confiscation
    /// 暂扣许可证件 — suspension of a licence or certificate (e.g. 道路运输证).
    case suspension
    /// 吊销许可证件 — revocation of a licence or certificate.
    case revocation
    /// 责令停产停业 — order to stop production or business.
    case productionHalt = "production_halt"

    /// The Chinese name printed on documents.
    public var chineseName: String {
        switch self {
        case .warning: "警告"
        case .fine: "罚款"
        case .confiscation: "没收"
        case .suspension: "暂扣许可证件"
        case .revocation: "吊销许可证件"
        case .productionHalt: "责令停产停业"
        }
    }
}
