import Foundation
import Testing
import XiezhiCore

/// A seeded simulation of three days of traffic at the two demo checkpoints with realistic OCR, laser and AIS noise,
/// and injected violations; it measures the identification rate and the precision and recall of the clone, AIS-off and
/// dumping detectors (issue targets: identification ≥ 98 %, precision and recall ≥ 95 %).
///
/// Noise model (per passage): 2 % no reading at all; per character 8 % a lookalike from the confusion table, 1.5 %
/// dropped, 1 % an unrelated character; OCR confidence falling with the errors; laser missing 3 %, length σ 0.25 m,
/// beam σ 0.08 m, air draft ± 0.8 m with the load; camera clock σ 2 s; AIS positions every 10 s with σ 5 m. 45 % of the
/// fleet are standard 45 × 10.8 m barges, and 15 pairs of names differ only by one confusable digit.
@Suite("Simulated traffic: identification rate and detector precision/recall")
struct WaterwaySimulationTests {
    struct Ship {
        var profile: VesselProfile
        var length: Double
        var beam: Double
        var airDraft: Double
        var hasAIS: Bool { profile.mmsi != nil }
    }

    struct Event {
        var time: Date
        var position: VesselPosition?
        var passage: CheckpointPassage?
    }

    /// What was simulated and what was injected.
    struct Scenario {
        var ships: [Ship] = []
        var events: [Event] = []
        /// Passage id → the true ship, for passages of registered ships.
        var truth: [String: VesselName] = [:]
        /// Passage ids of impostors (excluded from the identification rate).
        var impostors: Set<String> = []
        /// Passage ids where a ship that must carry AIS had it off.
        var dark: Set<String> = []
        /// MMSIs transmitted from two places at once.
        var clonedMMSIs: Set<MMSI> = []
        /// Names carried by an impostor at the other checkpoint.
        var clonedNames: Set<VesselName> = []
        /// Muck ships that stopped too long outside the unloading sites.
        var dumpers: Set<MMSI> = []
    }

    static let start = WaterwayFixtures.china(2026, 4, 1, 0, 0)
    static let checkpoints = [("hongqitang-checkpoint", "hangshen"), ("siguqiao-checkpoint", "grand-canal")]

    // MARK: - The scenario

    static func fleet(_ random: inout WaterwaySeededGenerator) -> [Ship] {
        let ports: [(String, String)] = [
            ("浙", "嘉兴"), ("浙", "湖州"), ("浙", "杭州"), ("浙", "嘉善"), ("浙", "平湖"), ("浙", "海宁"), ("苏", "州"),
            ("苏", "吴江"), ("苏", "锡"), ("皖", "宣城"), ("皖", "芜湖"), ("沪", "松江"), ("鲁", "济宁"),
        ]
        var names = Set<String>()
        var ships: [Ship] = []
        var nextMMSI = 413_500_000
        func add(_ text: String, type: String, standard: Bool) {
            guard names.insert(text).inserted else { return }
            let length = standard ? 45 + random.normal(0, 0.3) : 30 + random.unit() * 60
            let beam = standard ? 10.8 + random.normal(0, 0.1) : length * 0.17 + 0.5 + random.unit() * 1.5
            let airDraft = 3 + random.unit() * 5
            let cargo: CargoClass = type == "渣" ? .muck : (type == "油" || type == "化" ? .dangerousGoods : .general)
            let hasAIS = cargo != .general || random.chance(0.6)
            var mmsi: MMSI?
            if hasAIS {
                nextMMSI += 1 + Int(random.unit() * 50)
                mmsi = try! MMSI(nextMMSI)
            }
            let registration = try! VesselRegistration(lengthMetres: length + random.normal(0, 0.2), beamMetres: beam + random.normal(0, 0.05))
            let profile = VesselProfile(
                vessel: Vessel(name: try! VesselName(text), mmsi: mmsi, registration: registration), mustCarryAIS: hasAIS, cargoClass: cargo)
            ships.append(Ship(profile: profile, length: length, beam: beam, airDraft: airDraft))
        }
        while ships.count < 160 || ships.filter({ $0.profile.cargoClass == .muck }).count < 32 {
            let (province, port) = ports[Int(random.unit() * Double(ports.count))]
            let roll = random.unit()
            let type = roll < 0.2 ? "渣" : (roll < 0.25 ? (random.chance(0.5) ? "油" : "化") : "货")
            let digits = random.chance(0.8) ? 4 : (random.chance(0.5) ? 3 : 5)
            let number = String((0..<digits).map { _ in Character(String(Int(random.unit() * 10))) })
            let standard = type == "货" && random.chance(0.45)
            add("\(province)\(port)\(type)\(number)", type: type, standard: standard)
            // A twin differing by one confusable digit, now and then.
            if ships.count % 10 == 0, let last = ships.last {
                var characters = Array(last.profile.name.value)
                let index = characters.count - 1 - Int(random.unit() * Double(min(digits, 3)))
                let partners = OCRConfusionTable.standard.confusables(of: characters[index]).filter { $0.isASCII && $0.isNumber }
                if let partner = partners.first {
                    characters[index] = partner
                    add(String(characters), type: type, standard: standard || random.chance(0.5))
                }
            }
        }
        return ships
    }

