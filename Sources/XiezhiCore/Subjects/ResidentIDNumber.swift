/// 公民身份号码 — a resident identity card number (GB 11643-1999), validated; personal data, masked when printed.
///
/// Layout: positions 1–6 the GB/T 2260 division where the number was first issued (it may be a division that no longer
/// exists), 7–14 the birth date `yyyyMMdd`, 15–17 a sequence number (odd for men, even for women; not exposed),
/// 18 the ISO 7064 MOD 11-2 check character: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 on positions 1–17, and
/// (Σ mod 11) = 0 1 2 3 4 5 6 7 8 9 10 maps to `1 0 X 9 8 7 6 5 4 3 2`.
///
/// Normalisation: white space removed, full-width digits folded, a lower-case `x` upper-cased. The 15-digit
/// first-generation numbers are refused (first-generation cards stopped being valid on 2013-01-01). Whether the birth
/// date lies in the past is not checked here: the domain has no clock; compare ``birthDate`` with the case date.
///
/// `description`, `debugDescription` and the reflection mirror show only `330482********1234`; the full number is
/// ``value`` and the JSON encoding (storage needs it; API responses should mask it).
public struct ResidentIDNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The full 18-character number. Personal data: do not log it.
    public let value: String

    /// Normalises and validates `text`; throws `invalid_id_number` saying which position is wrong or which check
    /// character was expected.
    public init(_ text: String) throws(DomainError) {
        let number = IdentifierText.compacted(text)
        try Self.validate(number)
        value = number
    }

    /// The division prefix (positions 1–6), e.g. `330482` (Pinghu).
    public var regionCode: JurisdictionCode { JurisdictionCode(rawValue: String(value.prefix(6)))! }

    /// The birth date (positions 7–14).
    public var birthDate: CalendarDate {
        let digits = Array(value)
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        return CalendarDate(year: number(6..<10), month: number(10..<12), day: number(12..<14))!
    }

    /// The number with positions 7–14 masked: `330482********1234`.
    public var masked: String { String(value.prefix(6)) + String(repeating: "*", count: 8) + String(value.suffix(4)) }

    /// The masked number (never the full one).
    public var description: String { masked }
    /// The masked number (never the full one).
    public var debugDescription: String { "ResidentIDNumber(\(masked))" }
    /// A mirror with the masked number only, so `dump` and test failure messages do not print the full number.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

    /// Orders by the canonical text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// The ISO 7064 MOD 11-2 check character for 17 digits; throws `invalid_id_number` for anything else.
    /// For building test and demo numbers.
    public static func checkCharacter(for first17: String) throws(DomainError) -> Character {
        let digits = Array(first17)
        guard digits.count == 17 else {
            throw refuse("Computing a check character needs 17 digits, got \(digits.count) characters.")
        }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            guard IdentifierText.isDigit(digit) else {
                throw refuse("'\(digit)' at position \(index + 1) must be a digit.")
            }
            sum += Int(digit.asciiValue! - 0x30) * weights[index]
        }
        return checkCharacters[sum % 11]
    }

    /// Decodes a string through ``init(_:)``: a malformed number in JSON is refused with `invalid_id_number`.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the full number (for storage).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: - Private

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    private static func refuse(_ reason: String) -> DomainError {
        DomainError(code: "invalid_id_number", reason: reason)
    }

    /// Error texts never repeat the full number: they may end up in logs.
    private static func validate(_ number: String) throws(DomainError) {
        let characters = Array(number)
        if characters.count == 15, characters.allSatisfy(IdentifierText.isDigit) {
            throw refuse("A 15-digit first-generation number is not accepted (those cards stopped being valid on 2013-01-01); ask for the 18-digit number.")
        }
        guard characters.count == 18 else {
            throw refuse("The number has \(characters.count) characters; a resident ID number has 18.")
        }
        for index in 0..<17 where !IdentifierText.isDigit(characters[index]) {
            throw refuse("'\(characters[index])' at position \(index + 1) must be a digit; only the 18th character may be X.")
        }
        guard IdentifierText.isDigit(characters[17]) || characters[17] == "X" else {
            throw refuse("'\(characters[17])' at position 18 must be a digit or X.")
        }
        let date = String(characters[6..<14])
        let year = Int(String(characters[6..<10]))!, month = Int(String(characters[10..<12]))!
        let day = Int(String(characters[12..<14]))!
        guard CalendarDate(year: year, month: month, day: day) != nil else {
            throw refuse("Positions 7–14 must be a birth date yyyyMMdd; \(date) is not a calendar date.")
        }
        let expected = try checkCharacter(for: String(characters[0..<17]))
        guard characters[17] == expected else {
            throw refuse("The check character (position 18) is \(characters[17]) but ISO 7064 MOD 11-2 gives \(expected).")
        }
    }
}
