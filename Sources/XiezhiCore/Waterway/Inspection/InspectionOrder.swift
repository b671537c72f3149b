import Foundation

/// 受检指令 — an order given to a ship to stop for inspection, as the officer recorded it: how the ship was called
/// (VHF channel or phone), when, what the ship answered and what came of it.
public struct InspectionOrder: Hashable, Codable, Sendable {
    /// How the ship was called.
    public enum Channel: String, CaseIterable, Hashable, Codable, Sendable {
        /// 甚高频 — VHF radio, on ``InspectionOrder/vhfChannel``.
        case vhf
        /// 电话 — telephone, to ``InspectionOrder/phone``.
        case phone

        /// The Chinese name.
        public var chineseName: String { self == .vhf ? "甚高频（VHF）" : "电话" }
    }

    /// What came of the order.
    public enum Outcome: String, CaseIterable, Hashable, Codable, Sendable {
        /// 已按指令停船受检.
        case complied
        /// 已应答，正在驶往指定地点.
        case proceeding
        /// 拒不停船受检.
        case refused
        /// 无应答.
        case noAnswer = "no_answer"

        /// The Chinese name.
        public var chineseName: String {
            switch self {
            case .complied: "已按指令停船受检"
            case .proceeding: "已应答，正驶往指定地点受检"
            case .refused: "拒不停船受检"
            case .noAnswer: "无应答"
            }
        }
    }

    /// How the ship was called.
    public var channel: Channel
    /// The VHF channel (1–88 on the marine band), for ``Channel/vhf``.
    public var vhfChannel: Int?
    /// The number called, for ``Channel/phone``.
    public var phone: String?
    /// When the order was given (UTC).
    public var orderedAt: Date
    /// Where the ship was told to stop, in Chinese (a berth, an anchorage, a checkpoint).
    public var stopAtZh: String?
    /// What the ship answered, in Chinese (empty when it did not answer).
    public var answerZh: String?
    /// What came of it.
    public var outcome: Outcome
    /// Remarks.
    public var noteZh: String?

    /// The marine VHF channels.
    public static let vhfChannels = 1...88

    /// An order; throws `invalid_inspection_order` when the channel's detail is missing or wrong, or a ship that
    /// answered has no answer recorded.
    public init(
        channel: Channel, vhfChannel: Int? = nil, phone: String? = nil, orderedAt: Date, stopAtZh: String? = nil, answerZh: String? = nil,
        outcome: Outcome, noteZh: String? = nil
    ) throws(DomainError) {
        func refuse(_ reason: String) -> DomainError { DomainError(code: "invalid_inspection_order", reason: reason) }
        let phone = phone.map { IdentifierText.removingWhitespace($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let answer = answerZh?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        switch channel {
        case .vhf:
            guard let vhfChannel, Self.vhfChannels.contains(vhfChannel) else {
                throw refuse("an order over VHF names the channel, 1–88")
            }
        case .phone:
            guard let phone, phone.count >= 5, phone.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) else {
                throw refuse("an order by phone names the number called (digits, '-', '+')")
            }
        }
        if outcome != .noAnswer, answer == nil {
            throw refuse("record what the ship answered (outcome '\(outcome.rawValue)' means it answered)")
        }
        self.channel = channel
        self.vhfChannel = channel == .vhf ? vhfChannel : nil
        self.phone = channel == .phone ? phone : nil
        self.orderedAt = orderedAt
        self.stopAtZh = stopAtZh?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        self.answerZh = answer
        self.outcome = outcome
        self.noteZh = noteZh?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    private enum CodingKeys: String, CodingKey { case channel, vhfChannel, phone, orderedAt, stopAtZh, answerZh, outcome, noteZh }

    /// Decodes through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            channel: c.decode(Channel.self, forKey: .channel), vhfChannel: c.decodeIfPresent(Int.self, forKey: .vhfChannel),
            phone: c.decodeIfPresent(String.self, forKey: .phone), orderedAt: c.decode(Date.self, forKey: .orderedAt),
            stopAtZh: c.decodeIfPresent(String.self, forKey: .stopAtZh), answerZh: c.decodeIfPresent(String.self, forKey: .answerZh),
            outcome: c.decode(Outcome.self, forKey: .outcome), noteZh: c.decodeIfPresent(String.self, forKey: .noteZh))
    }

    /// One line for a case's facts: `2026-04-01 10:00 经甚高频（VHF）16频道责令在…停船受检，船方答复：…；结果：…。`
    public var summaryZh: String {
        let how = channel == .vhf ? "经\(channel.chineseName)\(vhfChannel ?? 0)频道" : "经电话（\(phone ?? "")）"
        let place = stopAtZh.map { "在\($0)" } ?? ""
        let answer = answerZh.map { "船方答复：\($0)；" } ?? "船方未应答；"
        return "\(ChinaTime.format(orderedAt)) \(how)责令\(place)停船受检，\(answer)结果：\(outcome.chineseName)。"
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