    /// The OCR of a name with the noise model; `nil` for no reading.
    static func read(_ name: VesselName, _ random: inout WaterwaySeededGenerator) -> (String?, Double) {
        guard !random.chance(0.02) else { return (nil, 0) }
        var text = ""
        var confusions = 0, errors = 0
        let unrelated: [Character] = ["口", "日", "田", "目", "X", "?"]
        for character in name.value {
            let roll = random.unit()
            let partners = OCRConfusionTable.standard.confusables(of: character)
            if roll < 0.08, !partners.isEmpty {
                text.append(partners[Int(random.unit() * Double(partners.count))])
                confusions += 1
            } else if roll < 0.095 {
                errors += 1
            } else if roll < 0.105 {
                text.append(unrelated[Int(random.unit() * Double(unrelated.count))])
                errors += 1
            } else {
                text.append(character)
            }
        }
        let confidence = min(0.99, max(0.2, 0.97 - 0.06 * Double(confusions) - 0.15 * Double(errors) + random.normal(0, 0.03)))
        return (text, confidence)
    }

    static func measure(_ ship: Ship, _ random: inout WaterwaySeededGenerator, lengthShift: Double = 0) -> LaserMeasurement? {
        guard !random.chance(0.03) else { return nil }
        return try! LaserMeasurement(
            lengthMetres: ship.length + lengthShift + random.normal(0, 0.25), beamMetres: ship.beam + random.normal(0, 0.08),
            airDraftMetres: ship.airDraft + (random.unit() - 0.5) * 1.6)
    }

    /// AIS positions of a ship crossing a checkpoint line at `time`, ± 5 minutes.
    static func crossing(
        _ mmsi: MMSI, waterway: String, at metres: Double, time: Date, direction: PassageDirection, _ random: inout WaterwaySeededGenerator
    ) throws -> [VesselPosition] {
        let knots = 5 + random.unit() * 5
        let sign = direction == .forward ? 1.0 : -1.0
        var positions: [VesselPosition] = []
        var second = -300.0
        while second <= 300 {
            let along = metres + sign * knots * 1852 / 3600 * second
            let point = try WaterwayFixtures.point(on: waterway, at: along).offsetBy(east: random.normal(0, 5), north: random.normal(0, 5))
            positions.append(VesselPosition(
                mmsi: mmsi, time: time.addingTimeInterval(second), longitude: point.longitude, latitude: point.latitude,
                speedKnots: knots, navigationStatus: .underwayUsingEngine))
            second += 10
        }
        return positions
    }

