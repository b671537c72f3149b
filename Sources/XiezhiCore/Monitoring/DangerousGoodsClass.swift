/// 危险货物类别 — the class or division of a dangerous good (GB 6944-2012 / UN Model Regulations), e.g. `3`, `2.1`, `6.1`.
///
/// Accepts the nine class numbers and the divisions 1.1–1.6, 2.1–2.3, 4.1–4.3, 5.1–5.2, 6.1–6.2. Encoded as the text.
public struct DangerousGoodsClass: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The class or division as written, e.g. `2.1`.
    public let code: String

    /// The codes GB 6944-2012 defines.
    static let codes: Set<String> = [
        "1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
        "2", "2.1", "2.2", "2.3",
        "3",
        "4", "4.1", "4.2", "4.3",
        "5", "5.1", "5.2",
        "6", "6.1", "6.2",
        "7", "8", "9",
    ]

    /// Parses a class or division; throws `invalid_dangerous_goods_class` for anything else.
    public init(_ text: String) throws(DomainError) {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard Self.codes.contains(code) else {
            throw DomainError(code: "invalid_dangerous_goods_class",
                              reason: "'\(text)' is not a dangerous-goods class or division of GB 6944 (1–9, e.g. 3, 2.1, 6.1).")
        }
        self.code = code
    }

    /// The class number, 1–9.
    public var classNumber: Int { Int(code.prefix(1))! }

    /// The class's Chinese name (GB 6944-2012), e.g. `易燃液体`.
    public var chineseName: String {
        switch classNumber {
        case 1: "爆炸品"
        case 2: "气体"
        case 3: "易燃液体"
        case 4: "易燃固体、易于自燃的物质、遇水放出易燃气体的物质"
        case 5: "氧化性物质和有机过氧化物"
        case 6: "毒性物质和感染性物质"
        case 7: "放射性物质"
        case 8: "腐蚀性物质"
        default: "杂项危险物质和物品"
        }
    }

    /// The code, e.g. `2.1`.
    public var description: String { code }

    /// Decodes through ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
