/// 设备数据异常 — one reason a weighing fails the device-plausibility rule (``SensorSanity``).
public struct SensorFault: Hashable, Sendable, Codable {
    /// Which check failed.
    public var kind: SensorFaultKind
    /// The axle concerned (1-based), for axle-level faults.
    public var axle: Int?
    /// The measured value, in the check's unit (kg, km/h, mm), when there is one.
    public var measured: Double?
    /// The bound it broke, in the same unit (for `axle_sum_mismatch`, the allowed difference in kg).
    public var bound: Double?
    /// The dimension concerned, for `dimension_implausible`.
    public var dimension: Dimension?

    /// Creates a fault.
    public init(kind: SensorFaultKind, axle: Int? = nil, measured: Double? = nil, bound: Double? = nil, dimension: Dimension? = nil) {
        self.kind = kind
        self.axle = axle
        self.measured = measured
        self.bound = bound
        self.dimension = dimension
    }
}

/// 设备数据核验 — the outcome of the device-plausibility rule for one weighing.
public struct SensorVerdict: Hashable, Sendable, Codable {
    /// `ok` or `device_fault`.
    public var status: Status
    /// Every failed check; empty when `ok`.
    public var faults: [SensorFault]
    /// The axle-sum tolerance used (relative to the gross).
    public var axleSumTolerance: Percentage
    /// Where the rule comes from (the project, not a statute).
    public var citation: Citation

    /// Whether the weighing passed.
    public enum Status: String, Hashable, Sendable, Codable {
        /// 数据正常.
        case ok
        /// 设备数据异常: never a case.
        case deviceFault = "device_fault"
    }

    /// Creates a verdict; the status follows from the faults.
    public init(faults: [SensorFault], axleSumTolerance: Percentage, citation: Citation) {
        self.status = faults.isEmpty ? .ok : .deviceFault
        self.faults = faults
        self.axleSumTolerance = axleSumTolerance
        self.citation = citation
    }

    /// `true` when any check failed.
    public var isFaulty: Bool { status == .deviceFault }

    private enum CodingKeys: String, CodingKey {
        case status
        case faults
        case axleSumTolerance = "axle_sum_tolerance_percent"
        case citation
    }
}

/// The device-plausibility checks.
public enum SensorFaultKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// No axles at all.
    case noAxles = "no_axles"
    /// Fewer axles than a goods vehicle has.
    case tooFewAxles = "too_few_axles"
    /// An axle weight at or below zero, below the plausible minimum or above the plausible maximum.
    case axleWeightImplausible = "axle_weight_implausible"
    /// The gross at or below zero or above the plausible maximum.
    case grossImplausible = "gross_implausible"
    /// The axle weights do not add up to the gross within the tolerance.
    case axleSumMismatch = "axle_sum_mismatch"
    /// A negative, non-finite or impossibly high speed.
    case speedImplausible = "speed_implausible"
    /// The axles of one group are not adjacent.
    case axleGroupsInconsistent = "axle_groups_inconsistent"
    /// No axle is marked as driven.
    case noDriveAxle = "no_drive_axle"
    /// A dimension at or below zero, non-finite, or beyond any road vehicle.
    case dimensionImplausible = "dimension_implausible"
}
