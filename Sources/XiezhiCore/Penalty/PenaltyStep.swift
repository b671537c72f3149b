/// One step of a quote's reasoning, structured for the API, with the Chinese line a notice prints verbatim.
///
/// `line` is exactly the matching entry of ``PenaltyQuote/reasoning``; the other fields carry the same numbers
/// as values (`quantity` 14,700 kg, `rate` 300 yuan/t, `amount` 4,410 yuan).
public struct PenaltyStep: Hashable, Sendable, Codable {
    /// What the step does.
    public var kind: Kind
    /// A short Chinese label, e.g. `超限 20%–50% 部分`.
    public var label: String
    /// The quantity the step measures or prices (kg, m, percent).
    public var quantity: Measure?
    /// The rate applied (yuan per tonne), when there is one.
    public var rate: Measure?
    /// The amount the step yields, when it yields one.
    public var amount: Money?
    /// The printed line, in Chinese.
    public var line: String

    /// Creates a step.
    public init(kind: Kind, label: String, quantity: Measure? = nil, rate: Measure? = nil, amount: Money? = nil, line: String) {
        self.kind = kind
        self.label = label
        self.quantity = quantity
        self.rate = rate
        self.amount = amount
        self.line = line
    }

    /// The role of a step in the reasoning.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 事实 — the measured facts against the limit.
        case facts
        /// 未违法 — the facts show no violation.
        case noViolation = "no_violation"
        /// 不予罚款档 — the lenient tier applies (warning or education).
        case lenient
        /// 不计罚款部分 — part of the excess below the first fined band.
        case unfinedPortion = "unfined_portion"
        /// 计罚部分 — a priced band: quantity × rate = amount.
        case band
        /// 档次 — the fine range that applies (over-dimension).
        case range
        /// 取值 — how the amount was picked inside a range.
        case pick
        /// 取整 — the rounding rule changed the amount.
        case rounding
        /// 单项 — one violation's result inside a combined quote.
        case part
        /// 合计 — the total, and the cap check.
        case total
    }
}

/// A number with its unit, for the API: `kg`, `m`, `percent`, `yuan_per_tonne`.
public struct Measure: Hashable, Sendable, Codable {
    /// The value in `unit`.
    public var value: Double
    /// `kg`, `m`, `percent` or `yuan_per_tonne`.
    public var unit: String

    /// Creates a measure.
    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// Kilograms from hundredths of a kilogram.
    static func kg(centi: Int) -> Measure { Measure(value: Double(centi) / 100, unit: "kg") }
    /// Metres from millimetres.
    static func metres(mm: Int) -> Measure { Measure(value: Double(mm) / 1000, unit: "m") }
    /// A per-tonne rate in yuan.
    static func yuanPerTonne(_ yuan: Int) -> Measure { Measure(value: Double(yuan), unit: "yuan_per_tonne") }
}
