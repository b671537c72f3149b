/// 车籍地 — the prefecture-level city whose vehicle administration issued a plate, known from the province
/// abbreviation and the issuing-authority letter (发牌机关代号).
///
/// The table covers the provinces of the Yangtze River Delta collaboration (浙, 沪, 苏, 皖). It is reference data
/// (letter assignments of the public-security vehicle administrations, GB/T 2260 city codes), not a legal number.
/// A letter that is not in the table (an unassigned letter, a province-level office such as 粤O, or 皖Q of the former
/// Chaohu city, abolished in 2011 and split between three cities) has no city: ``PlateNumber/registrationCity`` is `nil`.
public struct RegistrationCity: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The city's Chinese name, e.g. `嘉兴市`.
    public var name: String
    /// The four-digit GB/T 2260 prefix of the city, e.g. `3304`; Shanghai's districts share `3101`.
    public var code: String

    /// A city with its name and four-digit code.
    public init(name: String, code: String) {
        self.name = name
        self.code = code
    }

    /// `嘉兴市 (3304)`.
    public var description: String { "\(name) (\(code))" }

    /// The city for a province and issuing-authority letter, or `nil` when the table does not know it.
    public static func forPlate(province: Province, authorityLetter: Character) -> RegistrationCity? {
        switch province {
        case .shanghai:
            // All 沪 plates are issued by the Shanghai vehicle administration, whatever the letter.
            return RegistrationCity(name: "上海市", code: "3101")
        case .zhejiang: return zhejiang[authorityLetter]
        case .jiangsu: return jiangsu[authorityLetter]
        case .anhui: return anhui[authorityLetter]
        default: return nil
        }
    }

    private static func table(_ entries: [(Character, String, String)]) -> [Character: RegistrationCity] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.0, RegistrationCity(name: $0.1, code: $0.2)) })
    }

    private static let zhejiang = table([
        ("A", "杭州市", "3301"), ("B", "宁波市", "3302"), ("C", "温州市", "3303"), ("D", "绍兴市", "3306"),
        ("E", "湖州市", "3305"), ("F", "嘉兴市", "3304"), ("G", "金华市", "3307"), ("H", "衢州市", "3308"),
        ("J", "台州市", "3310"), ("K", "丽水市", "3311"), ("L", "舟山市", "3309"),
    ])

    private static let jiangsu = table([
        ("A", "南京市", "3201"), ("B", "无锡市", "3202"), ("C", "徐州市", "3203"), ("D", "常州市", "3204"),
        ("E", "苏州市", "3205"), ("F", "南通市", "3206"), ("G", "连云港市", "3207"), ("H", "淮安市", "3208"),
        ("J", "盐城市", "3209"), ("K", "扬州市", "3210"), ("L", "镇江市", "3211"), ("M", "泰州市", "3212"),
        ("N", "宿迁市", "3213"), ("U", "苏州市", "3205"),
    ])

    private static let anhui = table([
        ("A", "合肥市", "3401"), ("B", "芜湖市", "3402"), ("C", "蚌埠市", "3403"), ("D", "淮南市", "3404"),
        ("E", "马鞍山市", "3405"), ("F", "淮北市", "3406"), ("G", "铜陵市", "3407"), ("H", "安庆市", "3408"),
        ("J", "黄山市", "3410"), ("K", "阜阳市", "3412"), ("L", "宿州市", "3413"), ("M", "滁州市", "3411"),
        ("N", "六安市", "3415"), ("P", "宣城市", "3418"), ("R", "池州市", "3417"), ("S", "亳州市", "3416"),
    ])
}
