/// 超限认定 — judges a weigh-in-motion record against the overload limits: pure, total, no I/O.
///
/// Steps: the device-plausibility checks (``SensorSanity``); the axle configuration (``AxleConfiguration``); the
/// limit, from the table row (Order 62 Art. 3 ¶1) through the 37 t articulated case, the −3 t single-tyre reduction,
/// the +1 t air-suspension allowance and the registered-mass cap, in that order; the tolerance of the jurisdiction
/// where the vehicle was weighed (never of the plate's province); the class; the dimension excesses; the tags.
public enum OverloadJudge {
    /// Judges `record`, weighed in `jurisdiction` (the station's), under `limits`.
    ///
    /// Never throws: a record that fails validation is judged too, and comes out as `device_fault`.
    public static func judge(_ record: WeighRecord, jurisdiction: JurisdictionCode, limits: OverloadLimits) -> OverloadJudgement {
        let axles = record.axles
        let sanity = limits.sensorSanity
        let gross = record.grossKg
        // Clamped to the decoder's bounds, so that limits edited in code cannot make the arithmetic trap.
        let grossPlausible = gross > 0 && gross <= min(sanity.maxGrossKg, LimitsDecoding.Bound.kg)
        let sumTolerance = min(max(sanity.axleSumTolerance.hundredths, 0), 10_000)
        var faults = deviceFaults(record, sanity: sanity, grossPlausible: grossPlausible)

        // The axle sum, only when every axle weight is within ±10,000 t (so the sum cannot overflow).
        var axleSum: Int?
        let bound = LimitsDecoding.Bound.kg
        if !axles.isEmpty, axles.allSatisfy({ (-bound...bound).contains($0.weightKg) }) {
            let sum = axles.reduce(0) { $0 + $1.weightKg }
            axleSum = sum
            if grossPlausible, abs(sum - gross) * 10_000 > gross * sumTolerance {
                let allowed = Double(gross * sumTolerance) / 10_000
                faults.append(SensorFault(kind: .axleSumMismatch, measured: Double(sum), bound: allowed))
            }
        }
        let sensor = SensorVerdict(faults: faults, axleSumTolerance: sanity.axleSumTolerance, citation: sanity.citation)

        let configuration = AxleConfiguration(vehicle: record.vehicle, axles: axles)
        var (adjustments, assumptions) = limitSteps(record, configuration: configuration, limits: limits)
        // Decoded limits always end in 1…10,000 t; limits edited in code to something else give no limit, not a trap.
        if let last = adjustments.last?.limitAfterKg, !(1...LimitsDecoding.Bound.kg).contains(last) {
            adjustments = []
            assumptions = []
        }
        let limit = adjustments.last?.limitAfterKg
        let tolerance = limits.tolerance.resolved(for: jurisdiction)

        var overKg: Int?
        var overPct: Percentage?
        var tolerated: Int?
        if let limit {
            tolerated = tolerance.toleratedKg(limitKg: limit)
            if grossPlausible {
                overKg = gross - limit
                overPct = Percentage.ratio(gross - limit, of: limit)
            }
        }

        let overloadClass: OverloadClass
        if sensor.isFaulty {
            overloadClass = .deviceFault
        } else if let limit, let tolerated {
            overloadClass = gross <= limit ? .compliant : (gross <= tolerated ? .withinTolerance : .overloaded)
        } else {
            overloadClass = .unlistedConfiguration
        }

        var tags: [AppliedTag] = []
        if !sensor.isFaulty {
            for rule in limits.tags where rule.applies(grossKg: gross, limitKg: limit) {
                tags.append(AppliedTag(id: rule.id, labelZh: rule.labelZh, kind: rule.kind, citation: rule.citation))
            }
        }

        return OverloadJudgement(
            station: record.station, recordID: record.recordID, jurisdiction: jurisdiction, limitsEdition: limits.edition,
            overloadClass: overloadClass, configuration: configuration, adjustments: adjustments, limitKg: limit,
            tolerance: tolerance, toleratedKg: tolerated, grossKg: gross, axleSumKg: axleSum, overKg: overKg, overPct: overPct,
            dimensionExcesses: dimensionExcesses(record, limits: limits), tags: tags, sensor: sensor, assumptions: assumptions
        )
    }

