/// 限值认定步骤 — one step in working out a weighing's gross-mass limit, with the article behind it.
///
/// The steps come in a fixed order: the table row (`base`), the 37 t articulated case, the −3 t single-tyre
/// reduction, the +1 t air-suspension allowance, the registered-mass cap. Only steps that apply are listed.
public struct LimitAdjustment: Hashable, Sendable, Codable {
    /// Which rule.
    public var kind: LimitAdjustmentKind
    /// The change in kilograms (for `base`, the row's limit).
    public var changeKg: Int
    /// The limit after this step, kg.
    public var limitAfterKg: Int
    /// The article.
    public var citation: Citation
    /// The axles that triggered the step (single-tyred axles, drive axles), 1-based; empty when none in particular.
    public var axles: [Int]
    /// For `base`, the row's Chinese name (`六轴及六轴以上汽车列车`).
    public var labelZh: String?

    /// Creates a step.
    public init(kind: LimitAdjustmentKind, changeKg: Int, limitAfterKg: Int, citation: Citation, axles: [Int] = [], labelZh: String? = nil) {
        self.kind = kind
        self.changeKg = changeKg
        self.limitAfterKg = limitAfterKg
        self.citation = citation
        self.axles = axles
        self.labelZh = labelZh
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case changeKg = "change_kg"
        case limitAfterKg = "limit_after_kg"
        case citation
        case axles
        case labelZh = "label_zh"
    }
}

/// The rules that set or change a gross-mass limit.
public enum LimitAdjustmentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 基本限值 — the row of Order 62 Art. 3 ¶1 (四)–(八) (including the 46 t single-drive-axle row).
    case base
    /// 四轴铰接列车37吨 — 124号 认定标准.
    case articulatedAirSuspension = "articulated_air_suspension"
    /// 单轮胎减少3000千克 — Order 62 Art. 3 ¶2(二).
    case singleTyreReduction = "single_tyre_reduction"
    /// 空气悬架增加1000千克 — 124号 认定标准.
    case airSuspensionAllowance = "air_suspension_allowance"
    /// 行驶证核定总质量 — 124号 认定标准 for two-axle trucks.
    case registeredMassCap = "registered_mass_cap"
}
