import Foundation
import XiezhiCore

/// Vessel traffic over the demo waterways (Hangshen line, Grand Canal, Huangpu upper reaches) with realistic noise and
/// injected violations, all with ground truth.
///
/// Noise model, per passage: 2 % no reading; per character 8 % a lookalike from the OCR confusion table (Chinese
/// characters and digits), 1.5 % dropped, 1 % an unrelated character; OCR confidence falling with the errors; laser
/// missing 3 %, length σ 0.25 m, beam σ 0.08 m, air draft ± 0.8 m with the load; camera clock σ 2 s; AIS every 10 s
/// with σ 5 m around the checkpoint (± 5 min). 45 % of the cargo fleet are standard 45 × 10.8 m barges, and one name in
/// ten has a twin differing by one confusable digit. Between the stretches the simulation shows, ships lie at berths:
/// each stretch ends with a moored report.
///
/// The first two thirds of the period carry clean traffic (the fingerprint library grows from it); the last third
/// carries the injections, scaled to the period (per 24 h: 10 AIS off at a checkpoint, 5 cloned MMSIs, 5 cloned
/// names, 4 covered plates, 4 dumpings, 4 night runs, 4 AIS gaps, with as many look-alike innocent events: clean AIS
/// passages, unloading at approved sites, short stops).
public struct WaterwayTrafficGenerator: Sendable {
    public let geography: WaterwayGeography

    /// The checkpoints the traffic passes and the waterway each spans.
    let checkpoints: [(id: String, waterway: String)]

    public init(geography: WaterwayGeography) {
        self.geography = geography
        checkpoints = geography.rules.checkpoints.map { ($0.id, $0.waterway) }
    }