    /// Every plausibility check except the axle sum (which needs the sum).
    static func deviceFaults(_ record: WeighRecord, sanity: SensorSanity, grossPlausible: Bool) -> [SensorFault] {
        var faults: [SensorFault] = []
        let axles = record.axles
        if axles.isEmpty {
            faults.append(SensorFault(kind: .noAxles, measured: 0, bound: Double(sanity.minAxles)))
        } else if axles.count < sanity.minAxles {
            faults.append(SensorFault(kind: .tooFewAxles, measured: Double(axles.count), bound: Double(sanity.minAxles)))
        }
        for (index, axle) in axles.enumerated() {
            if axle.weightKg < sanity.minAxleKg {
                faults.append(SensorFault(kind: .axleWeightImplausible, axle: index + 1, measured: Double(axle.weightKg), bound: Double(sanity.minAxleKg)))
            } else if axle.weightKg > sanity.maxAxleKg {
                faults.append(SensorFault(kind: .axleWeightImplausible, axle: index + 1, measured: Double(axle.weightKg), bound: Double(sanity.maxAxleKg)))
            }
        }
        if !grossPlausible {
            let bound = record.grossKg <= 0 ? 0 : sanity.maxGrossKg
            faults.append(SensorFault(kind: .grossImplausible, measured: Double(record.grossKg), bound: Double(bound)))
        }
        let speed = record.speedKmh
        if !(speed.isFinite && speed >= 0 && speed <= Double(sanity.maxSpeedKmh)) {
            faults.append(SensorFault(kind: .speedImplausible, measured: speed.isFinite ? speed : nil, bound: Double(sanity.maxSpeedKmh)))
        }
        if let reappearing = AxleGrouping.firstReappearingAxle(axles) {
            faults.append(SensorFault(kind: .axleGroupsInconsistent, axle: reappearing + 1))
        }
        if !axles.isEmpty, !axles.contains(where: \.drive) {
            faults.append(SensorFault(kind: .noDriveAxle))
        }
        for dimension in dimensions {
            guard let metres = measured(dimension, in: record) else { continue }
            let maximum = Double(sanity.maxMm(dimension))
            if !(metres.isFinite && metres > 0 && metres * 1000 <= maximum) {
                faults.append(SensorFault(kind: .dimensionImplausible, measured: metres.isFinite ? metres * 1000 : nil, bound: maximum, dimension: dimension))
            }
        }
        return faults
    }

