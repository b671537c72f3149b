/// 证据种类 — the kinds of evidence the law recognises (行政处罚法 Art. 46).
public enum EvidenceKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 书证 — documents.
    case documentary
    /// 物证 — physical evidence.
    case physical
    /// 视听资料 — audio-visual material.
    case audioVisual = "audio_visual"
    /// 电子数据 — electronic data (WIM records, JT/T 808 tracks, AIS).
    case electronicData = "electronic_data"
    /// 证人证言 — witness testimony.
    case witness
    /// 当事人的陈述 — the party's statement.
    case partyStatement = "party_statement"
    /// 鉴定意见 — expert opinion (e.g. a weighing-equipment calibration).
    case expertOpinion = "expert_opinion"
    /// 勘验笔录、现场笔录 — inspection and on-site records.
    case inspectionRecord = "inspection_record"

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .documentary: "书证"
        case .physical: "物证"
        case .audioVisual: "视听资料"
        case .electronicData: "电子数据"
        case .witness: "证人证言"
        case .partyStatement: "当事人的陈述"
        case .expertOpinion: "鉴定意见"
        case .inspectionRecord: "勘验笔录、现场笔录"
        }
    }
}