    /// The scenario of `hours` from `start` with `seed`.
    public func scenario(seed: UInt64, hours: Double, start: Date) throws -> WaterwayScenario {
        var random = SeededGenerator(seed: seed)
        let end = start.addingTimeInterval(hours * 3600)
        let scale = max(hours / 24, 0.25)
        func count(_ perDay: Int) -> Int { max(2, Int((Double(perDay) * scale).rounded())) }
        let injected = count(10) * 2 + count(5) * 2 + count(5) + count(4) + count(4) + count(4)
        let ships = try fleet(size: max(160, injected * 2), muck: max(32, count(4) * 3 + count(4) + 4), &random)
        var builder = Builder(generator: self, start: start, end: end, ships: ships)
        let lines = try checkpoints.map { try chainage(of: geography.rules.checkpoint($0.id)!.line.midpoint, on: $0.waterway) }

        // Clean traffic in the first two thirds: each ship every 3–15 hours; muck ships only by day.
        let cleanEnd = start.addingTimeInterval(hours * 3600 * 2 / 3)
        for ship in ships {
            var time = start.addingTimeInterval(600 + random.unit() * min(6, hours / 4) * 3600)
            while time < cleanEnd {
                if ship.profile.cargoClass != .muck || isDaytime(time) {
                    let index = Int(random.unit() * Double(checkpoints.count))
                    let direction: PassageDirection = random.chance(0.5) ? .forward : .reverse
                    try builder.passage(ship, checkpoint: index, line: lines[index], at: time, direction: direction, &random)
                }
                time = time.addingTimeInterval(3 * 3600 + random.unit() * 12 * 3600)
            }
        }

        // Injections in the last third, each ship used once.
        var pool = ships.filter { $0.profile.cargoClass == .general }.shuffled(using: &random)
        func take(_ condition: (WaterwayScenario.Ship) -> Bool) throws -> WaterwayScenario.Ship {
            guard let index = pool.firstIndex(where: condition) else {
                throw DomainError(code: "simulation_fleet_exhausted", reason: "the fleet has no ship left for an injection")
            }
            return pool.remove(at: index)
        }
        let window = (from: cleanEnd.addingTimeInterval(1800), length: end.timeIntervalSince(cleanEnd) - 5400)
        func slot() -> Date { window.from.addingTimeInterval(random.unit() * window.length) }

        for _ in 0..<count(10) {  // AIS off at a checkpoint, and clean AIS passages as look-alikes
            let ship = try take { $0.profile.mustCarryAIS }
            let index = Int(random.unit() * Double(checkpoints.count)), time = slot()
            let id = try builder.passage(ship, checkpoint: index, line: lines[index], at: time, direction: .forward, dark: true, &random)
            builder.truth.aisOff.insert(id)
        }
        for _ in 0..<count(10) {
            let ship = try take { $0.hasAIS }
            let index = Int(random.unit() * Double(checkpoints.count)), time = slot()
            try builder.passage(ship, checkpoint: index, line: lines[index], at: time, direction: .reverse, &random)
        }
        for _ in 0..<count(5) {  // cloned MMSI: the genuine ship on the Hangshen line, a second transmitter on the Grand Canal
            let ship = try take { $0.hasAIS && !$0.classB }
            let time = slot()
            let hangshen = 15_000 + random.unit() * 10_000, canal = 40_000 + random.unit() * 20_000, lag = random.unit() * 10
            try builder.sail(ship, on: "hangshen", from: hangshen, knots: 7, at: time, duration: 600, &random)
            try builder.sail(ship, on: "grand-canal", from: canal, knots: 7, at: time.addingTimeInterval(lag), duration: 600, &random)
            builder.truth.clonedMMSIs.insert(ship.profile.mmsi!)
        }
        for _ in 0..<count(5) {  // cloned name: the genuine ship at the first checkpoint, an impostor with other dimensions at the second
            let ship = try take { !$0.profile.mustCarryAIS }
            let time = slot()
            try builder.passage(ship, checkpoint: 0, line: lines[0], at: time, direction: .forward, &random)
            let later = time.addingTimeInterval(15 * 60 + random.unit() * 10 * 60), shift = 6 + random.unit() * 10
            let id = try builder.impostor(of: ship, checkpoint: 1, at: later, lengthShift: shift, &random)
            builder.truth.impostors.insert(id)
            builder.truth.clonedNames.insert(ship.profile.name)
        }
        for _ in 0..<count(4) {  // covered plate: a ship with AIS whose name the camera cannot see
            let ship = try take { $0.hasAIS }
            let index = Int(random.unit() * Double(checkpoints.count)), time = slot()
            let id = try builder.passage(ship, checkpoint: index, line: lines[index], at: time, direction: .forward, covered: true, &random)
            builder.truth.coveredPlates.insert(id)
        }

        // Muck ships: dumping (40 min outside the sites), unloading at a site (60 min), short stops (12 min), night runs.
        var muck = ships.filter { $0.profile.cargoClass == .muck && $0.hasAIS }.shuffled(using: &random)
        for (kind, minutes) in [(0, 40), (1, 60), (2, 12)] {
            for _ in 0..<count(4) {
                guard !muck.isEmpty else { break }
                let ship = muck.removeFirst()
                let point = kind == 1 ? unloadingPoint(&random) : try dumpingPoint(&random)
                let time = slot()
                builder.stop(ship, at: point, time: time, minutes: minutes, &random)
                if kind == 0 { builder.truth.dumpers.insert(ship.profile.mmsi!) }
            }
        }
        for _ in 0..<count(4) {
            guard !muck.isEmpty else { break }
            let ship = muck.removeFirst()
            let restriction = geography.rules.nightRestrictions[Int(random.unit() * Double(geography.rules.nightRestrictions.count))]
            guard let segmentID = restriction.segments.first, let segment = geography.rules.segment(segmentID) else { continue }
            let a = try chainage(of: segment.from, on: segment.waterway), b = try chainage(of: segment.to, on: segment.waterway)
            // 15 minutes at 6 kn (2.8 km) inside the segment and the restriction's jurisdiction.
            var candidates: [Double] = []
            for along in stride(from: min(a, b) + 300, to: max(a, b) - 3100, by: 250) {
                let ends = [try point(on: segment.waterway, at: along), try point(on: segment.waterway, at: along + 2800)]
                if ends.allSatisfy({ geography.segment(segmentID, contains: $0) && geography.jurisdiction(at: $0) == restriction.jurisdiction }) {
                    candidates.append(along)
                }
            }
            guard !candidates.isEmpty, let time = nightTime(after: window.from, before: end, &random) else { continue }
            let along = candidates[Int(random.unit() * Double(candidates.count))]
            try builder.sail(ship, on: segment.waterway, from: along, knots: 6, at: time, duration: 900, &random)
            builder.truth.nightRunners.insert(ship.profile.mmsi!)
        }
        for _ in 0..<count(4) {  // AIS gap: underway inside coverage, then silent
            let ship = try take { $0.hasAIS }
            let (waterway, length) = random.chance(0.5) ? ("hangshen", 40_000.0) : ("grand-canal", 80_000.0)
            let from = 5000 + random.unit() * (length - 10_000), time = window.from.addingTimeInterval(random.unit() * 3600)
            try builder.sail(ship, on: waterway, from: from, knots: 6, at: time, duration: 600, berth: false, &random)
            builder.truth.aisGaps.insert(ship.profile.mmsi!)
        }

        builder.events.sort { $0.time < $1.time }
        return WaterwayScenario(start: start, end: end, ships: ships, events: builder.events, truth: builder.truth)
    }

