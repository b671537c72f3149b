import Foundation

/// 超限认定限值 — the overload limits table (`Data/rules/overload-limits.json`): gross-mass limits by configuration,
/// their adjustments, the dimension limits, the weighing tolerance per jurisdiction, the device-plausibility rule and
/// the enforcement tags, each number with its citation.
///
/// Decoding is strict: an unknown key, a number without a citation, a blank citation, an out-of-range number, two rows
/// for the same configuration or a duplicate tag are refused with a ``DomainError`` naming the place. The pure domain
/// never reads the file itself: the caller passes its bytes to ``init(json:)``.
public struct OverloadLimits: Hashable, Sendable, Decodable {
    /// The file's Chinese title.
    public var titleZh: String?
    /// The edition, recorded in every judgement.
    public var edition: String
    /// Free text for the legal office.
    public var note: String?
    /// Order 62 Art. 3 ¶1 (四)–(八): the gross-mass rows.
    public var grossLimits: [GrossMassLimit]
    /// Order 62 Art. 3 ¶2(二): −3,000 kg for single tyres.
    public var singleTyreReduction: SingleTyreReduction
    /// 124号: +1,000 kg for air-suspended 3- and 4-axle trucks.
    public var airSuspensionAllowance: AirSuspensionAllowance
    /// 124号: 37,000 kg for the 4-axle articulated case.
    public var articulatedAirSuspension: ArticulatedAirSuspensionLimit
    /// 124号: a 2-axle truck capped by its registered mass.
    public var registeredMassCap: RegisteredMassCap
    /// Order 62 Art. 3 ¶1 (一)–(三).
    public var dimensionLimits: OverloadDimensionLimits
    /// The weighing tolerance per jurisdiction.
    public var tolerance: WeighingTolerance
    /// The device-plausibility rule (not law).
    public var sensorSanity: SensorSanity
    /// The enforcement tags.
    public var tags: [EnforcementTagRule]

    /// Decodes and checks the file's bytes; every failure is a ``DomainError`` naming the place.
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(OverloadLimits.self, from: json)
        } catch let error as DecodingError {
            throw LimitsDecoding.domainError(from: error)
        }
    }

    /// The gross-mass row for a configuration: among the rows covering the vehicle class and axle count, the one with
    /// the drive-axle condition when `singleDriveAxle` holds, else the one without; `nil` when no row covers it.
    public func grossLimit(vehicle: WeighVehicle, axleCount: Int, singleDriveAxle: Bool) -> GrossMassLimit? {
        var general: GrossMassLimit?
        for row in grossLimits where row.covers(vehicle: vehicle, axleCount: axleCount) {
            if row.singleDriveAxle {
                if singleDriveAxle { return row }
            } else if general == nil {
                general = row
            }
        }
        return general
    }

    private enum CodingKeys: String, CodingKey {
        case titleZh, edition, note, grossLimits, singleTyreReduction, airSuspensionAllowance, articulatedAirSuspension
        case registeredMassCap, dimensionLimits, tolerance, sensorSanity, tags
    }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: [
                "titleZh", "edition", "note", "grossLimits", "singleTyreReduction", "airSuspensionAllowance",
                "articulatedAirSuspension", "registeredMassCap", "dimensionLimits", "tolerance", "sensorSanity", "tags",
            ]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        titleZh = try container.decodeIfPresent(String.self, forKey: .titleZh)
        edition = try container.decode(String.self, forKey: .edition)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        grossLimits = try container.decode([GrossMassLimit].self, forKey: .grossLimits)
        singleTyreReduction = try container.decode(SingleTyreReduction.self, forKey: .singleTyreReduction)
        airSuspensionAllowance = try container.decode(AirSuspensionAllowance.self, forKey: .airSuspensionAllowance)
        articulatedAirSuspension = try container.decode(ArticulatedAirSuspensionLimit.self, forKey: .articulatedAirSuspension)
        registeredMassCap = try container.decode(RegisteredMassCap.self, forKey: .registeredMassCap)
        dimensionLimits = try container.decode(OverloadDimensionLimits.self, forKey: .dimensionLimits)
        tolerance = try container.decode(WeighingTolerance.self, forKey: .tolerance)
        sensorSanity = try container.decode(SensorSanity.self, forKey: .sensorSanity)
        tags = try container.decode([EnforcementTagRule].self, forKey: .tags)
        if let problem { throw DomainError(code: "invalid_limit_value", reason: problem) }
    }

    /// What is wrong across entries, or `nil`: a blank edition, no rows, overlapping rows, a limit the reductions could
    /// bring to zero, duplicate tags.
    var problem: String? {
        if edition.trimmingCharacters(in: .whitespaces).isEmpty {
            return "the limits file needs an 'edition', recorded in every judgement"
        }
        if grossLimits.isEmpty { return "grossLimits is empty" }
        for (index, row) in grossLimits.enumerated() {
            for other in grossLimits[(index + 1)...] where other.vehicle == row.vehicle && other.singleDriveAxle == row.singleDriveAxle {
                let overlap = row.covers(vehicle: row.vehicle, axleCount: other.axles)
                    || other.covers(vehicle: other.vehicle, axleCount: row.axles)
                if overlap {
                    return "grossLimits: '\(row.labelZh)' and '\(other.labelZh)' both cover \(row.vehicle.rawValue) with \(max(row.axles, other.axles)) axles"
                }
            }
        }
        for row in grossLimits where row.singleDriveAxle {
            let base = grossLimits.contains { !$0.singleDriveAxle && $0.vehicle == row.vehicle && $0.covers(vehicle: row.vehicle, axleCount: row.axles) }
            if !base {
                return "grossLimits: '\(row.labelZh)' has a drive-axle condition but no general row covers the same configuration"
            }
        }
        let reduction = singleTyreReduction.reductionKg
        if let row = grossLimits.first(where: { $0.limitKg <= reduction }) {
            return "grossLimits: '\(row.labelZh)' (\(row.limitKg) kg) is not above the single-tyre reduction (\(reduction) kg)"
        }
        if articulatedAirSuspension.limitKg <= reduction {
            return "articulatedAirSuspension.limitKg (\(articulatedAirSuspension.limitKg) kg) is not above the single-tyre reduction (\(reduction) kg)"
        }
        var tagIDs = Set<String>()
        for tag in tags where !tagIDs.insert(tag.id).inserted {
            return "tags: '\(tag.id)' is written twice"
        }
        return nil
    }
}
