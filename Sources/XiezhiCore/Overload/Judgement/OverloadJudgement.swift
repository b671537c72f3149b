/// 超限认定结果 — what a weigh-in-motion record amounts to under the limits in force where it was weighed.
///
/// The limit is the legal limit after the adjustments, in kilograms (``limitKg``); ``overKg`` and ``overPct`` are
/// measured from it. The weighing tolerance only decides whether the weighing is a violation (the MoT 2021 reply:
/// a result "不大于认定标准105%" is treated as not over); when it is one, the fine is computed on the excess over the
/// legal limit, not over the tolerance: pass ``limitKg`` and ``grossKg`` to
/// `PenaltyBenchmarks.quoteOverload(jurisdiction:limitKg:grossKg:)`. Order 62 Art. 43 and 浙江省公路条例 Art. 53
/// both price "超过限值" / "超限" parts measured from the Art. 3 limit, and neither deducts a tolerance.
///
/// A judgement with class `device_fault` must never become a case. JSON keys are snake_case (`class`, `limit_kg`,
/// `over_kg`, `over_pct`, …); ``judgementLines`` are derived and not encoded.
public struct OverloadJudgement: Hashable, Sendable, Codable {
    /// The record's station.
    public var station: String
    /// The record's id.
    public var recordID: String
    /// The jurisdiction whose tolerance applied (the station's).
    public var jurisdiction: JurisdictionCode
    /// The edition of the limits file used.
    public var limitsEdition: String
    /// The conclusion.
    public var overloadClass: OverloadClass
    /// The axle configuration as understood.
    public var configuration: AxleConfiguration
    /// How the limit was reached, in order; empty when no row covers the configuration.
    public var adjustments: [LimitAdjustment]
    /// The gross-mass limit, kg; `nil` when no row of the table covers the configuration.
    public var limitKg: Int?
    /// The weighing tolerance in force.
    public var tolerance: AppliedTolerance
    /// The heaviest gross treated as not over (⌊limit × (1 + tolerance)⌋), kg; `nil` without a limit.
    public var toleratedKg: Int?
    /// 车货总质量 as weighed, kg.
    public var grossKg: Int
    /// The sum of the axle weights, kg; `nil` without axles or when an axle weight is beyond ±10,000 t.
    public var axleSumKg: Int?
    /// gross − limit, kg (negative when under); `nil` without a limit or with an implausible gross.
    public var overKg: Int?
    /// (gross − limit) / limit, two decimals; `nil` when ``overKg`` is.
    public var overPct: Percentage?
    /// The dimensions over their limits.
    public var dimensionExcesses: [DimensionExcess]
    /// The enforcement tags (none on a device fault).
    public var tags: [AppliedTag]
    /// The device-plausibility verdict.
    public var sensor: SensorVerdict
    /// Conditions the record cannot establish, and how they were resolved.
    public var assumptions: [JudgementAssumption]

    /// Creates a judgement (normally made by ``OverloadJudge``).
    public init(
        station: String, recordID: String, jurisdiction: JurisdictionCode, limitsEdition: String, overloadClass: OverloadClass,
        configuration: AxleConfiguration, adjustments: [LimitAdjustment], limitKg: Int?, tolerance: AppliedTolerance,
        toleratedKg: Int?, grossKg: Int, axleSumKg: Int?, overKg: Int?, overPct: Percentage?,
        dimensionExcesses: [DimensionExcess], tags: [AppliedTag], sensor: SensorVerdict, assumptions: [JudgementAssumption]
    ) {
        self.station = station
        self.recordID = recordID
        self.jurisdiction = jurisdiction
        self.limitsEdition = limitsEdition
        self.overloadClass = overloadClass
        self.configuration = configuration
        self.adjustments = adjustments
        self.limitKg = limitKg
        self.tolerance = tolerance
        self.toleratedKg = toleratedKg
        self.grossKg = grossKg
        self.axleSumKg = axleSumKg
        self.overKg = overKg
        self.overPct = overPct
        self.dimensionExcesses = dimensionExcesses
        self.tags = tags
        self.sensor = sensor
        self.assumptions = assumptions
    }

    /// The article of the table row (Order 62 Art. 3 ¶1 (四)–(八)), the `article` of `xiezhi wim judge`.
    public var primaryCitation: Citation? { adjustments.first?.citation }

    /// `true` when the weighing may open a case: over the limit beyond tolerance, or over a dimension limit, and not
    /// a device fault. (Whether the station's records are evidence that day is decided elsewhere.)
    public var isViolation: Bool {
        switch overloadClass {
        case .deviceFault: false
        case .overloaded: true
        case .compliant, .withinTolerance, .unlistedConfiguration: !dimensionExcesses.isEmpty
        }
    }

    /// Whether the judgement carries the tag with `id`.
    public func hasTag(_ id: String) -> Bool { tags.contains { $0.id == id } }

    private enum CodingKeys: String, CodingKey {
        case station
        case recordID = "record_id"
        case jurisdiction
        case limitsEdition = "limits_edition"
        case overloadClass = "class"
        case configuration
        case adjustments
        case limitKg = "limit_kg"
        case tolerance
        case toleratedKg = "tolerated_kg"
        case grossKg = "gross_kg"
        case axleSumKg = "axle_sum_kg"
        case overKg = "over_kg"
        case overPct = "over_pct"
        case dimensionExcesses = "dimension_excesses"
        case tags
        case sensor
        case assumptions
    }
}
