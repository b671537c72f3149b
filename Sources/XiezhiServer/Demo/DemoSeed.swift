import Foundation
import XiezhiCore
import XiezhiSimulator
import XiezhiStore

/// Seeds one node of the demo from its agency (``DemoAgency``): an account for every role of each desk it holds, its
/// registered subjects, its WIM stations with three days of traffic, its cases in many stages, its units — every case
/// created through the real case service, so that timelines, clocks, audit entries, documents and the federation
/// messages they cause (penalty records, 送达互助 requests, Art. 44 copies, referrals) are genuine. Register the
/// partners first (``DemoFederation/pair(_:at:)``): the messages are written in the same transactions as the steps
/// that cause them and travel when the nodes run.
///
/// The cases span the last ~100 days: the clock is pinned to each step's time while seeding.
public enum DemoSeed {
    public static let pinghu = JurisdictionCode(rawValue: "330482")!
    public static let jinshan = JurisdictionCode(rawValue: "310116")!
    /// 嘉善县: the Hongqitang checkpoint on the Hangshen line, where the simulated ships' alerts land.
    public static let jiashan = JurisdictionCode(rawValue: "330421")!
    /// The demo's shared password (printed with the logins; change it on any node that is not a demo).
    public static let password = "xiezhi-demo"

    /// One demo login.
    public struct Login: Sendable {
        public var username: String
        public var role: Role
        public var jurisdiction: JurisdictionCode
        public var displayName: String
    }

    /// Every login of the demo, node by node, in the order printed.
    public static var logins: [Login] { DemoAgency.all.flatMap(\.logins) }

    /// Whether the node already holds its agency's demo (the agency's first login exists).
    public static func isSeeded(_ node: Node, agency: DemoAgency) throws -> Bool {
        try node.accounts.credentials(username: agency.logins[0].username) != nil
    }

    /// Seeds `agency`'s node. `clock` must be the clock the node was opened with.
    public static func seed(_ node: Node, agency: DemoAgency, clock: DemoClock) throws {
        let start = Date().addingTimeInterval(-100 * 86400)
        clock.pin(start)
        defer { clock.pin(nil) }
        var accounts: [String: Account] = [:]
        let certified: Set<Role> = [.officer, .caseHandler, .legalReviewer, .agencyHead, .commander]
        for (index, login) in agency.logins.enumerated() {
            let serial = 110_000 + agency.portOffset * 1_000 + index + 1
            let number = certified.contains(login.role) ? "\(login.jurisdiction.provincePrefix)\(String(format: "%06d", serial))" : nil
            accounts[login.username] = try node.createAccount(
                username: login.username, displayName: login.displayName, role: login.role, jurisdiction: login.jurisdiction,
                certificateNumber: number, password: password, by: "system:demo")
        }
        var seeder = Seeder(node: node, agency: agency, clock: clock, start: start, accounts: accounts)
        try seeder.registerStations()
        try seeder.registerSubjects()
        switch agency.name {
        case DemoAgency.pinghu.name:
            try seeder.pinghuCases()
            try seeder.pinghuReferrals()
        case DemoAgency.jinshan.name:
            try seeder.jinshanCases()
        default:
            break
        }
        try seeder.weighTraffic()
        try seeder.units()
    }
}

/// The seeding steps, each at its own day offset from `start`.
struct Seeder {
    let node: Node
    let agency: DemoAgency
    let clock: DemoClock
    let start: Date
    let accounts: [String: Account]
    var service: CaseService { CaseService(node: node) }

    func account(_ username: String) -> Account { accounts[username]! }
    func at(_ day: Double) { clock.pin(start.addingTimeInterval(day * 86400)) }

    /// A SHA-256 of demo evidence bytes (the bytes themselves are the description; a real node hashes the file).
    func hash(_ text: String) -> String { SHA256Hex.of(text) }

