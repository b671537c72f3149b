import Foundation
import Testing
import XiezhiCore

@Suite("过卡身份融合: OCR, fingerprint and AIS")
struct VesselIdentifierTests {
    let identifier = VesselIdentifier(rules: try! WaterwayFixtures.rules())
    let t0 = WaterwayFixtures.morning
    let registry = try! VesselRegistry([
        WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413000001, length: 45, beam: 10.8),
        WaterwayFixtures.profile("浙嘉兴货1284", mmsi: 413000002, length: 45.2, beam: 10.8),
        WaterwayFixtures.profile("浙嘉兴货7234", length: 62, beam: 12.6),
        WaterwayFixtures.profile("苏州货0567", mmsi: 413000004, length: 38, beam: 8.2),
        WaterwayFixtures.profile("皖宣城货3111", length: 45.1, beam: 10.8),
    ])

    func crossing(_ mmsi: Int, offset: Double = 2, kind: LineCrossing.Kind = .crossed, direction: PassageDirection? = .forward) -> LineCrossing {
        LineCrossing(
            mmsi: WaterwayFixtures.mmsi(mmsi), time: t0.addingTimeInterval(offset), point: GeoPoint(longitude: 120.974, latitude: 30.962),
            kind: kind, distanceMetres: kind == .crossed ? 0 : 80, direction: direction, offsetSeconds: offset)
    }

    @Test("a clean reading with a fitting measurement is identified by OCR and fingerprint")
    func ocrAndFingerprint() {
        let passage = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", confidence: 0.95, laser: WaterwayFixtures.laser(45.1, 10.8))
        let result = identifier.identify(passage, crossings: [], registry: registry, fingerprints: FingerprintLibrary())
        #expect(result.isIdentified)
        #expect(result.vessel?.value == "浙嘉兴货1234")
        #expect(result.method == [.ocr, .fingerprint])
        // 浙嘉兴货1284 is one 8/3 confusion away and fits the same standard size: it keeps some belief.
        #expect(result.confidence > 0.85)
        #expect(result.alternatives.first?.vessel?.value == "浙嘉兴货1284")
        #expect(result.methodZh == "船名识别+船舶指纹")
    }

    @Test("a noisy reading still wins over a near-identical name when the fingerprint and AIS agree")
    func noisyCombined() {
        let passage = WaterwayFixtures.passage("p2", time: t0, ocr: "淅嘉兴贷12B4", confidence: 0.7, laser: WaterwayFixtures.laser(45.0, 10.8))
        let result = identifier.identify(passage, crossings: [crossing(413000001)], registry: registry, fingerprints: FingerprintLibrary())
        #expect(result.vessel?.value == "浙嘉兴货1234")
        #expect(result.mmsi?.value == "413000001")
        #expect(result.method == [.ais, .ocr, .fingerprint])
        #expect(result.alternatives.contains { $0.vessel?.value == "浙嘉兴货1284" })
    }

    @Test("the name as read outweighs a close name whose fingerprint contradicts it")
    func fingerprintSeparates() {
        let passage = WaterwayFixtures.passage("p3", time: t0, ocr: "浙嘉兴货7Z34", confidence: 0.8, laser: WaterwayFixtures.laser(62.2, 12.6))
        let result = identifier.identify(passage, crossings: [], registry: registry, fingerprints: FingerprintLibrary())
        #expect(result.vessel?.value == "浙嘉兴货7234")
        let rival = result.candidates.first { $0.vessel?.value == "浙嘉兴货1234" }
        #expect(rival?.fingerprint?.isWithinTolerance == false)
    }

    @Test("AIS alone with a fitting measurement identifies a ship whose name was not read")
    func aisAndFingerprint() {
        let passage = WaterwayFixtures.passage("p4", time: t0, laser: WaterwayFixtures.laser(38.1, 8.2))
        let result = identifier.identify(passage, crossings: [crossing(413000004)], registry: registry, fingerprints: FingerprintLibrary())
        #expect(result.vessel?.value == "苏州货0567")
        #expect(result.method == [.ais, .fingerprint])
    }

    @Test("a fingerprint alone never identifies: the standard 45 m × 10.8 m barge fits several ships")
    func fingerprintAlone() {
        let passage = WaterwayFixtures.passage("p5", time: t0, laser: WaterwayFixtures.laser(45.1, 10.8))
        let result = identifier.identify(passage, crossings: [], registry: registry, fingerprints: FingerprintLibrary())
        #expect(!result.isIdentified)
        #expect(result.vessel == nil)
        #expect(result.method.isEmpty)
        #expect(result.candidates.count >= 3)
    }

    @Test("a crossing in the other direction or at the window's edge gives no AIS evidence; a near pass gives less")
    func aisEvidence() {
        let passage = WaterwayFixtures.passage("p6", time: t0, direction: .forward)
        #expect(identifier.aisEvidence(crossing(413000001, direction: .reverse), passage: passage) == 0)
        #expect(identifier.aisEvidence(crossing(413000001, offset: 180), passage: passage) == 0)
        #expect(identifier.aisEvidence(crossing(413000001, offset: 0), passage: passage) == 1)
        #expect(abs(identifier.aisEvidence(crossing(413000001, offset: 0, kind: .near), passage: passage) - 0.7) < 1e-12)
    }

    @Test("an unknown MMSI crossing is a candidate by MMSI only; a name outside the registry is identified as read")
    func outsideRegistry() {
        let unknown = identifier.identify(
            WaterwayFixtures.passage("p7", time: t0), crossings: [crossing(412999999, offset: 0)], registry: registry,
            fingerprints: FingerprintLibrary())
        #expect(unknown.candidates.first?.mmsi?.value == "412999999")
        #expect(unknown.candidates.first?.vessel == nil)
        #expect(unknown.candidates.first?.isRegistered == false)
        let visitor = identifier.identify(
            WaterwayFixtures.passage("p8", time: t0, ocr: "鲁济宁货6688", confidence: 0.98), crossings: [], registry: registry,
            fingerprints: FingerprintLibrary())
        #expect(visitor.isIdentified)
        #expect(visitor.vessel?.value == "鲁济宁货6688")
        #expect(visitor.candidates.first?.isRegistered == false)
    }

    @Test("a reading below the OCR confidence floor is ignored; nothing to go on is not identified")
    func floors() {
        let low = identifier.identify(
            WaterwayFixtures.passage("p9", time: t0, ocr: "浙嘉兴货1234", confidence: 0.29), crossings: [], registry: registry,
            fingerprints: FingerprintLibrary())
        #expect(!low.isIdentified)
        #expect(low.candidates.isEmpty)
        #expect(low.confidence == 0)
    }

    @Test("identification is deterministic and its confidences sum to at most one")
    func deterministic() {
        let passage = WaterwayFixtures.passage("p10", time: t0, ocr: "浙嘉兴货12?4", confidence: 0.6, laser: WaterwayFixtures.laser(45.1, 10.8))
        let first = identifier.identify(passage, crossings: [crossing(413000002, offset: 60)], registry: registry, fingerprints: FingerprintLibrary())
        let second = identifier.identify(passage, crossings: [crossing(413000002, offset: 60)], registry: registry, fingerprints: FingerprintLibrary())
        #expect(first == second)
        #expect(first.candidates.reduce(0) { $0 + $1.confidence } <= 1 + 1e-9)
    }

    @Test("identification rates per checkpoint per China day")
    func rates() {
        func identification(_ checkpoint: String, _ time: Date, _ identified: Bool) -> Identification {
            Identification(passage: UUID().uuidString, checkpoint: checkpoint, time: time, vessel: nil, mmsi: nil,
                           confidence: identified ? 0.9 : 0.2, method: [], isIdentified: identified, candidates: [])
        }
        let day1Late = WaterwayFixtures.china(2026, 3, 5, 23, 59)
        let day2Early = WaterwayFixtures.china(2026, 3, 6, 0, 1)
        let rates = IdentificationRate.daily([
            identification("b", day1Late, true), identification("a", day1Late, true), identification("a", day1Late, false),
            identification("a", day2Early, true), identification("a", day1Late, true), identification("a", day1Late, true),
        ])
        #expect(rates.map(\.checkpoint) == ["a", "a", "b"])
        #expect(rates[0].day == CalendarDate(year: 2026, month: 3, day: 5))
        #expect(rates[0].passages == 4 && rates[0].identified == 3 && rates[0].rate == 0.75)
        #expect(rates[1].day == CalendarDate(year: 2026, month: 3, day: 6))
        #expect(rates[2].rate == 1)
    }
}
