import Foundation
import GRDB
import XiezhiCore
import XiezhiStore

/// The case operations the API and the demo share: open, act, list, show. Thin: the rules are in
/// ``CaseWorkflow``; this adds the account → actor mapping, numbering, places and views.
struct CaseService {
    let node: Node
    var store: CaseStore { CaseStore(database: node.database, signingKey: node.key) }

    static func actor(_ account: Account) -> CaseActor {
        CaseActor(accountId: account.id, role: account.role, jurisdiction: account.jurisdiction, certified: account.certificateNumber != nil)
    }

    /// Opens a case in the caller's agency. A place with coordinates must lie in the agency's jurisdiction or in a
    /// joint zone it shares (毗邻联合执法区域); elsewhere the clue belongs to the other agency (refer it).
    func open(_ intake: ClueIntake, by account: Account) throws -> EnforcementCase {
        try store.open(try admissible(intake, by: account), id: UUID().uuidString.lowercased(), by: Self.actor(account), at: node.now())
    }

    /// The clue as the caller's agency may open it: its jurisdiction, the normalised subject, the place checked.
    func admissible(_ intake: ClueIntake, by account: Account) throws -> ClueIntake {
        var intake = intake
        intake.jurisdiction = account.jurisdiction
        intake.subject = try SubjectKey(intake.subject).stringValue
        if let place = intake.place, let lon = place.longitude, let lat = place.latitude {
            let region = node.rules.current.region
            let location = region.locate(GeoPoint(longitude: lon, latitude: lat))
            let inOwn = location.jurisdiction == account.jurisdiction
            let inSharedZone = location.jointZones.contains { $0.between.contains(account.jurisdiction) }
            guard inOwn || inSharedZone else {
                let owner = location.jurisdiction.flatMap(region.jurisdiction).map { "\($0.name)（\($0.code)）" } ?? "本区域以外"
                throw DomainError(
                    code: "outside_jurisdiction",
                    reason: "the place (\(lon), \(lat)) lies in \(owner), outside agency \(account.jurisdiction)'s area and joint zones; refer the clue to that agency (行政处罚法 第二十二条)")
            }
        }
        return intake
    }

    /// Applies an API action request to a case.
    func act(caseID: String, request: CaseActionRequest, by account: Account) throws -> EnforcementCase {
        let kind = try request.kind()
        guard let current = try store.fetch(id: caseID), current.jurisdiction == account.jurisdiction else {
            throw DomainError(code: "case_not_found", reason: "no case \(caseID)")
        }
        let builder = CaseActionBuilder(node: node, account: account)
        let payload = try builder.enrich(kind, payload: request.payload ?? [:], for: current)
        let jurisdictionName = node.rules.current.region.jurisdiction(account.jurisdiction)?.name ?? ""
        let now = node.now()
        let key = node.key
        let copyDays = node.rules.current.nonSite.resolved(for: account.jurisdiction).homeAgencyCopyWorkingDays
        let calendar = node.rules.current.workCalendar
        return try store.apply(
            caseID: caseID, by: Self.actor(account), at: now, rules: node.rules.current.procedure, agencyName: agencyName(account.jurisdiction),
            prepare: { _, db in
                var payload = payload
                if let (field, series) = CaseActionBuilder.numberSeries(kind), payload[field] == nil || payload[field] == .string("") {
                    payload[field] = .string(try DocumentNumbers.next(series, jurisdiction: account.jurisdiction, jurisdictionName: jurisdictionName, at: now, in: db))
                }
                return try CaseActionBuilder.decode(kind, payload: payload)
            },
            followUp: { before, after, db in
                try Self.queueCrossBorderDuties(before: before, after: after, copyDays: copyDays, calendar: calendar, at: now, actor: account.id, in: db, key: key)
            })
    }

    /// A vehicle registered elsewhere: at the notice, ask its home agency in another province to serve it (送达互助);
    /// at closing, copy an overload case to its home agency in another city within the rule's working days
    /// (Order 62 Art. 44). Queued until federation delivers them.
    static func queueCrossBorderDuties(
        before: EnforcementCase, after: EnforcementCase, copyDays: CitedDays, calendar: WorkCalendar, at now: Date, actor: String, in db: Database, key: NodeKey
    ) throws {
        guard case .vehicle(let vehicle)? = try? SubjectKey(after.subject), let home = HomeAgency.of(vehicle.plate) else { return }
        let duties = CrossBorderDuty.duties(agency: after.jurisdiction, home: home, violationKind: after.violationKind)
        if duties.contains(.noticeService), after.stage == .notified, before.stage != .notified {
            try PartnerRequestStore.queue(
                .noticeService, caseID: after.id, subject: after.subject, decisionNumber: nil, amountFen: nil, violationKind: after.violationKind, from: after.jurisdiction, to: home, dueAt: nil,
                summary: "请\(home.name)协助向车籍地车主送达《行政处罚事先告知书》（\(vehicle.chineseLabel)）", at: now, actor: actor, in: db, key: key)
        }
        if duties.contains(.homeAgencyCopy), after.stage == .closed, before.stage != .closed {
            try PartnerRequestStore.queue(
                .homeAgencyCopy, caseID: after.id, subject: after.subject, decisionNumber: after.decision?.number,
                amountFen: after.decision.map(\.fineTotal.fen), violationKind: after.violationKind, from: after.jurisdiction, to: home, dueAt: calendar.endOfWorkingDays(copyDays.days, after: now),
                summary: "结案后\(copyDays.days)个工作日内抄告车籍地\(home.name)（\(copyDays.citation)）：\(vehicle.chineseLabel)，决定书 \(after.decision?.number ?? "—")",
                at: now, actor: actor, in: db, key: key)
        }
    }