    /// Every weigh-in-motion site of the region in the agency's province becomes a station of its node (Pinghu's
    /// node stands for the Zhejiang side's stations, Jinshan's for the Shanghai side's): published 200 days ago and
    /// activated 15 days later, calibrated for a year — except Tongxiang's G60 station, whose certificate ran out 10
    /// days before the seed started (its records are screening-only).
    mutating func registerStations() throws {
        let stations = WeighStationStore(database: node.database, signingKey: node.key)
        at(0)
        let today = CalendarDate(chinaDateOf: clock.now())
        for site in node.rules.current.region.sites where site.type == .wimStation && site.jurisdiction.provincePrefix == agency.stationProvince {
            let expired = site.id == "wim-g60-tongxiang"
            let issuer = site.jurisdiction.provincePrefix == "31" ? "上海市计量测试技术研究院" : "浙江省交通建设工程计量中心"
            let certificate = CalibrationCertificate(
                issuer: issuer, number: "JJG-\(site.jurisdiction)-\(site.id.uppercased())",
                validFrom: today.adding(days: expired ? -375 : -100), validTo: today.adding(days: expired ? -10 : 265))
            let station = WeighStation(
                id: site.id, name: site.name, jurisdiction: site.jurisdiction, location: site.location, road: site.road, stake: site.stake,
                lanes: [1, 2, 3], deviceModel: "WIM-S6 动态称重系统", calibrations: [certificate],
                publishedOn: today.adding(days: -200), activatedOn: today.adding(days: -185))
            try stations.save(station, by: "system:demo", at: clock.now())
        }
    }

    mutating func registerSubjects() throws {
        let subjects = SubjectStore(database: node.database, signingKey: node.key)
        let vehicles: [(String, PlateColor, JurisdictionCode)] = [
            ("浙F·A1234", .yellow, DemoSeed.pinghu), ("沪D·12345", .yellow, DemoSeed.pinghu), ("浙F·23456", .yellow, DemoSeed.pinghu),
            ("浙F·88888", .yellow, DemoSeed.pinghu), ("浙F·34567", .yellow, DemoSeed.pinghu), ("苏E·56789", .yellow, DemoSeed.pinghu),
            ("浙F·45678", .yellow, DemoSeed.pinghu), ("浙F·67890", .yellow, DemoSeed.pinghu), ("沪A·54321", .yellow, DemoSeed.jinshan),
            ("浙F·13579", .yellow, DemoSeed.jinshan), ("沪B·24680", .yellow, DemoSeed.jinshan), ("沪D·12345", .yellow, DemoSeed.jinshan),
            ("浙F·24680", .yellow, DemoSeed.jinshan),
        ]
        at(0)
        for (plate, color, jurisdiction) in vehicles where agency.holds(jurisdiction) {
            let key = try VehicleKey(plate: plate, color: color)
            let vehicle = Vehicle(key: key, kind: .truck)
            try subjects.register(.init(
                key: vehicle.subjectKey.stringValue, kind: "vehicle", label: key.chineseLabel, data: try CanonicalJSON.string(vehicle),
                jurisdiction: jurisdiction, registeredBy: "system:demo", registeredAt: clock.now()))
        }
    }

    func key(_ plate: String) throws -> String { SubjectKey.vehicle(try VehicleKey(plate: plate, color: .yellow)).stringValue }

    func open(_ username: String, plate: String, violation: String = "overload", facts: String, place: CasePlace, occurredDay: Double, day: Double) throws -> String {
        at(day)
        let intake = ClueIntake(
            jurisdiction: account(username).jurisdiction, subject: try key(plate), partyKind: .individual, violationKind: violation, facts: facts,
            place: place, occurredAt: start.addingTimeInterval(occurredDay * 86400), source: "非现场治超检测点")
        return try service.open(intake, by: account(username)).id
    }

    @discardableResult
    func act(_ caseID: String, _ username: String, day: Double, _ action: String, _ payload: [String: JSONValue] = [:]) throws -> EnforcementCase {
        at(day)
        return try service.act(caseID: caseID, request: CaseActionRequest(action: action, payload: payload), by: account(username))
    }

