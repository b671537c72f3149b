import Foundation
import Testing
import XiezhiCore

@Suite("船舶指纹库: running statistics, tolerances and growth")
struct FingerprintTests {
    let rules = try! WaterwayFixtures.rules().fingerprint

    @Test("a running statistic gives the mean and sample standard deviation")
    func runningStatistic() throws {
        var statistic = RunningStatistic()
        #expect(statistic.variance == nil)
        for value in [2.0, 4, 4, 4, 5, 5, 7, 9] { statistic.add(value) }
        #expect(statistic.count == 8)
        #expect(statistic.mean == 5)
        #expect(abs(try #require(statistic.variance) - 32.0 / 7) < 1e-12)
        statistic.add(.nan)
        #expect(statistic.count == 8)
        #expect(throws: DomainError.self) { _ = try RunningStatistic(count: -1, mean: 0, sumOfSquaredDeviations: 0) }
    }

    @Test("the registered size seeds the expectation; the length tolerance is the larger of 1.0 m and 1.5 %",
          arguments: [
              (45.0, 10.8, 46.0, 10.8, true),
              (45.0, 10.8, 46.01, 10.8, false),
              (45.0, 10.8, 45.0, 11.2, true),
              (45.0, 10.8, 45.0, 11.21, false),
              (80.0, 14.0, 81.19, 14.0, true),
              (80.0, 14.0, 81.21, 14.0, false),
          ])
    func toleranceEdges(length: Double, beam: Double, measuredLength: Double, measuredBeam: Double, within: Bool) throws {
        let fingerprint = VesselFingerprint(vessel: WaterwayFixtures.name("浙嘉兴货1234"), registeredLengthMetres: length, registeredBeamMetres: beam)
        let match = try #require(fingerprint.match(WaterwayFixtures.laser(measuredLength, measuredBeam), rules: rules))
        #expect(match.isWithinTolerance == within)
        #expect(match.evidence <= 1 && match.evidence >= -1)
        #expect((match.evidence >= 0) == within)
    }

    @Test("measurements replace the registered size; the spread widens the tolerance once established")
    func growth() throws {
        var fingerprint = VesselFingerprint(vessel: WaterwayFixtures.name("浙嘉兴货1234"), registeredLengthMetres: 45, registeredBeamMetres: 10.8)
        fingerprint.add(WaterwayFixtures.laser(47, 11, 5), at: WaterwayFixtures.morning)
        #expect(fingerprint.expected(.length) == 47)
        #expect(fingerprint.expected(.airDraft) == 5)
        #expect(!fingerprint.isEstablished(.length, minSamples: rules.minSamples))
        for length in [46.0, 48.0] { fingerprint.add(WaterwayFixtures.laser(length, 11, 5), at: WaterwayFixtures.morning) }
        #expect(fingerprint.isEstablished(.length, minSamples: rules.minSamples))
        // Samples 47, 46, 48: standard deviation 1 m, so 3σ = 3 m beats the fixed 1.0 m.
        #expect(abs(try #require(fingerprint.tolerance(.length, rules: rules)) - 3) < 1e-9)
        #expect(try #require(fingerprint.match(WaterwayFixtures.laser(49.9, 11), rules: rules)).isWithinTolerance)
        #expect(try #require(fingerprint.match(WaterwayFixtures.laser(50.1, 11), rules: rules)).isWithinTolerance == false)
        let noShared = VesselFingerprint(vessel: WaterwayFixtures.name("浙嘉兴货1234"))
        #expect(noShared.match(WaterwayFixtures.laser(45, 10), rules: rules) == nil)
    }

    @Test("the library grows only from identifications at or above the growth floor")
    func libraryGrowth() {
        var library = FingerprintLibrary()
        let name = WaterwayFixtures.name("浙嘉兴货1234")
        let profile = WaterwayFixtures.profile("浙嘉兴货1234")
        let below = library.record(WaterwayFixtures.laser(45.2, 10.8), for: name, profile: profile, confidence: 0.949, at: WaterwayFixtures.morning, rules: rules)
        #expect(!below)
        #expect(library.count == 0)
        let atFloor = library.record(WaterwayFixtures.laser(45.2, 10.8), for: name, profile: profile, confidence: 0.95, at: WaterwayFixtures.morning, rules: rules)
        #expect(atFloor)
        #expect(library.fingerprint(for: name)?.sampleCount == 1)
        #expect(library.fingerprint(for: name)?.registeredLengthMetres == 45)
    }

    @Test("the library finds the ships a measurement fits, best first, from stored and registered fingerprints")
    func libraryMatches() throws {
        let registry = try VesselRegistry([
            WaterwayFixtures.profile("浙嘉兴货1234", length: 45, beam: 10.8),
            WaterwayFixtures.profile("浙嘉兴货5678", length: 45.6, beam: 10.8),
            WaterwayFixtures.profile("苏州货0567", length: 60, beam: 12),
            WaterwayFixtures.profile("皖宣城货3111", length: nil, beam: nil),
        ])
        let library = FingerprintLibrary()
        let found = library.matches(WaterwayFixtures.laser(45.1, 10.8), registry: registry, rules: rules, limit: 5)
        #expect(found.map(\.vessel.value) == ["浙嘉兴货1234", "浙嘉兴货5678"])
        let encoded = try JSONEncoder().encode(library)
        #expect(try JSONDecoder().decode(FingerprintLibrary.self, from: encoded) == library)
    }
}