    func agencyName(_ code: JurisdictionCode) -> String {
        node.rules.current.region.jurisdiction(code)?.agency ?? code.rawValue
    }

    func violationName(_ id: String) -> String {
        (try? node.rules.current.benchmarks.violationKind(id).nameZh) ?? Self.otherViolationNames[id] ?? id
    }

    /// Names of violation kinds that have no benchmark yet (the detectors' catalogue will carry them).
    static let otherViolationNames = [
        "road_transport_certificate_not_carried": "未随车携带道路运输证",
        "qualification_certificate_not_carried": "未随身携带从业资格证",
        "bus_off_route": "客运班车不按批准线路行驶",
        "bus_night_ban": "长途客车凌晨2时至5时违规运行",
        "fatigue_driving": "疲劳驾驶",
        "hazmat_no_waybill": "危险货物运输未随车携带电子运单",
        "ais_off": "船舶未按规定开启AIS",
        "vessel_identity_clone": "船舶套用他船船名或识别码（套牌）",
        "ship_name_marking_unclear": "船名标识不清或遮挡船名",
        "vessel_night_operation": "违反夜间禁限航规定航行作业",
        "muck_illegal_dumping": "渣土船舶在核准消纳点以外倾倒（疑似偷倒）",
        "dangerous_goods_forbidden_stop": "危险品船舶在禁停区段停泊",
        "vessel_overlength_in_segment": "超长船舶驶入限制航段",
        "speeding": "超速行驶",
        "terminal_signal_lost": "卫星定位装置信号中断（疑似屏蔽或故障）",
        "unlicensed_operation": "未取得道路运输经营许可擅自从事经营",
    ]

    func summary(_ value: EnforcementCase, now: Date) -> CaseSummaryView {
        CaseSummaryView(value, clocks: CaseClocks.compute(value, rules: node.rules.current.procedure, now: now), violationName: violationName(value.violationKind))
    }

    func detail(_ value: EnforcementCase, for account: Account) throws -> CaseDetailView {
        let now = node.now()
        let allowed = CaseWorkflow.allowedActions(for: value, actor: Self.actor(account), at: now, rules: node.rules.current.procedure)
            .filter { $0 != .createClue }
            .map { CaseDetailView.ActionView(action: $0.rawValue, label: $0.chineseName) }
        let documents = CaseDocumentKind.allCases.filter { $0.isAvailable(for: value) }.map {
            CaseDetailView.DocumentLink(kind: $0.rawValue, title: $0.title, url: "/api/v1/cases/\(value.id)/documents/\($0.rawValue)")
        }
        var repeatOffence: RepeatOffenceView?
        if case .vehicle? = try? SubjectKey(value.subject) {
            repeatOffence = try Self.repeatOffence(vehicle: value.subject, driver: value.driver, carrier: value.carrier, jurisdiction: value.jurisdiction, node: node, now: now)
        }
        return CaseDetailView(
            summary: summary(value, now: now), record: value, allowedActions: allowed, documents: documents, timeline: try timeline(value.id),
            partnerRequests: try PartnerRequestStore(database: node.database).requests(caseID: value.id), repeatOffence: repeatOffence,
            inspectionOrders: try InspectionOrderStore(database: node.database, signingKey: nil).orders(caseID: value.id))
    }

    /// 一超四罚 for the vehicle, and for the driver and carrier when they are known, under the agency's rule.
    static func repeatOffence(vehicle: String?, driver: String?, carrier: String?, jurisdiction: JurisdictionCode, node: Node, now: Date) throws -> RepeatOffenceView {
        let store = CaseStore(database: node.database, signingKey: nil)
        let rule = node.rules.current.nonSite.resolved(for: jurisdiction).repeatOffence
        return RepeatOffenceView(
            vehicle: try vehicle.map { RepeatOffenceStatus.vehicle($0, penalties: try store.priorPenalties(subject: $0), now: now, rule: rule) },
            driver: try driver.map { RepeatOffenceStatus.driver($0, penalties: try store.penalties(driver: $0), now: now, rule: rule) },
            carrier: try carrier.map {
                RepeatOffenceStatus.carrier(
                    $0, penalties: try store.penalties(carrier: $0), fleetSize: try SubjectStore(database: node.database, signingKey: nil).fleetSize(carrier: $0),
                    now: now, rule: rule)
            })
    }

    /// The case's audited events with the hash chain fields and the actors' names.
    func timeline(_ caseID: String) throws -> [TimelineEntry] {
        let entries = try node.database.writer.read { db in try AuditLog.entries(entityType: "case", entityID: caseID, in: db) }
        var names: [String: String] = [:]
        return try entries.map { entry in
            if names[entry.actor] == nil { names[entry.actor] = try node.accounts.account(id: entry.actor)?.displayName ?? entry.actor }
            let event = try? CanonicalJSON.decoder.decode(CaseEvent.self, from: Data(entry.payload.utf8))
            return TimelineEntry(
                seq: entry.seq, at: entry.at, actor: entry.actor, actorName: names[entry.actor] ?? entry.actor, action: entry.action,
                actionName: event?.kind.chineseName ?? entry.action, stageBefore: event?.stageBefore?.rawValue, stageAfter: event?.stageAfter.rawValue,
                changes: event?.changes ?? [], hash: entry.hash, prevHash: entry.prevHash)
        }
    }
}
