import Foundation
import Testing
@testable import XiezhiCore

@Suite("UnifiedSocialCreditCode — 统一社会信用代码 (GB 32100-2015)")
struct UnifiedSocialCreditCodeTests {
    /// Real published codes, each verified by hand (both check characters) before being written here:
    ///
    /// 华为技术有限公司 914403001922038216 — values × weights (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28):
    ///   9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24 + 8·10 + 2·30
    ///   + 1·28 = 831; 831 mod 31 = 25; 31 − 25 = 6 → `6`. Organisation code 19220382: 1·3 + 9·7 + 2·9 + 2·10 + 0·5
    ///   + 3·8 + 8·4 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1 → `1`.
    /// 腾讯科技（深圳）有限公司 91440300708461136T — sum 966, mod 31 = 5, 31 − 5 = 26 → `T`; organisation code
    ///   70846113: sum 181, mod 11 = 5, 11 − 5 = 6 → `6`.
    /// 小米科技有限责任公司 91110108551385082Q — sum 999, mod 31 = 7, 24 → `Q`; 55138508: sum 185, mod 11 = 9 → `2`.
    /// 中国石油天然气股份有限公司 (PetroChina; the GLEIF record of LEI 529900RPY4YG47TRSV05 gives it as
    ///   registeredAs) 91110000710925462X — sum 746, mod 31 = 2, 29 → `X`; 71092546: sum 196, mod 11 = 9 → `2`.
    static let publishedCodes: [(code: String, company: String, division: String, type: String?)] = [
        ("914403001922038216", "华为技术有限公司", "440300", "企业"),
        ("91440300708461136T", "腾讯科技（深圳）有限公司", "440300", "企业"),
        ("91110108551385082Q", "小米科技有限责任公司", "110108", "企业"),
        ("91110000710925462X", "中国石油天然气股份有限公司", "110000", "企业"),
    ]

    @Test("real published codes validate", arguments: publishedCodes)
    func published(entry: (code: String, company: String, division: String, type: String?)) throws {
        let code = try UnifiedSocialCreditCode(entry.code)
        #expect(code.value == entry.code)
        #expect(code.administrativeDivision.rawValue == entry.division)
        #expect(code.registrationAuthority == "9")
        #expect(code.registrationAuthorityName == "工商")
        #expect(code.organisationTypeName == entry.type)
        #expect(code.checkCharacter == entry.code.last)
    }

    @Test("parts of Huawei's code")
    func parts() throws {
        let code = try UnifiedSocialCreditCode("914403001922038216")
        #expect(code.registrationAuthority == "9")
        #expect(code.organisationType == "1")
        #expect(code.administrativeDivision == JurisdictionCode(rawValue: "440300"))
        #expect(code.administrativeDivision.provincePrefix == "44")
        #expect(code.organisationCode == "192203821")
        #expect(code.formattedOrganisationCode == "19220382-1")
        #expect(code.checkCharacter == "6")
    }

    /// Codes built by the algorithm (offline, then cross-checked by the static functions below), covering the
    /// edge values of both checks: organisation check 11 → `0` and 10 → `X`, whole-code check 31 → `0`.
    @Test("constructed codes", arguments: [
        ("91330482MA2B3C4D1J", "330482", "企业"),
        ("91330421123456788D", "330421", "企业"),
        ("92310116MA1FL8XY72", "310116", "个体工商户"),
        ("52330400MA27U0XK41", "330400", "民办非企业单位"),
        ("91330400000000000Q", "330400", "企业"),
        ("9133040210000018XQ", "330402", "企业"),
        ("9133040210000034X0", "330402", "企业"),
    ])
    func constructed(text: String, division: String, type: String) throws {
        let code = try UnifiedSocialCreditCode(text)
        #expect(code.administrativeDivision.rawValue == division)
        #expect(code.organisationTypeName == type)
        let characters = Array(text)
        #expect(try UnifiedSocialCreditCode.checkCharacter(for: String(characters[0..<17])) == characters[17])
        #expect(try UnifiedSocialCreditCode.organisationCodeCheckCharacter(for: String(characters[8..<16])) == characters[16])
    }

