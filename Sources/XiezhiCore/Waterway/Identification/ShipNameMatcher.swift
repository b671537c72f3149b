/// 船名模糊比对 — how similar an OCR reading is to a registered inland ship name: a weighted edit distance whose
/// substitution costs come from an ``OCRConfusionTable``.
///
/// Similarity = 1 − distance / the longer length, 0…1: an exact reading is 1; `浙嘉兴货1Z34` for `浙嘉兴货1234`
/// (one 2/Z confusion, cost 0.2, 8 characters) is 0.975; a dropped character costs 1 (`嘉兴货1234` is 0.875).
public struct ShipNameMatcher: Hashable, Sendable {
    /// The confusions and their costs.
    public var table: OCRConfusionTable
    /// The cost of a character read that is not written (an extra character), 0–1.
    public var insertionCost: Double
    /// The cost of a written character not read (a dropped character), 0–1.
    public var deletionCost: Double

    /// A matcher; the defaults are the standard table with unit insertion and deletion costs.
    public init(table: OCRConfusionTable = .standard, insertionCost: Double = 1, deletionCost: Double = 1) {
        self.table = table
        self.insertionCost = insertionCost
        self.deletionCost = deletionCost
    }

    /// A reading cleaned for matching: full-width folded, white space and separators (`·`, `-`, `.`, `_`, `•`)
    /// removed, ASCII letters upper-cased.
    public static func normalised(_ text: String) -> String {
        IdentifierText.removing(separators, from: IdentifierText.compacted(text))
    }

    private static let separators: Set<Unicode.Scalar> = ["·", "-", ".", "_", "•", "・", "－", "—"]

    /// The weighted edit distance from `reading` (as read) to `name` (as written), after normalising the reading.
    public func distance(reading: String, name: String) -> Double {
        distance(Self.codes(Self.normalised(reading)), Self.codes(name))
    }

    /// The weighted edit distance from an already normalised reading to `name`.
    public func distance(normalisedReading: String, name: String) -> Double {
        distance(Self.codes(normalisedReading), Self.codes(name))
    }

    /// The character codes of a text (``OCRConfusionTable/code(_:)``), what the distance works on.
    static func codes(_ text: String) -> [UInt32] { text.map(OCRConfusionTable.code) }

    /// The similarity of `reading` to `name`, 0…1 (the reading is normalised first).
    public func similarity(reading: String, name: String) -> Double {
        similarity(normalisedReading: Self.normalised(reading), name: name)
    }

    /// The similarity of an already normalised reading to `name`, 0…1.
    public func similarity(normalisedReading: String, name: String) -> Double {
        similarity(Self.codes(normalisedReading), Self.codes(name))
    }

    /// The similarity between character-code arrays.
    func similarity(_ read: [UInt32], _ written: [UInt32]) -> Double {
        let longest = max(read.count, written.count)
        guard longest > 0 else { return 1 }
        return max(0, 1 - distance(read, written) / Double(longest))
    }

    /// The weighted Levenshtein distance between character-code arrays.
    func distance(_ read: [UInt32], _ written: [UInt32]) -> Double {
        if read.isEmpty { return Double(written.count) * deletionCost }
        if written.isEmpty { return Double(read.count) * insertionCost }
        var previous = (0...written.count).map { Double($0) * deletionCost }
        var current = [Double](repeating: 0, count: written.count + 1)
        for i in 1...read.count {
            current[0] = Double(i) * insertionCost
            for j in 1...written.count {
                let substitute = previous[j - 1] + table.cost(read[i - 1], written[j - 1])
                let insert = previous[j] + insertionCost
                let delete = current[j - 1] + deletionCost
                current[j] = min(substitute, insert, delete)
            }
            swap(&previous, &current)
        }
        return previous[written.count]
    }

    /// The registry form of a reading, when it can be one: letters in the number folded to their cheapest digit
    /// (`1Z34` → `1234`), a lookalike first character replaced by the province it is cheapest to mistake
    /// (`淅` → `浙`), then parsed as a ``VesselName``; `nil` when the result is not a valid name.
    public func registryForm(of reading: String) -> VesselName? {
        var characters = Array(Self.normalised(reading))
        guard !characters.isEmpty else { return nil }
        var index = characters.count - 1
        while index > 0, let digit = digitReading(characters[index]) {
            characters[index] = digit
            index -= 1
        }
        if Province(abbreviation: characters[0]) == nil, let province = cheapest(characters[0], where: { Province(abbreviation: $0) != nil }) {
            characters[0] = province
        }
        return try? VesselName(String(characters))
    }

    /// The digit a character stands for: itself when it is a digit, else its cheapest Latin-letter confusion with a
    /// digit; `nil` for anything else.
    private func digitReading(_ character: Character) -> Character? {
        if IdentifierText.isDigit(character) { return character }
        guard IdentifierText.isUppercaseLetter(character) else { return nil }
        return cheapest(character, where: IdentifierText.isDigit)
    }

    /// The partner of `character` satisfying `condition` with the lowest cost (ties by character).
    private func cheapest(_ character: Character, where condition: (Character) -> Bool) -> Character? {
        table.confusables(of: character).filter(condition)
            .min { (table.substitutionCost(character, $0), $0) < (table.substitutionCost(character, $1), $1) }
    }
}
