/// Why no penalty is given (行政处罚法 Arts. 33, 57).
public enum NoPenaltyGround: String, CaseIterable, Hashable, Codable, Sendable {
    /// 首违不罚 — a first violation on the agency's list, harm slight and promptly corrected (Art. 33 ¶1).
    case firstViolation = "first_violation"
    /// 违法行为轻微并及时改正，没有造成危害后果 (Art. 33 ¶1).
    case minorAndCorrected = "minor_and_corrected"
    /// 当事人有证据足以证明没有主观过错 (Art. 33 ¶2).
    case noFault = "no_fault"
    /// 违法事实不能成立 (Art. 57(3)).
    case factsNotEstablished = "facts_not_established"

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .firstViolation: "首违不罚"
        case .minorAndCorrected: "违法行为轻微并及时改正，没有造成危害后果"
        case .noFault: "没有主观过错"
        case .factsNotEstablished: "违法事实不能成立"
        }
    }

    /// Whether education of the party must be recorded (Art. 33 ¶3: 对当事人的违法行为依法不予行政处罚的，应当对当事人进行教育).
    public var requiresEducation: Bool { self == .firstViolation || self == .minorAndCorrected }
}
