/// 船名识别易混字表 — characters a ship-name OCR typically mistakes for each other, with the substitution cost used by
/// ``ShipNameMatcher`` (0 identical … 1 unrelated).
///
/// Symmetric: the cost of reading `a` for `b` is the cost of reading `b` for `a`. The ``standard`` table holds the
/// Latin/digit confusions of painted hull numbers (0/O/D/Q, 1/I/L/7, 2/Z, 5/S, 6/G, 8/B …) and lookalike Chinese
/// characters of inland ship names (货/贷, 嘉/喜, 兴/米, 州/川/洲, 浙/淅 …). Not law: an engineering table, to be tuned
/// with each checkpoint vendor's error statistics.
public struct OCRConfusionTable: Hashable, Sendable {
    /// One symmetric confusion.
    public struct Confusion: Hashable, Sendable {
        /// One character.
        public var first: Character
        /// The character it is mistaken for.
        public var second: Character
        /// The substitution cost, 0–1.
        public var cost: Double
    }

    /// Costs by the packed pair of character codes (lower code in the high half).
    private var costs: [UInt64: Double]
    private var partners: [Character: [Character]]

    /// The key of a pair of character codes, in either order.
    static func key(_ a: UInt32, _ b: UInt32) -> UInt64 {
        a < b ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
    }

    /// A character's code for matching: its scalar value when it is one scalar (every character of a ship name), else a
    /// value above the Unicode range derived from its scalars (such characters are never in the table).
    static func code(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return scalar.value }
        return 0x11_0000 &+ scalars.reduce(UInt32(0)) { ($0 &* 31 &+ $1.value) & 0xF_FFFF }
    }

    /// A table of `(a, b, cost)` confusions; costs are clamped to 0–1, and the lowest cost wins for a pair given twice.
    public init(_ confusions: [(Character, Character, Double)]) {
        costs = [:]
        partners = [:]
        for (a, b, cost) in confusions where a != b {
            let key = Self.key(Self.code(a), Self.code(b))
            let clamped = min(1, max(0, cost))
            if let existing = costs[key] {
                costs[key] = min(existing, clamped)
            } else {
                costs[key] = clamped
                partners[a, default: []].append(b)
                partners[b, default: []].append(a)
            }
        }
        for key in partners.keys { partners[key]!.sort() }
    }

    /// The cost of reading `read` where `actual` is written: 0 when equal, the table's cost for a known confusion, 1
    /// otherwise.
    public func substitutionCost(_ read: Character, _ actual: Character) -> Double {
        if read == actual { return 0 }
        return cost(Self.code(read), Self.code(actual))
    }

    /// The substitution cost between two character codes (``code(_:)``).
    func cost(_ read: UInt32, _ actual: UInt32) -> Double {
        if read == actual { return 0 }
        return costs[Self.key(read, actual)] ?? 1
    }

    /// The characters `character` is known to be confused with, sorted.
    public func confusables(of character: Character) -> [Character] { partners[character] ?? [] }

    /// Every confusion, sorted by its characters.
    public var confusions: [Confusion] {
        costs.compactMap { key, cost -> Confusion? in
            guard let low = Unicode.Scalar(UInt32(key >> 32)), let high = Unicode.Scalar(UInt32(key & 0xFFFF_FFFF)) else { return nil }
            return Confusion(first: Character(low), second: Character(high), cost: cost)
        }
        .sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// The table for inland ship names painted in Chinese characters and digits.
    public static let standard = OCRConfusionTable([
        // Digits and the Latin letters an OCR reads for them.
        ("0", "O", 0.1), ("0", "D", 0.25), ("0", "Q", 0.25), ("O", "D", 0.25), ("O", "Q", 0.2), ("0", "U", 0.4),
        ("1", "I", 0.1), ("1", "L", 0.25), ("1", "7", 0.5), ("1", "T", 0.4), ("I", "L", 0.3), ("7", "T", 0.35),
        ("2", "Z", 0.2), ("5", "S", 0.15), ("6", "G", 0.2), ("6", "B", 0.4), ("8", "B", 0.15), ("3", "B", 0.4),
        ("9", "G", 0.35), ("9", "Q", 0.35), ("4", "A", 0.35),
        // Digits mistaken for digits.
        ("8", "3", 0.5), ("8", "6", 0.5), ("8", "0", 0.5), ("5", "6", 0.55), ("0", "9", 0.55), ("3", "5", 0.55),
        // Digits mistaken for Chinese strokes.
        ("1", "一", 0.3), ("0", "口", 0.35),
        // Province abbreviations.
        ("浙", "淅", 0.2), ("浙", "渐", 0.25), ("浙", "折", 0.3), ("苏", "芬", 0.3), ("苏", "办", 0.35),
        ("皖", "院", 0.35), ("皖", "晥", 0.2), ("沪", "泸", 0.2), ("沪", "护", 0.3), ("鲁", "鱼", 0.35),
        ("赣", "贛", 0.2), ("鄂", "鄠", 0.3), ("湘", "相", 0.35), ("豫", "象", 0.4),
        // Ports and places.
        ("嘉", "喜", 0.3), ("嘉", "加", 0.4), ("兴", "米", 0.3), ("兴", "光", 0.35), ("兴", "共", 0.35),
        ("州", "川", 0.3), ("州", "洲", 0.2), ("州", "卅", 0.3), ("杭", "抗", 0.3), ("杭", "航", 0.3),
        ("湖", "潮", 0.3), ("湖", "胡", 0.3), ("湖", "瑚", 0.25), ("善", "普", 0.3), ("善", "喜", 0.35),
        ("江", "汪", 0.3), ("江", "红", 0.35), ("吴", "昊", 0.3), ("吴", "吕", 0.4), ("宁", "守", 0.3),
        ("宁", "字", 0.35), ("宣", "宜", 0.3), ("城", "成", 0.3), ("桐", "铜", 0.3), ("海", "每", 0.35),
        ("海", "梅", 0.3), ("盐", "监", 0.3), ("平", "乎", 0.3), ("南", "商", 0.35), ("秀", "透", 0.35),
        ("申", "甲", 0.3), ("青", "清", 0.3), ("青", "责", 0.35), ("浦", "蒲", 0.25), ("金", "全", 0.3),
        ("锡", "钖", 0.2), ("通", "诵", 0.3), ("常", "棠", 0.35), ("乡", "多", 0.4), ("善", "差", 0.4),
        // Type characters.
        ("货", "贷", 0.2), ("货", "贺", 0.3), ("货", "资", 0.3), ("油", "汕", 0.3), ("油", "抽", 0.3),
        ("油", "由", 0.35), ("渣", "查", 0.3), ("渣", "喳", 0.3), ("工", "土", 0.3), ("工", "王", 0.35),
        ("运", "远", 0.3), ("运", "云", 0.3), ("客", "容", 0.3), ("客", "各", 0.3), ("驳", "驶", 0.3),
        ("驳", "骏", 0.35), ("拖", "施", 0.3), ("拖", "抱", 0.35), ("化", "代", 0.3), ("化", "仕", 0.35),
        ("渡", "波", 0.35),
    ])
}