    static func scenario(seed: UInt64) throws -> Scenario {
        var random = WaterwaySeededGenerator(seed: seed)
        var scenario = Scenario()
        scenario.ships = fleet(&random)
        let lineChainage = [try WaterwayFixtures.hongqitangChainage(), try WaterwayFixtures.siguqiaoChainage()]
        var passageCount = 0
        func passage(_ ship: Ship, checkpoint index: Int, at time: Date, direction: PassageDirection, dark: Bool = false,
                     random: inout WaterwaySeededGenerator) throws -> String {
            passageCount += 1
            let id = "P\(passageCount)"
            let (text, confidence) = read(ship.profile.name, &random)
            let record = try CheckpointPassage(
                id: id, checkpoint: checkpoints[index].0, time: time.addingTimeInterval(random.normal(0, 2)), direction: direction,
                ocrName: text, ocrConfidence: text == nil ? nil : confidence, laser: measure(ship, &random), photos: ["\(id).jpg"])
            scenario.events.append(Event(time: record.time, passage: record))
            scenario.truth[id] = ship.profile.name
            if let mmsi = ship.profile.mmsi, !dark {
                for position in try crossing(mmsi, waterway: checkpoints[index].1, at: lineChainage[index], time: time, direction: direction, &random) {
                    scenario.events.append(Event(time: position.time, position: position))
                }
            }
            return id
        }

        // Clean traffic over three days: each ship passes 2–4 times, at least 3 hours apart. Busy ships reserved for
        // injections on day three are kept to the first two days.
        let day = 86_400.0
        for ship in scenario.ships {
            var time = start.addingTimeInterval(random.unit() * 6 * 3600)
            for _ in 0..<(2 + Int(random.unit() * 3)) {
                guard time < start.addingTimeInterval(2 * day) else { break }
                _ = try passage(ship, checkpoint: Int(random.unit() * 2), at: time, direction: random.chance(0.5) ? .forward : .reverse, random: &random)
                time = time.addingTimeInterval(3 * 3600 + random.unit() * 12 * 3600)
            }
        }

        // Day three: injections, each ship used once.
        var pool = scenario.ships.shuffled(using: &random)
        func take(_ condition: (Ship) -> Bool) -> Ship {
            let index = pool.firstIndex(where: condition)!
            return pool.remove(at: index)
        }
        var slot = start.addingTimeInterval(2 * day + 3600)
        func nextSlot() -> Date {
            slot = slot.addingTimeInterval(12 * 60 + random.unit() * 6 * 60)
            return slot
        }
        // AIS off at a checkpoint: 30 ships that must carry AIS.
        for _ in 0..<30 {
            let ship = take { $0.profile.mustCarryAIS && $0.profile.cargoClass == .general }
            let id = try passage(ship, checkpoint: Int(random.unit() * 2), at: nextSlot(), direction: .forward, dark: true, random: &random)
            scenario.dark.insert(id)
        }
        // Clean AIS passages in between, on the same day.
        for _ in 0..<20 {
            let ship = take { $0.hasAIS && $0.profile.cargoClass == .general }
            _ = try passage(ship, checkpoint: Int(random.unit() * 2), at: nextSlot(), direction: .reverse, random: &random)
        }
        // Cloned MMSI: the genuine ship on the Hangshen line, a second transmitter on the Grand Canal.
        for _ in 0..<15 {
            let ship = take { $0.hasAIS && $0.profile.cargoClass == .general }
            let mmsi = ship.profile.mmsi!
            let time = nextSlot()
            for (waterway, from) in [("hangshen", 15_000.0 + random.unit() * 10_000), ("grand-canal", 40_000.0 + random.unit() * 20_000)] {
                for position in try WaterwayFixtures.track(mmsi.number, on: waterway, from: from, knots: 7, at: time.addingTimeInterval(random.unit() * 10), duration: 600) {
                    scenario.events.append(Event(time: position.time, position: position))
                }
            }
            scenario.clonedMMSIs.insert(mmsi)
        }
        // Cloned name: the genuine ship at Hongqitang, an impostor with its name and other dimensions at Siguqiao.
        for _ in 0..<15 {
            let ship = take { !$0.profile.mustCarryAIS }
            let time = nextSlot()
            _ = try passage(ship, checkpoint: 0, at: time, direction: .forward, random: &random)
            passageCount += 1
            let id = "P\(passageCount)"
            let (text, confidence) = read(ship.profile.name, &random)
            let impostor = try CheckpointPassage(
                id: id, checkpoint: checkpoints[1].0, time: time.addingTimeInterval(15 * 60 + random.unit() * 10 * 60), direction: .forward,
                ocrName: text, ocrConfidence: text == nil ? nil : confidence,
                laser: measure(ship, &random, lengthShift: 6 + random.unit() * 10), photos: ["\(id).jpg"])
            scenario.events.append(Event(time: impostor.time, passage: impostor))
            scenario.impostors.insert(id)
            scenario.clonedNames.insert(ship.profile.name)
        }
        // Muck ships: 10 dump (40 minutes outside the sites), 10 unload at a site (60 minutes), 10 stop briefly (12 minutes).
        let geography = try WaterwayFixtures.geography()
        var muck = scenario.ships.filter { $0.profile.cargoClass == .muck }.shuffled(using: &random)
        #expect(muck.count >= 30)
        for kind in 0..<3 {
            for _ in 0..<10 {
                let ship = muck.removeFirst()
                let mmsi = ship.profile.mmsi!
                var point: GeoPoint
                if kind == 1 {
                    let site = geography.unloadingSites[Int(random.unit() * Double(geography.unloadingSites.count))]
                    point = site.location.offsetBy(east: random.normal(0, 60), north: random.normal(0, 60))
                } else {
                    repeat {
                        let (waterway, length) = random.chance(0.5) ? ("hangshen", 50_000.0) : ("grand-canal", 95_000.0)
                        point = try WaterwayFixtures.point(on: waterway, at: 3000 + random.unit() * (length - 6000))
                    } while geography.jurisdiction(at: point) == nil
                        || geography.unloadingSites.contains { $0.location.distance(to: point) < 1500 }
                }
                let minutes = [40, 60, 12][kind]
                let time = start.addingTimeInterval(2.5 * day + random.unit() * 0.4 * day)
                for minute in 0...minutes {
                    let position = VesselPosition(
                        mmsi: mmsi, time: time.addingTimeInterval(Double(minute) * 60), longitude: point.longitude + random.normal(0, 0.00003),
                        latitude: point.latitude + random.normal(0, 0.00003), speedKnots: 0.1, navigationStatus: .underwayUsingEngine)
                    scenario.events.append(Event(time: position.time, position: position))
                }
                if kind == 0 { scenario.dumpers.insert(mmsi) }
            }
        }
        scenario.events.sort { $0.time < $1.time }
        return scenario
    }