    /// The limit steps in order, and the assumptions made on the way; no steps when no row covers the configuration.
    static func limitSteps(
        _ record: WeighRecord, configuration: AxleConfiguration, limits: OverloadLimits
    ) -> ([LimitAdjustment], [JudgementAssumption]) {
        let vehicle = configuration.vehicle
        let count = configuration.axleCount
        guard count > 0, let row = limits.grossLimit(vehicle: vehicle, axleCount: count, singleDriveAxle: configuration.driveIsSingleAxle) else {
            return ([], [])
        }
        var steps = [LimitAdjustment(kind: .base, changeKg: row.limitKg, limitAfterKg: row.limitKg, citation: row.citation, labelZh: row.labelZh)]
        var assumptions: [JudgementAssumption] = []
        var current = row.limitKg
        let driveQualifies = configuration.driveDualTyred && configuration.driveAirSuspended

        // 四轴铰接列车 37 t (124号): the spacing and the articulation cannot be measured.
        let articulated = limits.articulatedAirSuspension
        if vehicle == articulated.vehicle, count == articulated.axles, driveQualifies {
            switch articulated.whenUnmeasured {
            case .assumeMet:
                if articulated.limitKg != current {
                    steps.append(LimitAdjustment(
                        kind: .articulatedAirSuspension, changeKg: articulated.limitKg &- current, limitAfterKg: articulated.limitKg,
                        citation: articulated.citation, axles: configuration.driveAxles
                    ))
                    current = articulated.limitKg
                }
                assumptions.append(JudgementAssumption(
                    kind: .trailerAxleSpacingAssumed, limitKg: articulated.limitKg, spacingMm: articulated.trailerAxleSpacingMinMm
                ))
            case .assumeNotMet:
                assumptions.append(JudgementAssumption(
                    kind: .trailerAxleSpacingNotAssumed, limitKg: articulated.limitKg, spacingMm: articulated.trailerAxleSpacingMinMm
                ))
            }
        }

        // −3 t for single tyres where Art. 3 ¶2(二) presumes dual tyres; compliant wide tyres are exempt.
        let single = configuration.singleTyredAxles
        let wide = single.filter { record.axles[$0 - 1].wideTyres == true }
        let counted = single.filter { record.axles[$0 - 1].wideTyres != true }
        if !counted.isEmpty {
            let reduction = limits.singleTyreReduction
            current = current &- reduction.reductionKg
            steps.append(LimitAdjustment(
                kind: .singleTyreReduction, changeKg: -reduction.reductionKg, limitAfterKg: current, citation: reduction.citation, axles: counted
            ))
            let unknown = counted.filter { record.axles[$0 - 1].wideTyres == nil }
            if !unknown.isEmpty { assumptions.append(JudgementAssumption(kind: .tyreWidthUnknown, axles: unknown)) }
        }
        if !wide.isEmpty { assumptions.append(JudgementAssumption(kind: .wideTyresExempt, axles: wide)) }

        // +1 t for 3- and 4-axle trucks with a dual-tyred, air-suspended drive axle (124号).
        let allowance = limits.airSuspensionAllowance
        if vehicle == allowance.vehicle, allowance.axleCounts.contains(count), driveQualifies {
            current = current &+ allowance.increaseKg
            steps.append(LimitAdjustment(
                kind: .airSuspensionAllowance, changeKg: allowance.increaseKg, limitAfterKg: current, citation: allowance.citation,
                axles: configuration.driveAxles
            ))
        }

        // A two-axle truck may not exceed its 行驶证 mass either (124号; 173号).
        let cap = limits.registeredMassCap
        if vehicle == cap.vehicle, cap.axleCounts.contains(count), let registered = record.registeredMassKg {
            if registered <= 0 {
                assumptions.append(JudgementAssumption(kind: .registeredMassIgnored))
            } else if registered < current {
                steps.append(LimitAdjustment(kind: .registeredMassCap, changeKg: registered &- current, limitAfterKg: registered, citation: cap.citation))
                current = registered
            }
        }
        return (steps, assumptions)
    }

    /// The measured dimensions over their limits (only plausible measurements are compared).
    static func dimensionExcesses(_ record: WeighRecord, limits: OverloadLimits) -> [DimensionExcess] {
        var out: [DimensionExcess] = []
        for dimension in dimensions {
            guard let metres = measured(dimension, in: record) else { continue }
            guard metres.isFinite, metres > 0, metres * 1000 <= Double(limits.sensorSanity.maxMm(dimension)) else { continue }
            let measured = Int((metres * 1000).rounded())
            let limit = limits.dimensionLimits.limitMm(dimension)
            if measured > limit {
                out.append(DimensionExcess(dimension: dimension, measuredMm: measured, limitMm: limit, citation: limits.dimensionLimits.citation))
            }
        }
        return out
    }

    /// Height, width, length: the order of checks and excesses.
    static let dimensions: [Dimension] = [.height, .width, .length]

    /// The record's measurement of `dimension` in metres, when the station measured it.
    static func measured(_ dimension: Dimension, in record: WeighRecord) -> Double? {
        switch dimension {
        case .height: record.heightM
        case .width: record.widthM
        case .length: record.lengthM
        }
    }
}