    func officers(_ prefix: String) -> JSONValue {
        .array([.string(account("\(prefix).officer").id), .string(account("\(prefix).case-handler").id)])
    }

    func evidence(_ description: String, kind: String = "electronic_data", source: String) -> [String: JSONValue] {
        ["item": .object(["kind": .string(kind), "description": .string(description), "sha256": .string(hash(description)), "source": .string(source)])]
    }

    /// File, add the weighing record, and notify the overload penalty priced by the benchmark.
    func fileAndNotify(_ id: String, prefix: String, day: Double, limitKg: Int, grossKg: Int, station: String) throws {
        try act(id, "\(prefix).agency-head", day: day, "file", ["officer_ids": officers(prefix)])
        try act(id, "\(prefix).officer", day: day + 0.1, "add_evidence", evidence("动态称重记录：车货总质量 \(grossKg) 千克，限值 \(limitKg) 千克", source: station))
        try act(id, "\(prefix).officer", day: day + 0.2, "add_evidence", evidence("车辆前后及侧面抓拍照片 3 张", kind: "audio_visual", source: station))
        try act(id, "\(prefix).case-handler", day: day + 1, "notify", ["overload": .object(["limit_kg": .number(Double(limitKg)), "gross_kg": .number(Double(grossKg))])])
    }

    /// The owner states no objection and waives the statement and hearing (the decision may then come before the
    /// notice's periods run out: the 5 working days of 行政处罚法 Art. 64 can span a holiday week, and the demo's dates
    /// move with the day it starts).
    func waive(_ id: String, prefix: String, day: Double, owner: String) throws {
        try act(id, "\(prefix).case-handler", day: day, "record_statement", ["stated_by": .string(owner), "content": .string("对超限事实无异议，放弃陈述申辩"), "waives_rights": .bool(true)])
    }

    /// From a notified case to closed: the owner waives the statement (`day`), the decision (+1), service (+2), the
    /// payment (`paidAfter` days after the decision, recorded a day later) and the closing report (+1).
    func settle(
        _ id: String, prefix: String, day: Double, owner: String, service: (method: String, proof: String), amountFen: Int, paidAfter: Double,
        reference: String, report: String
    ) throws {
        try waive(id, prefix: prefix, day: day, owner: owner)
        try act(id, "\(prefix).agency-head", day: day + 1, "decide")
        try act(id, "\(prefix).case-handler", day: day + 2, "serve", ["method": .string(service.method), "recipient": .string(owner), "proof": .string(service.proof)])
        let paid = day + 1 + paidAfter
        try act(id, "\(prefix).case-handler", day: paid + 1, "record_payment", [
            "amount": .number(Double(amountFen)), "paid_at": .string(Timestamp.format(start.addingTimeInterval(paid * 86400))), "reference": .string(reference),
        ])
        try act(id, "\(prefix).agency-head", day: paid + 2, "close", ["report": .string(report)])
    }

    static let g228 = CasePlace(text: "G228国道K3584+400平湖—金山联合执法站", longitude: 121.1805, latitude: 30.7095)

