/// 省级行政区 — one of the 31 mainland province-level divisions, keyed by the one-character abbreviation (简称)
/// that opens a vehicle plate (GA 36) and an inland ship's name.
///
/// The abbreviation is the one used on plates: 贵 (not 黔), 云 (not 滇), 川 (not 蜀), 陕 (not 秦), 甘 (not 陇).
/// Hong Kong, Macao and Taiwan are not listed: their vehicles enter on 粤Z plates.
public enum Province: String, CaseIterable, Hashable, Codable, Sendable, CustomStringConvertible {
    case beijing = "京"
    case tianjin = "津"
    case hebei = "冀"
    case shanxi = "晋"
    case innerMongolia = "蒙"
    case liaoning = "辽"
    case jilin = "吉"
    case heilongjiang = "黑"
    case shanghai = "沪"
    case jiangsu = "苏"
    case zhejiang = "浙"
    case anhui = "皖"
    case fujian = "闽"
    case jiangxi = "赣"
    case shandong = "鲁"
    case henan = "豫"
    case hubei = "鄂"
    case hunan = "湘"
    case guangdong = "粤"
    case guangxi = "桂"
    case hainan = "琼"
    case chongqing = "渝"
    case sichuan = "川"
    case guizhou = "贵"
    case yunnan = "云"
    case tibet = "藏"
    case shaanxi = "陕"
    case gansu = "甘"
    case qinghai = "青"
    case ningxia = "宁"
    case xinjiang = "新"

    /// Looks a province up by its abbreviation, e.g. `浙`; `nil` for any other character.
    public init?(abbreviation: Character) {
        self.init(rawValue: String(abbreviation))
    }

    /// The one-character abbreviation (简称), e.g. `浙`.
    public var abbreviation: String { rawValue }

    /// The full Chinese name, e.g. `浙江省`, `上海市`, `广西壮族自治区`.
    public var name: String { Self.table[self]!.name }

    /// The two-digit GB/T 2260 province code, e.g. `33` for Zhejiang: the first two digits of every division code in it.
    public var code: String { Self.table[self]!.code }

    /// The abbreviation, e.g. `浙`.
    public var description: String { rawValue }

    /// Decodes the abbreviation; anything else is refused with `invalid_province`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let province = Province(rawValue: text) else {
            throw DomainError(code: "invalid_province", reason: "'\(text)' is not a province abbreviation.")
        }
        self = province
    }

    /// Encodes the abbreviation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Names and GB/T 2260 codes.
    private static let table: [Province: (name: String, code: String)] = [
        .beijing: ("北京市", "11"), .tianjin: ("天津市", "12"), .hebei: ("河北省", "13"), .shanxi: ("山西省", "14"),
        .innerMongolia: ("内蒙古自治区", "15"), .liaoning: ("辽宁省", "21"), .jilin: ("吉林省", "22"),
        .heilongjiang: ("黑龙江省", "23"), .shanghai: ("上海市", "31"), .jiangsu: ("江苏省", "32"),
        .zhejiang: ("浙江省", "33"), .anhui: ("安徽省", "34"), .fujian: ("福建省", "35"), .jiangxi: ("江西省", "36"),
        .shandong: ("山东省", "37"), .henan: ("河南省", "41"), .hubei: ("湖北省", "42"), .hunan: ("湖南省", "43"),
        .guangdong: ("广东省", "44"), .guangxi: ("广西壮族自治区", "45"), .hainan: ("海南省", "46"),
        .chongqing: ("重庆市", "50"), .sichuan: ("四川省", "51"), .guizhou: ("贵州省", "52"), .yunnan: ("云南省", "53"),
        .tibet: ("西藏自治区", "54"), .shaanxi: ("陕西省", "61"), .gansu: ("甘肃省", "62"), .qinghai: ("青海省", "63"),
        .ningxia: ("宁夏回族自治区", "64"), .xinjiang: ("新疆维吾尔自治区", "65"),
    ]

    /// All abbreviations in GB/T 2260 order, for error messages.
    static let allAbbreviations: String = allCases.map(\.rawValue).joined()
}