    @Test("building a code from parts with the check functions")
    func building() throws {
        let body = "MA2B3C4D"
        let organisationCheck = try UnifiedSocialCreditCode.organisationCodeCheckCharacter(for: body)
        let first17 = "91330482" + body + String(organisationCheck)
        let check = try UnifiedSocialCreditCode.checkCharacter(for: first17)
        #expect(try UnifiedSocialCreditCode(first17 + String(check)).value == "91330482MA2B3C4D1J")
    }

    @Test("weights are 3^(i-1) mod 31: a single 1 at position i gives check 31 − weight")
    func weights() throws {
        let expectedWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        for (index, weight) in expectedWeights.enumerated() {
            var characters = Array(repeating: Character("0"), count: 17)
            characters[index] = "1"
            let check = try UnifiedSocialCreditCode.checkCharacter(for: String(characters))
            #expect(check == UnifiedSocialCreditCode.characterSet[31 - weight])
        }
    }

    @Test("normalisation: lower case, surrounding and inner white space, full width", arguments: [
        "91330482ma2b3c4d1j", "  91330482MA2B3C4D1J\n", "9133 0482 MA2B 3C4D 1J", "９１３３０４８２ＭＡ２Ｂ３Ｃ４Ｄ１Ｊ",
    ])
    func normalisation(text: String) throws {
        #expect(try UnifiedSocialCreditCode(text).value == "91330482MA2B3C4D1J")
    }

    @Test("refusals name the problem and the expected check character", arguments: [
        ("91440300192203821", "has 17 characters; a unified social credit code has 18"),
        ("9144030019220382166", "has 19 characters"),
        ("", "has 0 characters"),
        ("91440300I92203821X", "'I' at position 9 of '91440300I92203821X' is not in the GB 32100 character set"),
        ("91440300192203821S", "'S' at position 18"),
        ("914403O01922038216", "'O' at position 7"),
        ("9144A3001922038216", "'A' at position 5 of '9144A3001922038216' must be a digit: positions 3–8 are the administrative division code"),
        ("914403001922038217", "The check character (position 18) of '914403001922038217' is 7 but GB 32100 gives 6."),
        ("91440300708461136A", "is A but GB 32100 gives T"),
        ("9144030019220382", "has 16 characters"),
    ])
    func refusals(text: String, reason: String) {
        let error = #expect(throws: DomainError.self) { try UnifiedSocialCreditCode(text) }
        #expect(error?.code == "invalid_credit_code")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("a code whose whole-code check holds but whose organisation check does not is refused")
    func organisationCheck() throws {
        // Organisation code 19220382 has check 1; write 2 and recompute the 18th character so only GB 11714 fails.
        let first17 = "91440300192203822"
        let check = try UnifiedSocialCreditCode.checkCharacter(for: first17)
        let error = #expect(throws: DomainError.self) { try UnifiedSocialCreditCode(first17 + String(check)) }
        #expect(error?.code == "invalid_credit_code")
        #expect(error?.reason.contains("The organisation code 19220382-2") == true)
        #expect(error?.reason.contains("has check character 2 (position 17) but GB 11714 gives 1") == true)
    }

    @Test("position 17 must be a digit or X even when the whole-code check holds")
    func organisationCheckCharacterShape() throws {
        let first17 = "91330482MA2B3C4DA"
        let check = try UnifiedSocialCreditCode.checkCharacter(for: first17)
        let error = #expect(throws: DomainError.self) { try UnifiedSocialCreditCode(first17 + String(check)) }
        #expect(error?.reason.contains("Position 17 of '\(first17)\(check)' is the organisation code's check character and must be a digit or X, got A.") == true)
    }

    @Test("JSON: canonical string, validated on decoding")
    func codable() throws {
        let code = try UnifiedSocialCreditCode("914403001922038216")
        #expect(String(decoding: try JSONEncoder().encode(code), as: UTF8.self) == #""914403001922038216""#)
        #expect(try JSONDecoder().decode(UnifiedSocialCreditCode.self, from: Data(#""91440300708461136t""#.utf8)).value == "91440300708461136T")
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(UnifiedSocialCreditCode.self, from: Data(#""914403001922038217""#.utf8))
        }
        #expect(error?.code == "invalid_credit_code")
    }
}
