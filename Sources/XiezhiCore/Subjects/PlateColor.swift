/// 车牌颜色 — a plate's colour, with the numeric code JT/T 808-2019 terminals send (JT/T 697.7-2014 codes).
///
/// Codes, as in the project's JT/T 808 notes (§2.3, secondary source QuecPython/jtt808): 1 blue, 2 yellow, 3 black,
/// 4 white, 5 green, 9 other; 0 on the wire means "not yet plated" and is not a colour (``init(jt808Code:)`` gives `nil`).
/// Both new-energy plates are `green` (code 5): the small plate's gradient green (渐变绿) and the large plate's
/// yellow-green (黄绿双拼色) have no code of their own in those notes, so the Chinese names of both parse to `green`.
/// Some platforms use private codes (e.g. 93/94) for them; those are not accepted until a source for them is found.
public enum PlateColor: String, CaseIterable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// 蓝色 — small vehicles (code 1).
    case blue
    /// 黄色 — large vehicles, trailers, driving-school vehicles (code 2).
    case yellow
    /// 黑色 — foreign-registered, Hong Kong / Macao and consulate vehicles (code 3).
    case black
    /// 白色 — police and other special vehicles (code 4).
    case white
    /// 绿色 — new-energy vehicles, gradient green or yellow-green (code 5).
    case green
    /// 其他 — any other colour (code 9).
    case other

    /// The JT/T 808 / JT/T 697.7 code: 1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other.
    public var jt808Code: Int {
        switch self {
        case .blue: 1
        case .yellow: 2
        case .black: 3
        case .white: 4
        case .green: 5
        case .other: 9
        }
    }

    /// The colour for a JT/T 808 code; `nil` for 0 (not yet plated: the plate field then holds the VIN) and unknown codes.
    public init?(jt808Code: Int) {
        guard let color = Self.allCases.first(where: { $0.jt808Code == jt808Code }) else { return nil }
        self = color
    }

    /// The Chinese name printed in documents, e.g. `黄色`.
    public var chineseName: String {
        switch self {
        case .blue: "蓝色"
        case .yellow: "黄色"
        case .black: "黑色"
        case .white: "白色"
        case .green: "绿色"
        case .other: "其他"
        }
    }

    /// Reads a colour as systems write it: the English case name (`yellow`), a Chinese name with or without 色 / 牌
    /// (`黄`, `黄色`, `黄牌`, `渐变绿`, `黄绿双拼色`), or the JT/T 808 code as digits (`2`).
    ///
    /// Throws `invalid_plate_color` for anything else, including code `0` (unplated).
    public init(_ text: String) throws(DomainError) {
        let trimmed = IdentifierText.removingWhitespace(IdentifierText.foldingFullWidth(text))
        if let color = PlateColor(rawValue: trimmed.lowercased()) {
            self = color
            return
        }
        if let code = Int(trimmed) {
            guard let color = PlateColor(jt808Code: code) else {
                let detail = code == 0 ? " (0 means the vehicle is not yet plated)" : ""
                throw DomainError(
                    code: "invalid_plate_color",
                    reason: "\(code) is not a JT/T 808 plate colour code\(detail); codes are 1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other."
                )
            }
            self = color
            return
        }
        var name = trimmed
        for ending in ["牌", "色"] where name.hasSuffix(ending) && name.count > 1 {
            name.removeLast()
        }
        guard let color = Self.chineseNames[name] else {
            throw DomainError(code: "invalid_plate_color", reason: "'\(text)' is not a plate colour.")
        }
        self = color
    }

    private static let chineseNames: [String: PlateColor] = [
        "蓝": .blue, "黄": .yellow, "黑": .black, "白": .white, "绿": .green,
        "渐变绿": .green, "黄绿": .green, "黄绿双拼": .green, "其他": .other,
    ]

    /// The English case name, e.g. `yellow` (the form used in ``SubjectKey`` strings).
    public var description: String { rawValue }

    /// Decodes the English case name; anything else is refused with `invalid_plate_color`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let color = PlateColor(rawValue: text) else {
            throw DomainError(code: "invalid_plate_color", reason: "'\(text)' is not a plate colour (blue, yellow, black, white, green, other).")
        }
        self = color
    }

    /// Encodes the English case name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
