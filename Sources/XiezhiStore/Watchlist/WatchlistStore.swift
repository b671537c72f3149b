import Foundation
import GRDB
import XiezhiCore

/// 布控 (shared watchlists): entries this node flags and entries partners flag, and the sightings of them. A flag and a
/// withdrawal are written in one transaction with their messages to the partners the agreement names; a sighting of a
/// partner's entry is written with its message back to the flagging node, a sighting of one of ours with its alert.
public struct WatchlistStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// An entry as the API shows it.
    public struct Entry: Codable, Sendable, Hashable {
        public var id: String
        /// `own` (flagged on this node) or `received` (from ``peer``).
        public var origin: String
        public var peer: String?
        public var subjectKind: String
        public var plate: String?
        public var plateColour: String?
        public var mmsi: String?
        public var shipName: String?
        /// The subject in words, e.g. `沪A12345（蓝色）`.
        public var subjectLabel: String
        public var reason: String
        public var violationKind: String
        public var agency: String
        public var jurisdiction: String
        public var flaggedBy: String?
        public var flaggedAt: Date
        public var validUntil: Date
        public var status: WatchlistStatus
        /// Active and not lapsed now.
        public var active: Bool
        public var withdrawnAt: Date?
        public var withdrawReason: String?
        public var sightings: Int
        public var lastSeenAt: Date?
    }

    /// A sighting as the API shows it.
    public struct Sighting: Codable, Sendable, Hashable {
        public var id: String
        public var entryId: String
        /// `local` (this node's sensor) or `partner` (reported by ``peer``).
        public var origin: String
        public var peer: String?
        public var sensorKind: String
        public var sensor: String
        public var jurisdiction: String?
        public var place: String?
        public var longitude: Double?
        public var latitude: Double?
        public var seenAt: Date
        /// What the sensor read.
        public var observed: String?
        /// The alert raised for it (on the flagging node).
        public var alertId: String?
        public var recordedAt: Date
    }

    /// A new entry to flag.
    public struct NewEntry: Sendable {
        public var subject: WatchlistSubject
        public var reason: String
        public var violationKind: String
        public var validUntil: Date
        public var agency: String
        public var jurisdiction: JurisdictionCode

        public init(subject: WatchlistSubject, reason: String, violationKind: String, validUntil: Date, agency: String, jurisdiction: JurisdictionCode) {
            self.subject = subject
            self.reason = reason
            self.violationKind = violationKind
            self.validUntil = validUntil
            self.agency = agency
            self.jurisdiction = jurisdiction
        }
    }

    // MARK: Flag and withdraw

    /// Flags a subject and sends the entry to every partner whose agreement includes watchlist entries.
    public func flag(_ new: NewEntry, by actor: String, at now: Date) async throws -> Entry {
        guard !new.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError(code: "missing_reason", reason: "say why the subject is flagged ('reason')")
        }
        guard !new.violationKind.isEmpty else {
            throw DomainError(code: "missing_violation_kind", reason: "name the violation it is flagged for ('violation_kind', e.g. overload)")
        }
        guard new.validUntil > now else {
            throw DomainError(code: "invalid_valid_until", reason: "'valid_until' (\(Timestamp.format(new.validUntil))) must be in the future")
        }
        let id = UUID().uuidString.lowercased()
        let parts = Self.parts(of: new.subject)
        let key = signingKey
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO watchlist_entry (id, peer, subject_kind, plate, plate_colour, mmsi, ship_name, reason, violation_kind, agency, jurisdiction,
                        flagged_by, flagged_at, valid_until, status, updated_at)
                    VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)
                    """,
                arguments: [id, new.subject.kind, parts.plate, parts.colour, parts.mmsi, parts.name, new.reason, new.violationKind, new.agency,
                            new.jurisdiction.rawValue, actor, Timestamp.format(now), Timestamp.format(new.validUntil), Timestamp.format(now)])
            let peers = try FederationOutbox.peers(for: .watchlistEntry, in: db)
            try Self.send(entryID: id, to: peers, at: now, in: db)
            struct Flagged: Encodable { var subject: String; var reason: String; var validUntil: Date; var peers: [String] }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "watchlist.flagged", entityType: "watchlist_entry", entityID: id,
                            payload: Flagged(subject: new.subject.subjectKey, reason: new.reason, validUntil: new.validUntil, peers: peers.map(\.name))),
                at: now, in: db, signingKey: key)
        }
        return try await entry(id: id, now: now)!
    }

    /// Withdraws (撤控) an entry this node flagged, by its agency, with a reason; the partners that were sent it get the
    /// withdrawal.
    public func withdraw(id: String, reason: String, jurisdiction: JurisdictionCode, by actor: String, at now: Date) async throws -> Entry {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError(code: "missing_reason", reason: "say why the entry is withdrawn ('reason')")
        }
        let key = signingKey
        try await database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT peer, jurisdiction, status FROM watchlist_entry WHERE id = ?", arguments: [id]) else {
                throw DomainError(code: "watchlist_entry_not_found", reason: "no watchlist entry \(id)")
            }
            if let peer = row["peer"] as String? {
                throw DomainError(code: "not_own_entry", reason: "entry \(id) was flagged by partner \(peer); only the flagging agency withdraws it")
            }
            guard row["jurisdiction"] as String == jurisdiction.rawValue else {
                throw DomainError(code: "wrong_jurisdiction", reason: "entry \(id) was flagged by agency \(row["jurisdiction"] as String)")
            }
            guard row["status"] as String == WatchlistStatus.active.rawValue else {
                throw DomainError(code: "entry_withdrawn", reason: "entry \(id) is already withdrawn")
            }
            try db.execute(
                sql: "UPDATE watchlist_entry SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
                arguments: [Timestamp.format(now), reason, Timestamp.format(now), id])
            let names = try String.fetchAll(
                db, sql: """
                    SELECT DISTINCT peer FROM federation_outbox
                    WHERE related_type = 'watchlist_entry' AND related_id = ? AND kind = ? AND status != 'failed'
                    """,
                arguments: [id, FederationKind.watchlistEntry.rawValue])
            let peers = try names.compactMap { try PeerStore.peer(name: $0, in: db) }
            try Self.send(entryID: id, to: peers, at: now, in: db)
            struct Withdrawn: Encodable { var reason: String; var peers: [String] }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "watchlist.withdrawn", entityType: "watchlist_entry", entityID: id,
                            payload: Withdrawn(reason: reason, peers: peers.map(\.name))),
                at: now, in: db, signingKey: key)
        }
        return try await entry(id: id, now: now)!
    }

    /// Queues the entry's current state to `peers`; each gets only what its agreement names, and a peer whose agreement
    /// strips every identifying field gets a `failed` row instead (FederationOutbox's rule).
    static func send(entryID: String, to peers: [PeerStore.Peer], at now: Date, in db: Database) throws {
        guard !peers.isEmpty, let row = try Row.fetchOne(db, sql: "SELECT * FROM watchlist_entry WHERE id = ?", arguments: [entryID]) else { return }
        let body = WatchlistEntryBody(
            entryId: row["id"], status: row["status"], subjectKind: row["subject_kind"], subject: row["plate"], plateColour: row["plate_colour"],
            mmsi: row["mmsi"], shipName: row["ship_name"], reason: row["reason"], violationKind: row["violation_kind"], agency: row["agency"],
            jurisdiction: row["jurisdiction"], flaggedAt: Self.date(row["flagged_at"]), validUntil: Self.date(row["valid_until"]),
            withdrawnAt: (row["withdrawn_at"] as String?).flatMap(Timestamp.parse), withdrawReason: row["withdraw_reason"])
        try FederationOutbox.enqueue(
            .watchlistEntry, body: body, to: peers, related: .init(type: "watchlist_entry", id: entryID), at: now, in: db,
            oneOf: WatchlistEntryBody.identifyingFields)
    }

    // MARK: Received from partners

    /// Applies a partner's entry message inside the inbox transaction: a new entry is stored, a withdrawal withdraws it;
    /// anything else (a repeated flag, a flag after the withdrawal) changes nothing.
    public static func receive(_ body: WatchlistEntryBody, from peer: PeerStore.Peer, at now: Date, in db: Database, key: NodeKey?) throws {
        guard let jurisdiction = JurisdictionCode(rawValue: body.jurisdiction), peer.jurisdictions.contains(jurisdiction) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for jurisdiction \(body.jurisdiction)")
        }
        guard let status = WatchlistStatus(rawValue: body.status) else {
            throw FederationRefusal(.invalidBody, "status is 'active' or 'withdrawn', not '\(body.status)'")
        }
        let subject: WatchlistSubject
        do {
            subject = try WatchlistSubject(kind: body.subjectKind, plate: body.subject, plateColour: body.plateColour, mmsi: body.mmsi, shipName: body.shipName)
        } catch {
            throw FederationRefusal(.invalidBody, "entry \(body.entryId): \(error.reason)")
        }
        let actor = "peer:\(peer.name)"
        if let current = try Row.fetchOne(db, sql: "SELECT peer, status FROM watchlist_entry WHERE id = ?", arguments: [body.entryId]) {
            guard current["peer"] as String? == peer.name else {
                throw FederationRefusal(.invalidBody, "entry id \(body.entryId) belongs to another node's entry")
            }
            guard status == .withdrawn, current["status"] as String == WatchlistStatus.active.rawValue else { return }
            let at = body.withdrawnAt ?? now
            try db.execute(
                sql: "UPDATE watchlist_entry SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
                arguments: [Timestamp.format(at), body.withdrawReason, Timestamp.format(now), body.entryId])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "watchlist.partner_withdrawn", entityType: "watchlist_entry", entityID: body.entryId, payload: body),
                at: now, in: db, signingKey: key)
            return
        }
        let parts = Self.parts(of: subject)
        try db.execute(
            sql: """
                INSERT INTO watchlist_entry (id, peer, subject_kind, plate, plate_colour, mmsi, ship_name, reason, violation_kind, agency, jurisdiction,
                    flagged_by, flagged_at, valid_until, status, withdrawn_at, withdraw_reason, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [body.entryId, peer.name, subject.kind, parts.plate, parts.colour, parts.mmsi, parts.name, body.reason, body.violationKind, body.agency,
                        jurisdiction.rawValue, Timestamp.format(body.flaggedAt), Timestamp.format(body.validUntil), status.rawValue,
                        body.withdrawnAt.map(Timestamp.format), body.withdrawReason, Timestamp.format(now)])
        try AuditLog.append(
            AuditRecord(actor: actor, action: "watchlist.partner_flagged", entityType: "watchlist_entry", entityID: body.entryId, payload: body),
            at: now, in: db, signingKey: key)
    }

    // MARK: Sightings

    /// Records that one of this node's sensors saw `entry`'s subject, inside the caller's transaction: for an entry of
    /// ours the alert is raised with it; for a partner's, the sighting goes back to the flagging node. Returns the new
    /// alert, if one was raised here.
    @discardableResult
    public static func recordSighting(
        of entry: WatchlistEntry, by sensor: WatchlistSensor, seenAt: Date, observed: String, at now: Date, in db: Database
    ) throws -> AlertStore.Alert? {
        let id = UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO watchlist_sighting (id, entry_id, peer, sensor_kind, sensor, jurisdiction, place, lon, lat, seen_at, observed, recorded_at)
                VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, entry.id, sensor.kind.rawValue, sensor.id, sensor.jurisdiction.rawValue, sensor.place, sensor.longitude, sensor.latitude,
                        Timestamp.format(seenAt), observed, Timestamp.format(now)])
        guard let peerName = entry.peer else {
            return try raiseAlert(
                entry: entry, sightingID: id, seenBy: nil, sensorKind: sensor.kind, sensor: sensor.id, place: sensor.place,
                jurisdiction: sensor.jurisdiction.rawValue, longitude: sensor.longitude, latitude: sensor.latitude, seenAt: seenAt, at: now, in: db)
        }
        guard let peer = try PeerStore.peer(name: peerName, in: db) else { return nil }
        let body = WatchlistSightingBody(
            entryId: entry.id, sightingId: id, seenAt: seenAt, sensorKind: sensor.kind.rawValue, sensor: sensor.id,
            jurisdiction: sensor.jurisdiction.rawValue, place: sensor.place, longitude: sensor.longitude, latitude: sensor.latitude, subject: observed)
        try FederationOutbox.enqueue(.watchlistSighting, body: body, to: [peer], related: .init(type: "watchlist_entry", id: entry.id), at: now, in: db)
        return nil
    }

    /// Applies a partner's sighting of one of our entries inside the inbox transaction: stored, and alerted when the
    /// entry was active when the subject was seen.
    public static func receiveSighting(_ body: WatchlistSightingBody, from peer: PeerStore.Peer, at now: Date, in db: Database) throws {
        let sent = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM federation_outbox WHERE related_type = 'watchlist_entry' AND related_id = ? AND peer = ? AND kind = ?)",
            arguments: [body.entryId, peer.name, FederationKind.watchlistEntry.rawValue]) ?? false
        guard sent, let entry = try Row.fetchOne(db, sql: "SELECT * FROM watchlist_entry WHERE id = ? AND peer IS NULL", arguments: [body.entryId])
            .flatMap(Self.domainEntry)
        else {
            throw FederationRefusal(.unknownRequest, "no watchlist entry \(body.entryId) was sent to \(peer.name)")
        }
        guard let kind = WatchlistSensor.Kind(rawValue: body.sensorKind) else {
            throw FederationRefusal(.invalidBody, "sensor_kind is one of \(WatchlistSensor.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(body.sensorKind)'")
        }
        try db.execute(
            sql: """
                INSERT INTO watchlist_sighting (id, entry_id, peer, sensor_kind, sensor, jurisdiction, place, lon, lat, seen_at, observed, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """,
            arguments: [body.sightingId, body.entryId, peer.name, kind.rawValue, body.sensor, body.jurisdiction, body.place, body.longitude, body.latitude,
                        Timestamp.format(body.seenAt), body.subject, Timestamp.format(now)])
        guard db.changesCount == 1, entry.isActive(at: body.seenAt) else { return }
        try raiseAlert(
            entry: entry, sightingID: body.sightingId, seenBy: peer.name, sensorKind: kind, sensor: body.sensor, place: body.place,
            jurisdiction: body.jurisdiction, longitude: body.longitude ?? 0, latitude: body.latitude ?? 0, seenAt: body.seenAt, at: now, in: db)
    }

    /// The alert on the flagging node, with the sighting as its evidence; idempotent on the sighting.
    @discardableResult
    static func raiseAlert(
        entry: WatchlistEntry, sightingID: String, seenBy peer: String?, sensorKind: WatchlistSensor.Kind, sensor: String, place: String?,
        jurisdiction: String, longitude: Double, latitude: Double, seenAt: Date, at now: Date, in db: Database
    ) throws -> AlertStore.Alert? {
        let seenIn = JurisdictionCode(rawValue: jurisdiction)
        let what = entry.subject.kind == "vehicle" ? "布控车辆" : "布控船舶"
        let by = peer.map { "（协作方 \($0) 报告）" } ?? ""
        let summary = "\(what) \(entry.subject.label) 于 \(ChinaTime.format(seenAt)) 被\(sensorKind.chineseName) \(place ?? sensor) 发现\(by)。布控原因：\(entry.reason)"
        struct Evidence: Encodable {
            var entryId: String
            var sightingId: String
            var seenBy: String?
            var sensorKind: String
            var sensor: String
            var place: String?
            var jurisdiction: String
            var seenAt: Date
            var reason: String
            var violationKind: String
        }
        let data = try FederationJSON.encode(Evidence(
            entryId: entry.id, sightingId: sightingID, seenBy: peer, sensorKind: sensorKind.rawValue, sensor: sensor, place: place, jurisdiction: jurisdiction,
            seenAt: seenAt, reason: entry.reason, violationKind: entry.violationKind))
        let alert = AlertStore.Alert(
            id: "watchlist:\(peer ?? "local"):\(sightingID)", source: "watchlist", kind: "watchlist_sighting", kindName: "布控对象发现",
            subject: entry.subject.subjectKey, jurisdiction: seenIn ?? entry.jurisdiction, notify: seenIn == entry.jurisdiction ? nil : entry.jurisdiction,
            occurredAt: seenAt, detectedAt: now, longitude: longitude, latitude: latitude, summary: summary, data: data)
        let raised = try AlertStore.insert([alert], in: db).first
        if raised != nil {
            try db.execute(sql: "UPDATE watchlist_sighting SET alert_id = ? WHERE id = ?", arguments: [alert.id, sightingID])
        }
        return raised
    }

    // MARK: Reading

    /// The entries that can still be matched (active, not lapsed at `now`): the sensors' index.
    public static func activeEntries(at now: Date, in db: Database) throws -> [WatchlistEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM watchlist_entry WHERE status = 'active' AND valid_until > ?", arguments: [Timestamp.format(now)])
            .compactMap(Self.domainEntry)
    }

    /// The latest sighting by this node's sensors per entry and sensor key (``WatchlistSensor/key``): the throttle's
    /// memory across restarts.
    public static func lastSightings(in db: Database) throws -> [(entry: String, sensor: String, at: Date)] {
        try Row.fetchAll(
            db, sql: """
                SELECT entry_id, sensor_kind || ':' || sensor AS sensor, MAX(seen_at) AS at FROM watchlist_sighting
                WHERE peer IS NULL GROUP BY entry_id, sensor_kind, sensor
                """
        ).map { ($0["entry_id"], $0["sensor"], Self.date($0["at"])) }
    }

    /// Entries, newest first. `origin`: `own` or `received`; `status`: `active` (and not lapsed), `withdrawn` or
    /// `lapsed`; `query`: part of a plate, MMSI or ship name.
    public func list(
        origin: String?, status: String?, subjectKind: String?, query: String?, now: Date, limit: Int, offset: Int
    ) async throws -> (items: [Entry], total: Int) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        switch origin {
        case "own": clauses.append("peer IS NULL")
        case "received": clauses.append("peer IS NOT NULL")
        default: break
        }
        switch status {
        case "active":
            clauses.append("status = 'active' AND valid_until > ?")
            arguments += [Timestamp.format(now)]
        case "lapsed":
            clauses.append("status = 'active' AND valid_until <= ?")
            arguments += [Timestamp.format(now)]
        case "withdrawn": clauses.append("status = 'withdrawn'")
        default: break
        }
        if let subjectKind {
            clauses.append("subject_kind = ?")
            arguments += [subjectKind]
        }
        if let query, !query.isEmpty {
            let plate = WatchlistMatcher.canonicalPlate(query) ?? query.uppercased()
            clauses.append("(instr(plate, ?) > 0 OR instr(mmsi, ?) > 0 OR instr(ship_name, ?) > 0)")
            arguments += [plate, query, ShipNameMatcher.normalised(query)]
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let countArguments = arguments
        let pageArguments = arguments + [limit, offset]
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM watchlist_entry \(filter)", arguments: countArguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "\(Self.entrySelect) \(filter) ORDER BY flagged_at DESC, id LIMIT ? OFFSET ?", arguments: pageArguments)
            return (rows.map { Self.entry($0, now: now) }, total)
        }
    }

    public func entry(id: String, now: Date) async throws -> Entry? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "\(Self.entrySelect) WHERE id = ?", arguments: [id]).map { Self.entry($0, now: now) }
        }
    }

    /// An entry's sightings, newest first (nil when there is no such entry).
    public func sightings(entryID: String, limit: Int, offset: Int) async throws -> (items: [Sighting], total: Int)? {
        try await database.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM watchlist_entry WHERE id = ?)", arguments: [entryID]) == true else { return nil }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM watchlist_sighting WHERE entry_id = ?", arguments: [entryID]) ?? 0
            let items = try Row.fetchAll(
                db, sql: "SELECT * FROM watchlist_sighting WHERE entry_id = ? ORDER BY seen_at DESC, id LIMIT ? OFFSET ?",
                arguments: [entryID, limit, offset]
            ).map(Self.sighting)
            return (items, total)
        }
    }

    // MARK: Rows

    static let entrySelect = """
        SELECT *, (SELECT COUNT(*) FROM watchlist_sighting s WHERE s.entry_id = watchlist_entry.id) AS sighting_count,
            (SELECT MAX(seen_at) FROM watchlist_sighting s WHERE s.entry_id = watchlist_entry.id) AS last_seen_at
        FROM watchlist_entry
        """

    static func parts(of subject: WatchlistSubject) -> (plate: String?, colour: String?, mmsi: String?, name: String?) {
        switch subject {
        case .vehicle(let key): (key.plate.value, key.color.rawValue, nil, nil)
        case .ship(let mmsi, let name): (nil, nil, mmsi?.value, name?.value)
        }
    }

    static func date(_ text: String?) -> Date { text.flatMap(Timestamp.parse) ?? .distantPast }

    static func domainEntry(_ row: Row) -> WatchlistEntry? {
        guard let subject = try? WatchlistSubject(
                kind: row["subject_kind"], plate: row["plate"], plateColour: row["plate_colour"], mmsi: row["mmsi"], shipName: row["ship_name"]),
              let jurisdiction = JurisdictionCode(rawValue: row["jurisdiction"]),
              let status = WatchlistStatus(rawValue: row["status"])
        else { return nil }
        return WatchlistEntry(
            id: row["id"], subject: subject, reason: row["reason"], violationKind: row["violation_kind"], agency: row["agency"], jurisdiction: jurisdiction,
            flaggedAt: date(row["flagged_at"]), validUntil: date(row["valid_until"]), status: status, peer: row["peer"])
    }

    static func entry(_ row: Row, now: Date) -> Entry {
        let domain = domainEntry(row)
        let status = WatchlistStatus(rawValue: row["status"]) ?? .withdrawn
        return Entry(
            id: row["id"], origin: row["peer"] == nil ? "own" : "received", peer: row["peer"], subjectKind: row["subject_kind"], plate: row["plate"],
            plateColour: row["plate_colour"], mmsi: row["mmsi"], shipName: row["ship_name"], subjectLabel: domain?.subject.label ?? "",
            reason: row["reason"], violationKind: row["violation_kind"], agency: row["agency"], jurisdiction: row["jurisdiction"], flaggedBy: row["flagged_by"],
            flaggedAt: date(row["flagged_at"]), validUntil: date(row["valid_until"]), status: status, active: domain?.isActive(at: now) ?? false,
            withdrawnAt: (row["withdrawn_at"] as String?).flatMap(Timestamp.parse), withdrawReason: row["withdraw_reason"],
            sightings: row["sighting_count"], lastSeenAt: (row["last_seen_at"] as String?).flatMap(Timestamp.parse))
    }

    static func sighting(_ row: Row) -> Sighting {
        Sighting(
            id: row["id"], entryId: row["entry_id"], origin: row["peer"] == nil ? "local" : "partner", peer: row["peer"], sensorKind: row["sensor_kind"],
            sensor: row["sensor"], jurisdiction: row["jurisdiction"], place: row["place"], longitude: row["lon"], latitude: row["lat"],
            seenAt: date(row["seen_at"]), observed: row["observed"], alertId: row["alert_id"], recordedAt: date(row["recorded_at"]))
    }
}
