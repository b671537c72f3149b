import Foundation

/// 船舶指纹库 — the fingerprints of all ships measured at the checkpoints, grown from confident identifications.
///
/// Bounded by the fleet: one fingerprint per ship name. Encoded as an array sorted by name.
public struct FingerprintLibrary: Hashable, Codable, Sendable {
    private var entries: [VesselName: VesselFingerprint]

    /// A library holding `fingerprints` (a later one for the same name replaces an earlier one).
    public init(_ fingerprints: [VesselFingerprint] = []) {
        entries = [:]
        for fingerprint in fingerprints { entries[fingerprint.vessel] = fingerprint }
    }

    /// The fingerprints, sorted by name.
    public var fingerprints: [VesselFingerprint] { entries.values.sorted { $0.vessel < $1.vessel } }

    /// The number of ships with a fingerprint.
    public var count: Int { entries.count }

    /// The stored fingerprint of `name`.
    public func fingerprint(for name: VesselName) -> VesselFingerprint? { entries[name] }

    /// What a measurement of a registered ship is compared with: its stored fingerprint, else one seeded by its
    /// registered size; `nil` when neither exists.
    public func reference(for profile: VesselProfile) -> VesselFingerprint? {
        if let stored = entries[profile.name] { return stored }
        guard profile.registeredLengthMetres != nil || profile.registeredBeamMetres != nil else { return nil }
        return VesselFingerprint(profile: profile)
    }

    /// Adds a measurement to `name`'s fingerprint when `confidence` reaches ``FingerprintRules/growthConfidenceFloor``;
    /// `profile` seeds a new fingerprint's registered size. Returns whether the library grew.
    @discardableResult
    public mutating func record(
        _ laser: LaserMeasurement, for name: VesselName, profile: VesselProfile?, confidence: Double, at time: Date,
        rules: FingerprintRules
    ) -> Bool {
        guard confidence >= rules.growthConfidenceFloor else { return false }
        var fingerprint = entries[name] ?? profile.map(VesselFingerprint.init(profile:)) ?? VesselFingerprint(vessel: name)
        fingerprint.add(laser, at: time)
        entries[name] = fingerprint
        return true
    }

    /// The ships whose fingerprint (stored, or seeded by the registry) the measurement is within tolerance of, best
    /// evidence first (ties by name), at most `limit`.
    public func matches(
        _ laser: LaserMeasurement, registry: VesselRegistry, rules: FingerprintRules, limit: Int
    ) -> [FingerprintMatch] {
        var found: [FingerprintMatch] = []
        for profile in registry.profiles {
            if let match = reference(for: profile)?.match(laser, rules: rules), match.isWithinTolerance {
                found.append(match)
            }
        }
        for (name, fingerprint) in entries where registry.profile(named: name) == nil {
            if let match = fingerprint.match(laser, rules: rules), match.isWithinTolerance { found.append(match) }
        }
        found.sort { $0.evidence != $1.evidence ? $0.evidence > $1.evidence : $0.vessel < $1.vessel }
        return Array(found.prefix(limit))
    }

    /// Decodes the sorted array.
    public init(from decoder: any Decoder) throws {
        self.init(try [VesselFingerprint](from: decoder))
    }

    /// Encodes the fingerprints sorted by name.
    public func encode(to encoder: any Encoder) throws {
        try fingerprints.encode(to: encoder)
    }
}
