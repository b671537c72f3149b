/// 外廓尺寸超限 — one dimension over its limit (Order 62 Art. 3 ¶1 (一)–(三)), in millimetres.
public struct DimensionExcess: Hashable, Sendable, Codable {
    /// Height, width or length.
    public var dimension: Dimension
    /// The measured value, mm (metres × 1,000, rounded).
    public var measuredMm: Int
    /// The limit, mm.
    public var limitMm: Int
    /// measured − limit, mm (positive).
    public var overMm: Int
    /// The article.
    public var citation: Citation

    /// Creates an excess.
    public init(dimension: Dimension, measuredMm: Int, limitMm: Int, citation: Citation) {
        self.dimension = dimension
        self.measuredMm = measuredMm
        self.limitMm = limitMm
        self.overMm = measuredMm - limitMm
        self.citation = citation
    }

    private enum CodingKeys: String, CodingKey {
        case dimension
        case measuredMm = "measured_mm"
        case limitMm = "limit_mm"
        case overMm = "over_mm"
        case citation
    }
}

/// 执法标签 — a tag a weighing carries, with where it comes from.
public struct AppliedTag: Hashable, Sendable, Codable {
    /// The tag id, e.g. `hundred_tonne`.
    public var id: String
    /// The label, e.g. `百吨王`.
    public var labelZh: String
    /// What sort of label it is.
    public var kind: EnforcementTagKind
    /// Where it comes from.
    public var citation: Citation

    /// Creates a tag.
    public init(id: String, labelZh: String, kind: EnforcementTagKind, citation: Citation) {
        self.id = id
        self.labelZh = labelZh
        self.kind = kind
        self.citation = citation
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case labelZh = "label_zh"
        case kind
        case citation
    }
}

/// 推定事项 — a condition the record cannot establish and how the judge resolved it; shown in the evidence package
/// for the reviewer (行政处罚法 Art. 41: the agency reviews the records before they are evidence).
public struct JudgementAssumption: Hashable, Sendable, Codable {
    /// Which condition.
    public var kind: JudgementAssumptionKind
    /// The axles concerned (1-based), if any.
    public var axles: [Int]
    /// The limit the condition grants, kg (the 37 t case), if any.
    public var limitKg: Int?
    /// The unmeasured distance the condition needs, mm (the trailer axle spacing), if any.
    public var spacingMm: Int?

    /// Creates an assumption.
    public init(kind: JudgementAssumptionKind, axles: [Int] = [], limitKg: Int? = nil, spacingMm: Int? = nil) {
        self.kind = kind
        self.axles = axles
        self.limitKg = limitKg
        self.spacingMm = spacingMm
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case axles
        case limitKg = "limit_kg"
        case spacingMm = "spacing_mm"
    }
}

/// The conditions a weigh-in-motion record cannot establish.
public enum JudgementAssumptionKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Single tyres of unknown width counted as ordinary single tyres (−3 t applied; wide tyres would be exempt).
    case tyreWidthUnknown = "tyre_width_unknown"
    /// Single tyres reported as compliant wide tyres: the −3 t reduction not applied for them.
    case wideTyresExempt = "wide_tyres_exempt"
    /// The 37 t case's trailer axle spacing and articulation taken as met (not measurable).
    case trailerAxleSpacingAssumed = "trailer_axle_spacing_assumed"
    /// The 37 t case's trailer axle spacing and articulation taken as not met (not measurable).
    case trailerAxleSpacingNotAssumed = "trailer_axle_spacing_not_assumed"
    /// A registered mass at or below zero was ignored.
    case registeredMassIgnored = "registered_mass_ignored"
}
