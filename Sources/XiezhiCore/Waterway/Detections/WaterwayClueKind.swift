/// 水上违法线索种类 — what a waterway detector found.
public enum WaterwayClueKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// AIS关闭过卡 — a ship that must carry AIS passed a checkpoint with no AIS position near the line.
    case aisOffAtCheckpoint = "ais_off_at_checkpoint"
    /// AIS信号中断 — an underway ship inside coverage went silent longer than the threshold.
    case aisGap = "ais_gap"
    /// 套牌/克隆身份 — one name or MMSI in two places faster than a ship can travel, or a measurement that contradicts
    /// the name's fingerprint.
    case clonedIdentity = "cloned_identity"
    /// 遮挡/无船名 — no name read, but the fingerprint matches a known ship.
    case nameConcealed = "name_concealed"
    /// 夜间违规作业 — underway or passing where and when a night restriction forbids it.
    case nightOperation = "night_operation"
    /// 渣土船疑似偷倒 — a muck ship stopped too long outside the approved unloading sites.
    case suspectedDumping = "suspected_dumping"
    /// 危险品船禁停区段停泊 — a dangerous-goods ship stopped too long in a forbidden segment.
    case dangerousGoodsForbiddenStop = "dangerous_goods_forbidden_stop"
    /// 超长船舶进入限制航段 — a ship longer than a segment allows entered it.
    case overlengthInRestrictedSegment = "overlength_in_restricted_segment"

    /// The Chinese name, e.g. `AIS关闭过卡`.
    public var chineseName: String {
        switch self {
        case .aisOffAtCheckpoint: "AIS关闭过卡"
        case .aisGap: "AIS信号中断"
        case .clonedIdentity: "套牌/克隆身份"
        case .nameConcealed: "遮挡/无船名"
        case .nightOperation: "夜间违规作业"
        case .suspectedDumping: "渣土船疑似偷倒"
        case .dangerousGoodsForbiddenStop: "危险品船禁停区段停泊"
        case .overlengthInRestrictedSegment: "超长船舶进入限制航段"
        }
    }
}
