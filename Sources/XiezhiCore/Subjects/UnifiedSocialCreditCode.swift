/// 统一社会信用代码 — the unified social credit code of an organisation (GB 32100-2015), validated, e.g.
/// `914403001922038216`.
///
/// Layout (positions 1-based):
/// - 1: registration-authority code (登记管理部门码), e.g. `9` market regulation (工商);
/// - 2: organisation-type code (机构类别码), e.g. `1` enterprise under `9`;
/// - 3–8: the GB/T 2260 administrative division of the registering authority (登记管理机关行政区划码);
/// - 9–17: the organisation code (主体标识码, GB 11714-1997): eight characters and their own check character;
/// - 18: the check character of the whole code.
///
/// Characters come from the 31-character set `0-9 A-H J-N P-R T-U W-Y` (no I, O, S, V, Z), worth 0…30 in that order.
/// The 18th character: weights Wᵢ = 3^(i−1) mod 31 for positions 1…17, check = 31 − (Σ value × Wᵢ mod 31), 31 → `0`.
/// The 17th character checks positions 9–16 by GB 11714: character values (digits 0–9, letters A = 10 … Z = 35),
/// weights 3 7 9 10 5 8 4 2, check = 11 − (Σ mod 11), 10 → `X`, 11 → `0`. Both are verified, and a failure names the
/// expected character.
///
/// Normalisation: white space is removed, full-width forms are folded, letters are upper-cased. The registration-authority
/// and type codes are not checked against a list (departments have been added to GB 32100 since 2015); the names of
/// the known ones are offered by ``registrationAuthorityName`` and ``organisationTypeName``.
public struct UnifiedSocialCreditCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical 18-character code.
    public let value: String

    /// The 31 characters of GB 32100, in value order.
    public static let characterSet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// Normalises and validates `text`; throws `invalid_credit_code` saying which character is wrong, or which check
    /// character was expected.
    public init(_ text: String) throws(DomainError) {
        let code = IdentifierText.compacted(text)
        try Self.validate(code)
        value = code
    }

    /// 登记管理部门码 — position 1, e.g. `9`.
    public var registrationAuthority: Character { character(at: 1) }

    /// 机构类别码 — position 2, e.g. `1`.
    public var organisationType: Character { character(at: 2) }

    /// The registering authority's department, e.g. `工商` for `9`; `nil` when the code is not in the known list.
    public var registrationAuthorityName: String? { Self.authorityNames[registrationAuthority] }

    /// The organisation type, e.g. `企业` for `91`, `个体工商户` for `92`; `nil` when not in the known list.
    public var organisationTypeName: String? {
        Self.typeNames[String([registrationAuthority, organisationType])]
    }

    /// 登记管理机关行政区划码 — positions 3–8, e.g. `440300` (Shenzhen) or `110000` (registered at national level).
    public var administrativeDivision: JurisdictionCode {
        JurisdictionCode(rawValue: slice(3...8))!
    }

    /// 主体标识码 — positions 9–17: the GB 11714 organisation code with its check character, e.g. `192203821`.
    public var organisationCode: String { slice(9...17) }

    /// The organisation code written the GB 11714 way, `19220382-1`.
    public var formattedOrganisationCode: String { "\(slice(9...16))-\(slice(17...17))" }

    /// The 18th character, the check character of the whole code.
    public var checkCharacter: Character { character(at: 18) }

    /// The canonical code.
    public var description: String { value }

    /// Orders by the canonical text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// Decodes a string through ``init(_:)``: a malformed code in JSON is refused with `invalid_credit_code`.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the canonical string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: - Check characters

    /// The GB 32100 check character (position 18) for the first 17 characters; throws `invalid_credit_code` if
    /// `first17` is not 17 characters of the character set. For building test and demo codes.
    public static func checkCharacter(for first17: String) throws(DomainError) -> Character {
        let characters = Array(first17)
        guard characters.count == 17 else {
            throw refuse("Computing a check character needs 17 characters, got \(characters.count).")
        }
        var sum = 0
        var weight = 1
        for (index, character) in characters.enumerated() {
            guard let value = characterValues[character] else {
                throw refuse("'\(character)' at position \(index + 1) is not in the GB 32100 character set.")
            }
            sum += value * weight
            weight = weight * 3 % 31
        }
        return characterSet[(31 - sum % 31) % 31]
    }

    /// The GB 11714 check character (position 17) for the eight organisation-code characters at positions 9–16;
    /// throws `invalid_credit_code` if `body` is not eight digits or capital letters.
    public static func organisationCodeCheckCharacter(for body: String) throws(DomainError) -> Character {
        let characters = Array(body)
        guard characters.count == 8 else {
            throw refuse("Computing an organisation-code check character needs 8 characters, got \(characters.count).")
        }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (index, character) in characters.enumerated() {
            let value: Int
            if IdentifierText.isDigit(character) {
                value = Int(character.asciiValue! - 0x30)
            } else if IdentifierText.isUppercaseLetter(character) {
                value = Int(character.asciiValue! - 0x41) + 10
            } else {
                throw refuse("'\(character)' is not a digit or capital letter of an organisation code.")
            }
            sum += value * weights[index]
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    // MARK: - Private

    private static let characterValues: [Character: Int] = Dictionary(
        uniqueKeysWithValues: characterSet.enumerated().map { ($0.element, $0.offset) }
    )

    private static func refuse(_ reason: String) -> DomainError {
        DomainError(code: "invalid_credit_code", reason: reason)
    }

    private func character(at position: Int) -> Character {
        value[value.index(value.startIndex, offsetBy: position - 1)]
    }

    private func slice(_ positions: ClosedRange<Int>) -> String {
        let start = value.index(value.startIndex, offsetBy: positions.lowerBound - 1)
        let end = value.index(value.startIndex, offsetBy: positions.upperBound)
        return String(value[start..<end])
    }

    private static func validate(_ code: String) throws(DomainError) {
        let characters = Array(code)
        guard characters.count == 18 else {
            throw refuse("'\(code)' has \(characters.count) characters; a unified social credit code has 18.")
        }
        for (index, character) in characters.enumerated() where characterValues[character] == nil {
            throw refuse("'\(character)' at position \(index + 1) of '\(code)' is not in the GB 32100 character set (digits and capital letters except I, O, S, V, Z).")
        }
        for index in 2...7 where !IdentifierText.isDigit(characters[index]) {
            throw refuse("'\(characters[index])' at position \(index + 1) of '\(code)' must be a digit: positions 3–8 are the administrative division code.")
        }
        let expected = try checkCharacter(for: String(characters[0..<17]))
        guard characters[17] == expected else {
            throw refuse("The check character (position 18) of '\(code)' is \(characters[17]) but GB 32100 gives \(expected).")
        }
        let organisationCheck = characters[16]
        guard IdentifierText.isDigit(organisationCheck) || organisationCheck == "X" else {
            throw refuse("Position 17 of '\(code)' is the organisation code's check character and must be a digit or X, got \(organisationCheck).")
        }
        let expectedOrganisationCheck = try organisationCodeCheckCharacter(for: String(characters[8..<16]))
        guard organisationCheck == expectedOrganisationCheck else {
            throw refuse("The organisation code \(String(characters[8..<16]))-\(organisationCheck) in '\(code)' has check character \(organisationCheck) (position 17) but GB 11714 gives \(expectedOrganisationCheck).")
        }
    }

    /// 登记管理部门码: 1, 5, 9, Y from GB 32100-2015 Appendix A; the others as added later (secondary sources).
    private static let authorityNames: [Character: String] = [
        "1": "机构编制", "2": "外交", "3": "司法行政", "4": "文化", "5": "民政", "6": "旅游", "7": "宗教",
        "8": "工会", "9": "工商", "A": "中央军委改革和编制办公室", "N": "农业", "Y": "其他",
    ]

    /// 机构类别码 per registration authority (same sources as ``authorityNames``).
    private static let typeNames: [String: String] = [
        "11": "机关", "12": "事业单位", "13": "中央编办直接管理机构编制的群众团体", "19": "其他",
        "21": "外国常驻新闻机构", "29": "其他",
        "31": "律师执业机构", "32": "公证处", "33": "基层法律服务所", "34": "司法鉴定机构", "35": "仲裁委员会", "39": "其他",
        "41": "外国在华文化中心", "49": "其他",
        "51": "社会团体", "52": "民办非企业单位", "53": "基金会", "59": "其他",
        "61": "外国旅游部门常驻代表机构", "62": "港澳台地区旅游部门常驻内地（大陆）代表机构", "69": "其他",
        "71": "宗教活动场所", "72": "宗教院校", "79": "其他",
        "81": "基层工会", "89": "其他",
        "91": "企业", "92": "个体工商户", "93": "农民专业合作社",
        "A1": "军队事业单位", "A9": "其他",
        "N1": "组级集体经济组织", "N2": "村级集体经济组织", "N3": "乡镇级集体经济组织", "N9": "其他",
        "Y1": "其他",
    ]
}