    // MARK: - The fleet

    static let ports: [(String, String)] = [
        ("浙", "嘉兴"), ("浙", "湖州"), ("浙", "杭州"), ("浙", "嘉善"), ("浙", "平湖"), ("浙", "海宁"), ("苏", "州"),
        ("苏", "吴江"), ("苏", "锡"), ("皖", "宣城"), ("皖", "芜湖"), ("沪", "松江"), ("鲁", "济宁"),
    ]

    func fleet(size: Int, muck: Int, _ random: inout SeededGenerator) throws -> [WaterwayScenario.Ship] {
        var names = Set<String>()
        var ships: [WaterwayScenario.Ship] = []
        var nextMMSI = 413_500_000
        func add(_ text: String, type: String, standard: Bool) throws {
            guard names.insert(text).inserted else { return }
            let length = standard ? 45 + random.normal(0, 0.3) : 30 + random.unit() * 60
            let beam = standard ? 10.8 + random.normal(0, 0.1) : length * 0.17 + 0.5 + random.unit() * 1.5
            let airDraft = 3 + random.unit() * 5
            let cargo: CargoClass = type == "渣" ? .muck : (type == "油" || type == "化" ? .dangerousGoods : .general)
            let hasAIS = cargo != .general || random.chance(0.6)
            var mmsi: MMSI?
            if hasAIS {
                nextMMSI += 1 + Int(random.unit() * 50)
                mmsi = try MMSI(nextMMSI)
            }
            let registration = try VesselRegistration(lengthMetres: length + random.normal(0, 0.2), beamMetres: beam + random.normal(0, 0.05))
            let name = try VesselName(text)
            let profile = VesselProfile(vessel: Vessel(name: name, mmsi: mmsi, registration: registration), mustCarryAIS: hasAIS, cargoClass: cargo)
            ships.append(WaterwayScenario.Ship(
                profile: profile, length: length, beam: beam, airDraft: airDraft, classB: hasAIS && cargo == .general && random.chance(0.2),
                aisName: Self.pinyin(text), callSign: "BZ\(String(nextMMSI).suffix(5))"))
        }
        while ships.count < size || ships.filter({ $0.profile.cargoClass == .muck }).count < muck {
            let (province, port) = Self.ports[Int(random.unit() * Double(Self.ports.count))]
            let roll = random.unit()
            let type = roll < 0.2 ? "渣" : (roll < 0.25 ? (random.chance(0.5) ? "油" : "化") : "货")
            let digits = random.chance(0.8) ? 4 : (random.chance(0.5) ? 3 : 5)
            let number = String((0..<digits).map { _ in Character(String(Int(random.unit() * 10))) })
            let standard = type == "货" && random.chance(0.45)
            try add("\(province)\(port)\(type)\(number)", type: type, standard: standard)
            // A twin differing by one confusable digit, now and then.
            if ships.count % 10 == 0, let last = ships.last {
                var characters = Array(last.profile.name.value)
                let index = characters.count - 1 - Int(random.unit() * Double(min(digits, 3)))
                let partners = OCRConfusionTable.standard.confusables(of: characters[index]).filter { $0.isASCII && $0.isNumber }
                if let partner = partners.first {
                    characters[index] = partner
                    try add(String(characters), type: type, standard: standard || random.chance(0.5))
                }
            }
        }
        return ships
    }

    /// The AIS name of a registered name: its Chinese characters in pinyin, digits kept (`浙嘉兴货1234` → `ZHEJIAXINGHUO1234`).
    static func pinyin(_ name: String) -> String {
        String(name.flatMap { character -> String in
            character.isASCII ? String(character).uppercased() : (pinyinTable[character] ?? "X")
        }.prefix(20))
    }

    static let pinyinTable: [Character: String] = [
        "浙": "ZHE", "嘉": "JIA", "兴": "XING", "湖": "HU", "州": "ZHOU", "杭": "HANG", "善": "SHAN", "平": "PING", "海": "HAI", "宁": "NING",
        "苏": "SU", "吴": "WU", "江": "JIANG", "锡": "XI", "皖": "WAN", "宣": "XUAN", "城": "CHENG", "芜": "WU", "沪": "HU", "松": "SONG",
        "鲁": "LU", "济": "JI", "货": "HUO", "渣": "ZHA", "油": "YOU", "化": "HUA",
    ]

    // MARK: - Noise

