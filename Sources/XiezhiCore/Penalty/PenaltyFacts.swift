/// 违法事实 — the measured facts a quote prices; which case a violation needs follows from its scale type.
public enum PenaltyFacts: Hashable, Sendable {
    /// For `mass_excess` scales (超限 车货总质量).
    case mass(MassFacts)
    /// For `dimension_bands` scales (超限 外廓尺寸).
    case dimensions(DimensionFacts)

    /// The scale type these facts can be priced by.
    public var scaleType: PenaltyScaleType {
        switch self {
        case .mass: .massExcess
        case .dimensions: .dimensionBands
        }
    }
}

/// 车货总质量 — the gross mass and the limit it is judged against, both in kilograms.
///
/// The limit is the one that applies to this vehicle (Order 62 Art. 3 by axle count, or its 行驶证 mass); the
/// gross mass is taken as given: weighing tolerance belongs to judging the weigh record, not to the quote.
public struct MassFacts: Hashable, Sendable, Codable {
    /// The applicable limit, kg.
    public var limitKg: Int
    /// The measured gross mass (车货总质量), kg.
    public var grossKg: Int

    /// Creates mass facts; ``validated()`` checks them.
    public init(limitKg: Int, grossKg: Int) {
        self.limitKg = limitKg
        self.grossKg = grossKg
    }

    /// Throws `invalid_facts` when a mass is not positive or is beyond any road vehicle (10,000 t).
    public func validated() throws -> MassFacts {
        for (name, value) in [("mass limit", limitKg), ("gross mass", grossKg)] {
            guard value > 0 else {
                throw DomainError(code: "invalid_facts", reason: "the \(name) must be a positive number of kilograms, got \(value)")
            }
            guard value <= PlausibleBound.kg else {
                throw DomainError(code: "invalid_facts", reason: "the \(name) of \(value) kg is beyond any road vehicle (at most \(PlausibleBound.kg) kg)")
            }
        }
        return self
    }
}

/// 车货外廓尺寸 — the measured overall height (from the ground), width and length, in millimetres.
public struct DimensionFacts: Hashable, Sendable, Codable {
    /// Overall height from the ground, mm.
    public var heightMm: Int
    /// Overall width, mm.
    public var widthMm: Int
    /// Overall length, mm.
    public var lengthMm: Int

    /// Creates dimension facts; ``validated()`` checks them.
    public init(heightMm: Int, widthMm: Int, lengthMm: Int) {
        self.heightMm = heightMm
        self.widthMm = widthMm
        self.lengthMm = lengthMm
    }

    /// Throws `invalid_facts` when a dimension is not positive or is beyond any road vehicle (1 km).
    public func validated() throws -> DimensionFacts {
        for (name, value) in [("height", heightMm), ("width", widthMm), ("length", lengthMm)] {
            guard value > 0, value <= PlausibleBound.mm else {
                throw DomainError(
                    code: "invalid_facts",
                    reason: "the vehicle's \(name) must be a positive number of millimetres up to \(PlausibleBound.mm), got \(value)"
                )
            }
        }
        return self
    }
}
