/// One penalty measure: a warning, a fine, a confiscation, a suspension, a revocation or an order to stop business.
///
/// Fines and confiscations carry an amount (for a confiscation: the value); the others a description of the
/// licence or business concerned.
public struct PenaltyMeasure: Hashable, Codable, Sendable {
    /// The kind of penalty.
    public var kind: MeasureKind
    /// The amount for a fine, or the value for a confiscation; `nil` for the others.
    public var amount: Money?
    /// The licence, property or business concerned, in Chinese; may be empty.
    public var detail: String?

    /// Creates the value with every field given.
    public init(kind: MeasureKind, amount: Money? = nil, detail: String? = nil) {
        self.kind = kind
        self.amount = amount
        self.detail = detail
    }

    /// 警告.
    public static let warning = PenaltyMeasure(kind: .warning)
    /// 罚款 of `amount`.
    public static func fine(_ amount: Money) -> PenaltyMeasure { PenaltyMeasure(kind: .fine, amount: amount) }
    /// 没收 of property or gains worth `value`.
    public static func confiscation(_ value: Money, _ detail: String) -> PenaltyMeasure {
        PenaltyMeasure(kind: .confiscation, amount: value, detail: detail)
    }
    /// 暂扣 of the licence named in `detail`.
    public static func suspension(_ detail: String) -> PenaltyMeasure { PenaltyMeasure(kind: .suspension, detail: detail) }
    /// 吊销 of the licence named in `detail`.
    public static func revocation(_ detail: String) -> PenaltyMeasure { PenaltyMeasure(kind: .revocation, detail: detail) }
    /// 责令停产停业 as described in `detail`.
    public static func productionHalt(_ detail: String) -> PenaltyMeasure {
        PenaltyMeasure(kind: .productionHalt, detail: detail)
    }

    /// Whether the measure is well formed: an amount above zero exactly for fines and confiscations.
    public var isWellFormed: Bool {
        switch kind {
        case .fine, .confiscation: (amount?.fen ?? 0) > 0
        case .warning, .suspension, .revocation, .productionHalt: amount == nil
        }
    }

    /// The measure as printed on a document, e.g. `罚款7660.00元`.
    public var chineseText: String {
        var text = kind.chineseName
        if let amount { text += "\(amount)元" }
        if let detail, !detail.isEmpty { text += "（\(detail)）" }
        return text
    }
}

extension Array where Element == PenaltyMeasure {
    /// The total of the fines among the measures.
    var fineTotal: Money {
        reduce(Money.zero) { total, measure in measure.kind == .fine ? total + (measure.amount ?? .zero) : total }
    }

    /// The measures joined for a document line, e.g. `警告；罚款200.00元`.
    var chineseText: String { map(\.chineseText).joined(separator: "；") }
}