    /// The OCR of a name with the noise model; `nil` for no reading.
    static func read(_ name: VesselName, _ random: inout SeededGenerator) -> (String?, Double) {
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

    static func measure(_ ship: WaterwayScenario.Ship, _ random: inout SeededGenerator, lengthShift: Double = 0) throws -> LaserMeasurement? {
        guard !random.chance(0.03) else { return nil }
        return try LaserMeasurement(
            lengthMetres: ship.length + lengthShift + random.normal(0, 0.25), beamMetres: ship.beam + random.normal(0, 0.08),
            airDraftMetres: ship.airDraft + (random.unit() - 0.5) * 1.6)
    }

    // MARK: - Places and times

    func line(_ waterway: String) throws -> GeoPolyline {
        guard let found = geography.region.waterway(waterway) else {
            throw DomainError(code: "unknown_waterway", reason: "the region has no waterway '\(waterway)'")
        }
        return found.line
    }

    /// The point `metres` along a waterway's line from its first point.
    func point(on waterway: String, at metres: Double) throws -> GeoPoint {
        try line(waterway).point(atChainage: metres) ?? GeoPoint(longitude: 0, latitude: 0)
    }

    /// Metres along a waterway's line to the point of it nearest `point`.
    func chainage(of point: GeoPoint, on waterway: String) throws -> Double {
        try line(waterway).chainage(of: point) ?? 0
    }

    /// A point on a waterway inside the region, far from every approved unloading site.
    func dumpingPoint(_ random: inout SeededGenerator) throws -> GeoPoint {
        while true {
            let (waterway, length) = random.chance(0.5) ? ("hangshen", 50_000.0) : ("grand-canal", 95_000.0)
            let point = try point(on: waterway, at: 3000 + random.unit() * (length - 6000))
            if geography.jurisdiction(at: point) != nil, !geography.unloadingSites.contains(where: { $0.location.distance(to: point) < 1500 }) {
                return point
            }
        }
    }

    /// A point inside an approved unloading site.
    func unloadingPoint(_ random: inout SeededGenerator) -> GeoPoint {
        let site = geography.unloadingSites[Int(random.unit() * Double(geography.unloadingSites.count))]
        return site.location.offsetBy(east: random.normal(0, 60), north: random.normal(0, 60))
    }

    /// 06:30–21:30 China time (clear of every night restriction in the demo rules).
    func isDaytime(_ time: Date) -> Bool {
        let minute = ChinaTime.calendar.component(.hour, from: time) * 60 + ChinaTime.calendar.component(.minute, from: time)
        return minute >= 6 * 60 + 30 && minute <= 21 * 60 + 30
    }

    /// A time between 23:00 and 04:00 China time, at least 15 minutes before `before` and after `after`; `nil` when the
    /// window holds none.
    func nightTime(after: Date, before: Date, _ random: inout SeededGenerator) -> Date? {
        var spans: [(Date, Date)] = []
        var day = ChinaTime.calendar.startOfDay(for: after).addingTimeInterval(-86_400)
        while day < before {
            let from = max(day.addingTimeInterval(23 * 3600), after), to = min(day.addingTimeInterval(28 * 3600), before.addingTimeInterval(-900))
            if from < to { spans.append((from, to)) }
            day = day.addingTimeInterval(86_400)
        }
        guard !spans.isEmpty else { return nil }
        let span = spans[Int(random.unit() * Double(spans.count))]
        return span.0.addingTimeInterval(random.unit() * span.1.timeIntervalSince(span.0))
    }
}

/// Accumulates the events and the truth while the scenario is built.
struct Builder {
    let generator: WaterwayTrafficGenerator
    let start: Date
    let end: Date
    let ships: [WaterwayScenario.Ship]
    var events: [WaterwayScenario.Event] = []
    var truth = WaterwayScenario.Truth()
    /// Genuine passages per ship so far.
    var passages: [VesselName: Int] = [:]
    var counter = 0

    init(generator: WaterwayTrafficGenerator, start: Date, end: Date, ships: [WaterwayScenario.Ship]) {
        self.generator = generator
        self.start = start
        self.end = end
        self.ships = ships
    }

    mutating func nextID(_ checkpoint: Int) -> String {
        counter += 1
        return "\(generator.checkpoints[checkpoint].id.prefix(4).uppercased())-\(counter)"
    }

