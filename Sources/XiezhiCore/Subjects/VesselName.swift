/// 船名 — an inland ship's registered name such as `浙嘉兴货1234`, `苏吴江货01234`, `皖宣城货3111`, `沪航工368`.
///
/// Form: a province abbreviation, a port or city name (船籍港 / 地名, 1–4 Chinese characters), an optional type
/// character, then the ship's number (1–6 digits, leading zeros kept: `01234` ≠ `1234`).
///
/// Strict where real names do not vary: the name must start with one of the 31 province abbreviations (``Province``),
/// must end with digits, and may hold only Chinese characters between the two. Names of other forms (sea-going names,
/// MSA patrol boats such as 海巡…, names with letters) are refused.
///
/// Permissive where they do: the port name is not checked against a list, and the type character is recognised only
/// when it is one of ``VesselType``'s characters and at least one port character is left before it; any other last
/// character stays part of the port name (`浙嘉善1234` has port `嘉善` and no type).
///
/// Normalisation: white space anywhere is removed and full-width digits are folded (`浙嘉兴货 １２３４` → `浙嘉兴货1234`).
public struct VesselName: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical name, e.g. `浙嘉兴货1234`.
    public let value: String
    /// The province whose abbreviation opens the name.
    public let province: Province
    /// The port or city name, e.g. `嘉兴`, `吴江`, `航`.
    public let port: String
    /// The type character, e.g. `货`; `nil` when the name has none that ``VesselType`` knows.
    public let type: VesselType?
    /// The ship's number as written, e.g. `1234`, `01234`.
    public let number: String

    /// Normalises and validates `text`; throws `invalid_vessel_name` saying what is wrong.
    public init(_ text: String) throws(DomainError) {
        let name = IdentifierText.removingWhitespace(IdentifierText.foldingFullWidth(text))
        let characters = Array(name)
        func refuse(_ reason: String) -> DomainError { DomainError(code: "invalid_vessel_name", reason: reason) }

        guard let first = characters.first else { throw refuse("The ship name is empty.") }
        guard let province = Province(abbreviation: first) else {
            throw refuse("'\(name)' does not start with a province abbreviation (\(Province.allAbbreviations)); an inland ship name does.")
        }
        var digitStart = characters.count
        while digitStart > 1, IdentifierText.isDigit(characters[digitStart - 1]) {
            digitStart -= 1
        }
        let digitCount = characters.count - digitStart
        guard digitCount > 0 else {
            throw refuse("'\(name)' does not end with the ship's number; an inland ship name ends with digits.")
        }
        guard digitCount <= Self.maximumDigits else {
            throw refuse("The number of '\(name)' has \(digitCount) digits; at most \(Self.maximumDigits) are allowed.")
        }
        let middle = Array(characters[1..<digitStart])
        for (offset, character) in middle.enumerated() where !IdentifierText.isChineseCharacter(character) {
            throw refuse("'\(character)' at position \(offset + 2) of '\(name)' is not a Chinese character; between the province and the number only the port name and the type character may stand.")
        }
        guard !middle.isEmpty else {
            throw refuse("'\(name)' has no port name between the province abbreviation and the number.")
        }
        var portCharacters = middle
        var type: VesselType?
        if middle.count >= 2, let last = middle.last, let known = VesselType(rawValue: String(last)) {
            type = known
            portCharacters.removeLast()
        }
        guard portCharacters.count <= Self.maximumPortLength else {
            throw refuse("The port name '\(String(portCharacters))' of '\(name)' has \(portCharacters.count) characters; at most \(Self.maximumPortLength) are allowed.")
        }
        self.value = name
        self.province = province
        self.port = String(portCharacters)
        self.type = type
        self.number = String(characters[digitStart...])
    }

    /// The longest port name accepted, in characters (`马鞍山`, `连云港` have 3; 4 leaves room for county names).
    public static let maximumPortLength = 4
    /// The longest ship number accepted, in digits.
    public static let maximumDigits = 6

    /// The canonical name.
    public var description: String { value }

    /// Orders by the canonical text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    /// Equal when the canonical text is equal (every part is derived from it).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
    /// Hashes the canonical text.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Decodes a string through ``init(_:)``: a malformed name in JSON is refused with `invalid_vessel_name`.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the canonical string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