    mutating func pinghuCases() throws {
        let station = "G228平湖段非现场治超检测点"
        let place = CasePlace(text: "G228国道平湖段非现场治超检测点")
        // 1. A fresh clue.
        _ = try open("ph.officer", plate: "浙F·A1234", facts: "动态称重检测车货总质量 41,200 千克，六轴车限值 49,000 千克以内，待人工复核轴型。", place: place, occurredDay: 99, day: 99.5)
        // 2. Decided, served and paid → closed.
        let closed = try open("ph.officer", plate: "浙F·34567", facts: "六轴货车经动态称重车货总质量 80,000 千克，超过限值 49,000 千克。", place: place, occurredDay: 10, day: 10.5)
        try fileAndNotify(closed, prefix: "ph", day: 11, limitKg: 49_000, grossKg: 80_000, station: station)
        try settle(closed, prefix: "ph", day: 13, owner: "车主王某", service: ("direct", "送达回证 2026-0015"), amountFen: 766_000, paidAfter: 7,
                   reference: "非税收入缴款书 330482-0021", report: "罚款已按期缴清，案件办结。")
        // 3. Investigating.
        let investigating = try open("ph.officer", plate: "苏E·56789", facts: "五轴货车经动态称重车货总质量 52,300 千克，超过限值 43,000 千克。", place: place, occurredDay: 95, day: 95.5)
        try act(investigating, "ph.agency-head", day: 96, "file", ["officer_ids": officers("ph")])
        try act(investigating, "ph.officer", day: 96.2, "add_evidence", evidence("动态称重记录：车货总质量 52,300 千克", source: station))
        // 4. Notified, statement period running.
        let notified = try open("ph.officer", plate: "浙F·23456", facts: "六轴货车经动态称重车货总质量 64,000 千克，超过限值 49,000 千克。", place: place, occurredDay: 97, day: 97.2)
        try fileAndNotify(notified, prefix: "ph", day: 97.5, limitKg: 49_000, grossKg: 64_000, station: station)
        // 5. 百吨王: a major case (≥ 10,000 yuan) in legal review.
        let major = try open("ph.officer", plate: "浙F·88888", facts: "六轴货车经动态称重车货总质量 105,000 千克（百吨王），超过限值 49,000 千克。", place: place, occurredDay: 85, day: 85.5)
        try fileAndNotify(major, prefix: "ph", day: 86, limitKg: 49_000, grossKg: 105_000, station: station)
        try waive(major, prefix: "ph", day: 92.5, owner: "车主")
        try act(major, "ph.case-handler", day: 93, "submit_for_legal_review", ["note": .string("拟罚款二万元以上，属重大执法决定，提请法制审核")])
        // 6. Decided and served: payment period running.
        let served = try open("ph.officer", plate: "浙F·45678", facts: "四轴货车经动态称重车货总质量 40,500 千克，超过限值 31,000 千克。", place: place, occurredDay: 88, day: 88.5)
        try fileAndNotify(served, prefix: "ph", day: 89, limitKg: 31_000, grossKg: 40_500, station: station)
        try waive(served, prefix: "ph", day: 94.5, owner: "车主李某")
        try act(served, "ph.agency-head", day: 95, "decide")
        try act(served, "ph.case-handler", day: 96, "serve", ["method": .string("mail"), "recipient": .string("车主李某"), "proof": .string("EMS 1104 5678 9012")])
        // 7. Overdue: filed 95 days ago and never decided (the 90-day limit has run out).
        let overdue = try open("ph.officer", plate: "浙F·67890", facts: "三轴货车经动态称重车货总质量 31,800 千克，超过限值 25,000 千克。", place: place, occurredDay: 3, day: 4)
        try act(overdue, "ph.agency-head", day: 5, "file", ["officer_ids": officers("ph")])
        try act(overdue, "ph.officer", day: 5.2, "add_evidence", evidence("动态称重记录：车货总质量 31,800 千克", source: station))
        // 8. First violation, no penalty (首违不罚).
        let waived = try open("ph.officer", plate: "浙F·A1234", violation: "road_transport_certificate_not_carried", facts: "货车驾驶员未随车携带《道路运输证》，当场出示电子证照，首次被查处。", place: Self.g228, occurredDay: 60, day: 60.1)
        try act(waived, "ph.agency-head", day: 60.2, "file", ["officer_ids": officers("ph")])
        try act(waived, "ph.officer", day: 60.3, "add_evidence", evidence("现场检查笔录及电子证照截图", kind: "inspection_record", source: "G228平湖—金山联合执法站"))
        try act(waived, "ph.agency-head", day: 61, "decide_no_penalty", ["ground": .string("first_violation"), "education_record": .string("已对驾驶员进行批评教育并告知随车携带证件的义务。")])
        // 9. 沪D12345, weighed an hour after Jinshan weighed it on the same trip: Jinshan's decision reaches this node as
        //    a penalty record when the nodes start, and the decision here is then refused (一事不再罚), naming it. The
        //    notice asks Jinshan to serve the Shanghai owner (送达互助).
        let crossBorder = try open("ph.officer", plate: "沪D·12345", facts: "同一趟次在平湖段再次称重，车货总质量 61,800 千克，超过限值 49,000 千克。", place: Self.g228, occurredDay: 90.04, day: 90.3)
        try fileAndNotify(crossBorder, prefix: "ph", day: 90.6, limitKg: 49_000, grossKg: 61_800, station: "G228平湖—金山联合执法站")
    }