    /// Runs the scenario through a monitor with an empty fingerprint library, sweeping every simulated minute.
    static func run(_ scenario: Scenario) throws -> (WaterwayReport, WaterwayMonitor) {
        var monitor = try WaterwayFixtures.monitor(scenario.ships.map(\.profile))
        var report = WaterwayReport()
        var nextSweep = start
        for event in scenario.events {
            while nextSweep < event.time {
                report.append(monitor.sweep(now: nextSweep))
                nextSweep = nextSweep.addingTimeInterval(300)
            }
            if let position = event.position { report.clues += monitor.observe(position) }
            if let passage = event.passage { report.append(try monitor.observe(passage)) }
        }
        report.append(monitor.sweep(now: nextSweep.addingTimeInterval(3600)))
        return (report, monitor)
    }

    // MARK: - Measurements

    /// Counts over one run.
    struct Tally {
        var passages = 0, correct = 0, wrong = 0
        var aisOffFound = 0, aisOffHits = 0, aisOffExpected = 0
        var cloneFound = 0, cloneHits = 0, cloneExpected = 0
        var dumpingFound = 0, dumpingHits = 0, dumpingExpected = 0

        static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(
                passages: lhs.passages + rhs.passages, correct: lhs.correct + rhs.correct, wrong: lhs.wrong + rhs.wrong,
                aisOffFound: lhs.aisOffFound + rhs.aisOffFound, aisOffHits: lhs.aisOffHits + rhs.aisOffHits,
                aisOffExpected: lhs.aisOffExpected + rhs.aisOffExpected, cloneFound: lhs.cloneFound + rhs.cloneFound,
                cloneHits: lhs.cloneHits + rhs.cloneHits, cloneExpected: lhs.cloneExpected + rhs.cloneExpected,
                dumpingFound: lhs.dumpingFound + rhs.dumpingFound, dumpingHits: lhs.dumpingHits + rhs.dumpingHits,
                dumpingExpected: lhs.dumpingExpected + rhs.dumpingExpected)
        }
    }

    /// Runs one seed and counts identifications and detections against the ground truth.
    static func tally(seed: UInt64) throws -> Tally {
        let scenario = try scenario(seed: seed)
        let (report, monitor) = try run(scenario)
        var tally = Tally()

        // Identification of the registered ships' genuine passages.
        let genuine = report.identifications.filter { !scenario.impostors.contains($0.passage) }
        #expect(genuine.count == scenario.truth.count, "seed \(seed): every passage judged")
        tally.passages = genuine.count
        tally.correct = genuine.filter { $0.isIdentified && $0.vessel == scenario.truth[$0.passage] }.count
        tally.wrong = genuine.filter { $0.isIdentified && $0.vessel != scenario.truth[$0.passage] }.count
        #expect(IdentificationRate.daily(report.identifications).count == 6, "seed \(seed): two checkpoints × three days")
        #expect(monitor.fingerprints.count > scenario.ships.count / 2, "seed \(seed): the library grew")

        // AIS off at a checkpoint: a hit is a clue whose evidence is an injected dark passage.
        let aisOff = report.clues.filter { $0.kind == .aisOffAtCheckpoint }
        tally.aisOffFound = aisOff.count
        tally.aisOffHits = Set(aisOff.compactMap { clue in clue.evidence.compactMap(\.passage?.id).first { scenario.dark.contains($0) } }).count
        tally.aisOffExpected = scenario.dark.count

        // Cloned identity: an injected MMSI by the track rule, or an injected name by a checkpoint rule.
        let clones = report.clues.filter { $0.kind == .clonedIdentity }
        tally.cloneFound = clones.count
        tally.cloneHits = Set(clones.compactMap { clue -> String? in
            if clue.rule == "clone.mmsi_speed", let mmsi = clue.mmsi, scenario.clonedMMSIs.contains(mmsi) { return "mmsi:\(mmsi)" }
            if clue.rule != "clone.mmsi_speed", let name = clue.vessel, scenario.clonedNames.contains(name) { return "name:\(name)" }
            return nil
        }).count
        tally.cloneExpected = scenario.clonedMMSIs.count + scenario.clonedNames.count

        // Dumping.
        let dumping = report.clues.filter { $0.kind == .suspectedDumping }
        tally.dumpingFound = dumping.count
        tally.dumpingHits = Set(dumping.compactMap(\.mmsi).filter(scenario.dumpers.contains)).count
        tally.dumpingExpected = scenario.dumpers.count
        return tally
    }

    @Test("identification ≥ 98 % under OCR noise; clone, AIS-off and dumping precision and recall ≥ 95 % (three seeds pooled)")
    func simulatedTraffic() throws {
        let seeds: [UInt64] = [20_260_401, 7, 424_242]
        var total = Tally()
        for seed in seeds {
            let tally = try Self.tally(seed: seed)
            #expect(Double(tally.wrong) <= 0.01 * Double(tally.passages), "seed \(seed): \(tally.wrong) passages identified as the wrong ship")
            #expect(Double(tally.correct) >= 0.97 * Double(tally.passages), "seed \(seed): \(tally.correct) of \(tally.passages) identified")
            total = total + tally
        }
        let rate = Double(total.correct) / Double(total.passages)
        #expect(rate >= 0.98, "\(total.correct) of \(total.passages) passages identified correctly")
        Self.expectScores("AIS off", found: total.aisOffFound, hits: total.aisOffHits, expected: total.aisOffExpected)
        Self.expectScores("clone", found: total.cloneFound, hits: total.cloneHits, expected: total.cloneExpected)
        Self.expectScores("dumping", found: total.dumpingFound, hits: total.dumpingHits, expected: total.dumpingExpected)
    }

    /// Precision = distinct injected cases found ÷ clues raised, recall = distinct injected cases found ÷ injected; both
    /// ≥ 95 %.
    static func expectScores(_ name: String, found: Int, hits: Int, expected: Int) {
        let precision = found == 0 ? 0 : Double(hits) / Double(found)
        let recall = Double(hits) / Double(expected)
        #expect(precision >= 0.95, "\(name): precision \(hits)/\(found)")
        #expect(recall >= 0.95, "\(name): recall \(hits)/\(expected)")
    }
}
