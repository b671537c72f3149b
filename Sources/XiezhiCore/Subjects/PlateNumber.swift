/// 机动车号牌号码 — a motor-vehicle plate number under GA 36-2018, validated and held in canonical form (`浙F12345`).
///
/// Normalisation, applied before validation: full-width forms fold to ASCII (`浙Ｆ１２３４５`), white space anywhere is
/// removed (`" 浙F 12345 "`), the separators people and cameras put after the authority letter are removed (`·` `•`
/// `・` `-` `－` `–` `—` `.` and similar dots and dashes), and ASCII letters are upper-cased (`浙f12345`).
///
/// Validation:
/// - position 1: one of the 31 province abbreviations (``Province``). Embassy plates (`使` + 6 digits) and military or
///   armed-police plates are refused: diplomatic vehicles and military vehicles are outside administrative transport
///   enforcement.
/// - position 2: the issuing-authority letter (发牌机关代号), A–Z except I. No vehicle administration is assigned I;
///   O *is* accepted here because some provincial police head offices use it (e.g. 粤O).
/// - the serial (序号), in which GA 36 never uses the letters I and O (they read as 1 and 0):
///   - ordinary plates: 5 digits or letters;
///   - small new-energy plates (小型新能源, gradient green): 6 characters, the first D A B C E (battery electric) or
///     F G H J K (other new energy), the second a digit or letter, the last four digits (D/F from GA 36-2018; the
///     other letters since the 2021 extension of the series);
///   - large new-energy plates (大型新能源, yellow-green): 5 digits then D (battery electric) or F (other);
///   - plates with a trailing class character: 4 digits or letters then 挂 (trailer), 学 (driving-school), 警 (police),
///     领 (consulate), 应急 (emergency rescue), or 港 / 澳 (Hong Kong / Macao vehicles, only on 粤Z plates).
public struct PlateNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical plate, e.g. `浙F12345`, `浙FD12345`, `浙F1234挂`.
    public let value: String
    /// The province whose abbreviation opens the plate.
    public let province: Province
    /// The plate's class as read from its layout.
    public let kind: Kind

    /// 号牌种类 as far as the characters tell it (the colour tells more, see ``PlateColor``).
    public enum Kind: String, CaseIterable, Hashable, Codable, Sendable {
        /// 普通号牌 — ordinary: five serial characters (blue small cars, yellow large vehicles, …).
        case ordinary
        /// 小型新能源汽车号牌 — small new-energy vehicle, gradient green.
        case smallNewEnergy = "small_new_energy"
        /// 大型新能源汽车号牌 — large new-energy vehicle, yellow-green.
        case largeNewEnergy = "large_new_energy"
        /// 挂车号牌 — trailer (挂).
        case trailer
        /// 教练汽车号牌 — driving-school vehicle (学).
        case coach
        /// 警用汽车号牌 — police vehicle (警).
        case police
        /// 粤港入出境车号牌 — Hong Kong vehicle entering through Guangdong (粤Z…港).
        case hongKong = "hong_kong"
        /// 粤澳入出境车号牌 — Macao vehicle entering through Guangdong (粤Z…澳).
        case macao
        /// 领馆汽车号牌 — consulate vehicle (领).
        case consulate
        /// 应急救援专用号牌 — emergency-rescue vehicle (应急).
        case emergency

        /// The trailing class characters, e.g. `挂`; `nil` for ordinary and new-energy plates.
        public var suffix: String? {
            switch self {
            case .ordinary, .smallNewEnergy, .largeNewEnergy: nil
            case .trailer: "挂"
            case .coach: "学"
            case .police: "警"
            case .hongKong: "港"
            case .macao: "澳"
            case .consulate: "领"
            case .emergency: "应急"
            }
        }

        /// The Chinese name of the plate class, e.g. `挂车号牌`.
        public var chineseName: String {
            switch self {
            case .ordinary: "普通号牌"
            case .smallNewEnergy: "小型新能源汽车号牌"
            case .largeNewEnergy: "大型新能源汽车号牌"
            case .trailer: "挂车号牌"
            case .coach: "教练汽车号牌"
            case .police: "警用汽车号牌"
            case .hongKong: "粤港入出境车号牌"
            case .macao: "粤澳入出境车号牌"
            case .consulate: "领馆汽车号牌"
            case .emergency: "应急救援专用号牌"
            }
        }
    }

    /// 新能源 powertrain class, read from the D/F-series letter of a new-energy plate.
    public enum NewEnergyPowertrain: String, Hashable, Codable, Sendable {
        /// 纯电动 — battery electric (D, or A B C E on small plates).
        case batteryElectric = "battery_electric"
        /// 非纯电动 — plug-in hybrid, range-extended or fuel cell (F, or G H J K on small plates).
        case otherNewEnergy = "other_new_energy"
    }

    /// Normalises and validates `text`; throws `invalid_plate` saying which character at which position is wrong.
    public init(_ text: String) throws(DomainError) {
        let plate = Self.normalised(text)
        let characters = Array(plate)
        (province, kind) = try Self.validate(characters, plate: plate)
        value = plate
    }

    /// The one-character abbreviation, e.g. `浙`.
    public var provinceAbbreviation: String { province.abbreviation }
    /// The province's full name, e.g. `浙江省`.
    public var provinceName: String { province.name }
    /// The province's two-digit GB/T 2260 code, e.g. `33`.
    public var provinceCode: String { province.code }

    /// 发牌机关代号 — the issuing-authority letter, e.g. `F` in `浙F12345`.
    public var authorityLetter: Character { value[value.index(after: value.startIndex)] }

    /// 序号 — the serial after the authority letter, without a trailing class character: `12345`, `D12345`, `1234`.
    public var serial: String {
        let afterLetter = value.dropFirst(2)
        return String(afterLetter.dropLast(kind.suffix?.count ?? 0))
    }

    /// The city that issued the plate, e.g. 嘉兴市 (3304) for 浙F; `nil` outside the table in ``RegistrationCity``.
    public var registrationCity: RegistrationCity? {
        RegistrationCity.forPlate(province: province, authorityLetter: authorityLetter)
    }

    /// `true` for small and large new-energy plates.
    public var isNewEnergy: Bool { kind == .smallNewEnergy || kind == .largeNewEnergy }

    /// `true` for trailer plates (挂).
    public var isTrailer: Bool { kind == .trailer }

    /// The powertrain class of a new-energy plate; `nil` for other plates.
    public var newEnergyPowertrain: NewEnergyPowertrain? {
        let serial = Array(self.serial)
        let letter: Character
        switch kind {
        case .smallNewEnergy: letter = serial[0]
        case .largeNewEnergy: letter = serial[5]
        default: return nil
        }
        return Self.batteryElectricLetters.contains(letter) ? .batteryElectric : .otherNewEnergy
    }

    /// The colour the layout implies, when it implies one: new-energy plates are green (JT/T 808 code 5), trailer and
    /// driving-school plates yellow, police plates white, Hong Kong, Macao and consulate plates black.
    ///
    /// `nil` for ordinary plates (blue or yellow by vehicle class) and emergency plates. Useful to flag a reported
    /// colour that cannot belong to the number (a sign of a misread or a cloned plate), not to refuse it.
    public var impliedColor: PlateColor? {
        switch kind {
        case .smallNewEnergy, .largeNewEnergy: .green
        case .trailer, .coach: .yellow
        case .police: .white
        case .hongKong, .macao, .consulate: .black
        case .ordinary, .emergency: nil
        }
    }

    /// The canonical plate, e.g. `浙F12345`.
    public var description: String { value }

    /// Orders by the canonical text.
    public static func < (lhs: PlateNumber, rhs: PlateNumber) -> Bool { lhs.value < rhs.value }
    /// Equal when the canonical text is equal (every part is derived from it).
    public static func == (lhs: PlateNumber, rhs: PlateNumber) -> Bool { lhs.value == rhs.value }
    /// Hashes the canonical text.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Decodes a string through ``init(_:)``: a malformed plate in JSON is refused with `invalid_plate`.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the canonical string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: - Normalisation and validation

    /// Dots and dashes written between the authority letter and the serial (after full-width folding).
    private static let separators: Set<Unicode.Scalar> = [
        "\u{00B7}", "\u{2022}", "\u{30FB}", "\u{FF65}", "\u{2027}", "\u{2219}", "\u{22C5}", "\u{0387}",
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", ".", "\u{3002}", "_",
    ]

    /// Letters that start a small new-energy serial or end a large one for battery-electric vehicles.
    private static let batteryElectricLetters: Set<Character> = ["D", "A", "B", "C", "E"]
    /// All letters that may start a small new-energy serial.
    private static let smallNewEnergyLetters: Set<Character> = ["D", "A", "B", "C", "E", "F", "G", "H", "J", "K"]

    static func normalised(_ text: String) -> String {
        IdentifierText.uppercasingASCII(
            IdentifierText.removing(separators, from: IdentifierText.removingWhitespace(IdentifierText.foldingFullWidth(text)))
        )
    }

    private static func refuse(_ reason: String) -> DomainError {
        DomainError(code: "invalid_plate", reason: reason)
    }

    private static func validate(_ characters: [Character], plate: String) throws(DomainError) -> (Province, Kind) {
        guard let first = characters.first else { throw refuse("The plate number is empty.") }
        if first == "使" {
            throw refuse("'\(plate)' is an embassy plate (使); diplomatic vehicles are outside transport enforcement and are not accepted.")
        }
        guard let province = Province(abbreviation: first) else {
            throw refuse("'\(first)' at position 1 of '\(plate)' is not a province abbreviation; a plate starts with one of \(Province.allAbbreviations).")
        }
        guard characters.count >= 2 else {
            throw refuse("'\(plate)' is too short: a plate has 7 characters (8 for new-energy plates).")
        }
        let letter = characters[1]
        guard IdentifierText.isUppercaseLetter(letter) else {
            throw refuse("Position 2 of '\(plate)' must be the issuing-authority letter A–Z, got '\(letter)'.")
        }
        guard letter != "I" else {
            throw refuse("The issuing-authority letter of '\(plate)' cannot be I: no vehicle administration is assigned I.")
        }

        var tail = Array(characters.dropFirst(2))
        var kind = Kind.ordinary
        if tail.count >= 2, String(tail.suffix(2)) == "应急" {
            kind = .emergency
            tail.removeLast(2)
        } else if let last = tail.last, let suffixed = Self.suffixKinds[last] {
            kind = suffixed
            tail.removeLast()
        }

        if kind != .ordinary {
            guard tail.count == 4 else {
                throw refuse("'\(plate)' has \(tail.count) serial characters before '\(kind.suffix!)'; a \(kind.chineseName) has 4.")
            }
            try checkSerialCharacters(tail, startingAt: 3, plate: plate)
            if kind == .hongKong || kind == .macao, province != .guangdong || letter != "Z" {
                throw refuse("'\(plate)' ends in '\(kind.suffix!)', which is only issued on 粤Z plates.")
            }
            return (province, kind)
        }

        switch tail.count {
        case 5:
            try checkSerialCharacters(tail, startingAt: 3, plate: plate)
            return (province, .ordinary)
        case 6:
            return (province, try newEnergyKind(tail, plate: plate))
        case ..<5:
            throw refuse("'\(plate)' is too short: it has \(characters.count) characters; a plate has 7 (8 for new-energy plates).")
        default:
            throw refuse("'\(plate)' is too long: it has \(characters.count) characters; a plate has 7 (8 for new-energy plates).")
        }
    }

    private static let suffixKinds: [Character: Kind] = [
        "挂": .trailer, "学": .coach, "警": .police, "港": .hongKong, "澳": .macao, "领": .consulate,
    ]

    /// Serial characters are digits or letters other than I and O; `start` is the 1-based position of the first one.
    private static func checkSerialCharacters(_ serial: [Character], startingAt start: Int, plate: String) throws(DomainError) {
        for (offset, character) in serial.enumerated() {
            let position = start + offset
            if character == "I" || character == "O" {
                let digit = character == "I" ? "1" : "0"
                throw refuse("'\(character)' at position \(position) of '\(plate)' is not used in plate serials (GA 36 excludes I and O); did you mean \(digit)?")
            }
            guard IdentifierText.isDigit(character) || IdentifierText.isUppercaseLetter(character) else {
                throw refuse("'\(character)' at position \(position) of '\(plate)' is not a digit or a letter.")
            }
        }
    }

    /// A six-character serial: small (letter first) or large (digits first) new-energy layout.
    private static func newEnergyKind(_ serial: [Character], plate: String) throws(DomainError) -> Kind {
        try checkSerialCharacters(serial, startingAt: 3, plate: plate)
        if IdentifierText.isDigit(serial[0]) {
            for offset in 1..<5 where !IdentifierText.isDigit(serial[offset]) {
                throw refuse("'\(serial[offset])' at position \(offset + 3) of '\(plate)' must be a digit: a large new-energy plate has 5 digits then D or F.")
            }
            guard serial[5] == "D" || serial[5] == "F" else {
                throw refuse("Position 8 of '\(plate)' must be D (battery electric) or F (other new energy) on a large new-energy plate, got '\(serial[5])'.")
            }
            return .largeNewEnergy
        }
        guard smallNewEnergyLetters.contains(serial[0]) else {
            throw refuse("Position 3 of '\(plate)' must be D, A, B, C, E (battery electric) or F, G, H, J, K (other new energy) on a small new-energy plate, got '\(serial[0])'.")
        }
        for offset in 2..<6 where !IdentifierText.isDigit(serial[offset]) {
            throw refuse("'\(serial[offset])' at position \(offset + 3) of '\(plate)' must be a digit: the last four characters of a small new-energy plate are digits.")
        }
        return .smallNewEnergy
    }
}