    /// Clues found on Pinghu's side that belong to Jinshan, referred with their evidence (移交违法线索): one recent, one
    /// past its acceptance deadline (overdue on both nodes until Jinshan answers).
    func pinghuReferrals() throws {
        let referrals = ReferralStore(database: node.database, signingKey: node.key)
        let officer = account("ph.officer")
        let clues: [(day: Double, plate: String, summary: String, place: String, file: String)] = [
            (99.4, "沪A·B5678", "平湖—金山联合执法站检查发现该车在金山段卸货点有擅自改装车辆结构的迹象，车籍及营运地均在金山，移交处理。",
             "G228国道金山段卸货点", "联合执法站现场检查记录：沪AB5678，货箱栏板加高约 40 厘米，驾驶员称在金山某修理厂改装。"),
            (92.0, "沪B·73521", "G228平湖段非现场治超点抓拍该车多次夜间绕行金山段，疑似规避检测，移交金山核查。",
             "G228国道金山段", "非现场治超点抓拍记录：沪BB73521，11月内 4 次 02:00–04:00 经过，均未进入检测车道。"),
        ]
        for clue in clues {
            at(clue.day)
            _ = try referrals.refer(
                to: DemoAgency.jinshan.name, subject: try key(clue.plate), violationKind: "overload", summary: clue.summary, place: clue.place,
                occurredAt: start.addingTimeInterval((clue.day - 0.5) * 86400), caseID: nil,
                files: [ReferralStore.NewFile(name: "检查记录.txt", mediaType: "text/plain; charset=utf-8", content: Data(clue.file.utf8))],
                by: officer.id, at: clock.now(), calendar: node.rules.current.workCalendar)
        }
    }

    mutating func jinshanCases() throws {
        let place = CasePlace(text: "G228国道金山段治超检测点")
        let station = "G228金山段非现场治超检测点"
        _ = try open("js.officer", plate: "沪A·54321", facts: "四轴货车经动态称重车货总质量 36,800 千克，超过限值 31,000 千克。", place: place, occurredDay: 98, day: 98.5)
        let notified = try open("js.officer", plate: "浙F·13579", facts: "六轴货车经动态称重车货总质量 64,000 千克，超过限值 49,000 千克。", place: place, occurredDay: 97, day: 97.2)
        try fileAndNotify(notified, prefix: "js", day: 97.5, limitKg: 49_000, grossKg: 64_000, station: station)
        let decided = try open("js.officer", plate: "沪B·24680", facts: "四轴货车经动态称重车货总质量 40,000 千克，超过限值 31,000 千克。", place: place, occurredDay: 70, day: 70.5)
        try fileAndNotify(decided, prefix: "js", day: 71, limitKg: 31_000, grossKg: 40_000, station: station)
        try waive(decided, prefix: "js", day: 79.5, owner: "车主")
        try act(decided, "js.agency-head", day: 80, "decide")
        // A Zhejiang truck fined and paid in Jinshan: closing copies the case to its home agency (Order 62 Art. 44),
        // which Pinghu's node receives for 嘉兴.
        let copied = try open("js.officer", plate: "浙F·24680", facts: "六轴货车经动态称重车货总质量 62,000 千克，超过限值 49,000 千克。", place: place, occurredDay: 60, day: 60.5)
        try fileAndNotify(copied, prefix: "js", day: 61, limitKg: 49_000, grossKg: 62_000, station: station)
        try settle(copied, prefix: "js", day: 63, owner: "车主俞某", service: ("mail", "EMS 1107 2468 0000"), amountFen: 650_000, paidAfter: 5,
                   reference: "上海市非税收入缴款书 310116-0070", report: "罚款已缴清，案件办结，已抄告车籍地。")
        // 沪D12345 weighed on one trip here and, an hour later, at the Pinghu station: Jinshan decides first, and the
        // penalty record goes to Pinghu's node, where the same fine is then refused (一事不再罚).
        let crossBorder = try open("js.officer", plate: "沪D·12345", facts: "六轴货车经动态称重车货总质量 62,000 千克，超过限值 49,000 千克。", place: place, occurredDay: 90, day: 90.2)
        try fileAndNotify(crossBorder, prefix: "js", day: 90.5, limitKg: 49_000, grossKg: 62_000, station: station)
        try waive(crossBorder, prefix: "js", day: 95.5, owner: "车主")
        try act(crossBorder, "js.agency-head", day: 96, "decide")
    }