    /// A genuine passage (and, unless dark, the AIS positions of its crossing). Returns the passage id.
    @discardableResult
    mutating func passage(
        _ ship: WaterwayScenario.Ship, checkpoint: Int, line: Double, at time: Date, direction: PassageDirection, dark: Bool = false,
        covered: Bool = false, _ random: inout SeededGenerator
    ) throws -> String {
        let id = nextID(checkpoint)
        let (text, confidence) = covered ? (nil, 0) : WaterwayTrafficGenerator.read(ship.profile.name, &random)
        let record = try CheckpointPassage(
            id: id, checkpoint: generator.checkpoints[checkpoint].id, time: time.addingTimeInterval(random.normal(0, 2)), direction: direction,
            ocrName: text, ocrConfidence: text == nil ? nil : confidence, laser: WaterwayTrafficGenerator.measure(ship, &random), photos: ["photo/\(id)-1.jpg", "photo/\(id)-2.jpg"])
        events.append(.passage(record))
        truth.passageVessel[id] = ship.profile.name
        passages[ship.profile.name, default: 0] += 1
        if ship.hasAIS, !dark {
            let knots = 5 + random.unit() * 5
            let sign = direction == .forward ? 1.0 : -1.0
            let metresPerSecond = knots * 1852 / 3600
            try sail(ship, on: generator.checkpoints[checkpoint].waterway, from: line - sign * metresPerSecond * 300, knots: sign * knots,
                     at: time.addingTimeInterval(-300), duration: 600, &random)
        }
        return id
    }

    /// An impostor's passage: another ship (other dimensions) showing `ship`'s name.
    mutating func impostor(
        of ship: WaterwayScenario.Ship, checkpoint: Int, at time: Date, lengthShift: Double, _ random: inout SeededGenerator
    ) throws -> String {
        let id = nextID(checkpoint)
        let (text, confidence) = WaterwayTrafficGenerator.read(ship.profile.name, &random)
        events.append(.passage(try CheckpointPassage(
            id: id, checkpoint: generator.checkpoints[checkpoint].id, time: time, direction: .forward, ocrName: text,
            ocrConfidence: text == nil ? nil : confidence, laser: WaterwayTrafficGenerator.measure(ship, &random, lengthShift: lengthShift),
            photos: ["photo/\(id)-1.jpg"])))
        return id
    }

    /// AIS positions of a ship sailing along a waterway every 10 s (σ 5 m), then (when `berth`) a moored report.
    mutating func sail(
        _ ship: WaterwayScenario.Ship, on waterway: String, from metres: Double, knots: Double, at time: Date, duration: TimeInterval,
        berth: Bool = true, _ random: inout SeededGenerator
    ) throws {
        guard let mmsi = ship.profile.mmsi else { return }
        let course = try courseAlong(waterway, at: metres, knots: knots)
        var elapsed = 0.0
        var last: GeoPoint?
        while elapsed <= duration {
            let along = metres + knots * 1852 / 3600 * elapsed
            let point = try generator.point(on: waterway, at: along).offsetBy(east: random.normal(0, 5), north: random.normal(0, 5))
            events.append(.position(VesselPosition(
                mmsi: mmsi, time: time.addingTimeInterval(elapsed), longitude: point.longitude, latitude: point.latitude, speedKnots: abs(knots),
                courseDegrees: course, headingDegrees: Int(course.rounded()) % 360, navigationStatus: .underwayUsingEngine)))
            last = point
            elapsed += 10
        }
        if berth, let last {
            events.append(.position(VesselPosition(
                mmsi: mmsi, time: time.addingTimeInterval(duration + 60), longitude: last.longitude, latitude: last.latitude, speedKnots: 0,
                courseDegrees: nil, headingDegrees: nil, navigationStatus: .moored)))
        }
    }

    /// A muck ship stopped at `point` for `minutes`, reporting every minute, then moored.
    mutating func stop(_ ship: WaterwayScenario.Ship, at point: GeoPoint, time: Date, minutes: Int, _ random: inout SeededGenerator) {
        guard let mmsi = ship.profile.mmsi else { return }
        for minute in 0...minutes {
            events.append(.position(VesselPosition(
                mmsi: mmsi, time: time.addingTimeInterval(Double(minute) * 60), longitude: point.longitude + random.normal(0, 0.00003),
                latitude: point.latitude + random.normal(0, 0.00003), speedKnots: 0.1, navigationStatus: .underwayUsingEngine)))
        }
    }

    /// The course over ground of a ship at `metres` along a waterway moving at signed `knots`.
    func courseAlong(_ waterway: String, at metres: Double, knots: Double) throws -> Double {
        let a = try generator.point(on: waterway, at: metres), b = try generator.point(on: waterway, at: metres + (knots >= 0 ? 50 : -50))
        let plane = LocalPlane(origin: a)
        let d = plane.project(b)
        let degrees = atan2(d.x, d.y) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }
}

extension SeededGenerator {
    /// A uniform number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A normal deviate (Box–Muller).
    mutating func normal(_ mean: Double = 0, _ deviation: Double = 1) -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return mean + deviation * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