    /// Three days of weigh traffic at every station (40 passes a station a day) through the real ingest, so the
    /// statistics and the non-site clues have a history.
    mutating func weighTraffic() throws {
        var generator = WeighTrafficGenerator(limits: node.rules.current.overloadLimits, seed: 2026)
        for day in 97..<100 {
            for slot in 0..<8 {
                let time = start.addingTimeInterval((Double(day) + Double(slot) / 8) * 86400)
                clock.pin(time.addingTimeInterval(120))
                try WeighTrafficFeed.feed(node, generator: &generator, prefix: "DEMO", passesPerStation: 5, at: time)
            }
        }
    }

    /// The agency's enforcement units at their posts, on duty, with today's day shift (08:00–20:00 China time).
    /// The officers' accounts are the units' members, so the phone view shows their orders.
    func units() throws {
        let store = UnitStore(database: node.database, signingKey: node.key)
        let now = Date()
        let units: [(String, String, UnitKind, String, GeoPoint, String)] = [
            ("ph-team-1", "平湖治超中队一组", .team, "ph.officer", GeoPoint(longitude: 121.2488, latitude: 30.6978), "平湖—金山联合执法站"),
            ("ph-car-1", "平湖巡逻车01", .patrolCar, "ph.officer", GeoPoint(longitude: 121.19, latitude: 30.675), "G228平湖段治超点"),
            ("ph-boat-1", "嘉兴巡逻艇01（驻平湖）", .patrolBoat, "ph.officer", GeoPoint(longitude: 120.975, latitude: 30.955), "红旗塘横港大桥船舶卡口"),
            ("js-team-1", "金山交通执法大队一中队", .team, "js.officer", GeoPoint(longitude: 121.34, latitude: 30.755), "G228金山段治超点"),
            ("js-car-1", "金山巡逻车01", .patrolCar, "js.officer", GeoPoint(longitude: 121.30, latitude: 30.73), "平湖—金山联合执法站"),
            ("js-usv-1", "金山无人艇01", .unmannedBoat, "js.officer", GeoPoint(longitude: 121.18, latitude: 30.97), "黄浦江上游巡航"),
        ]
        let today = CalendarDate(chinaDateOf: now)
        for (id, name, kind, member, position, post) in units where accounts[member] != nil {
            let unit = EnforcementUnit(
                id: id, jurisdiction: account(member).jurisdiction, name: name, kind: kind, status: .onDuty, members: [account(member).id], post: post,
                position: position, positionAt: now)
            try store.save(unit, by: "system:demo", at: now)
            try store.addShift(
                DutyShift(unitID: id, post: post, startsAt: today.startInChina.addingTimeInterval(8 * 3600), endsAt: today.startInChina.addingTimeInterval(20 * 3600)),
                by: "system:demo", at: now)
        }
    }
}
