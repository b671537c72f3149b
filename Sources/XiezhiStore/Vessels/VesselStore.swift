import Foundation
import GRDB
import XiezhiCore

/// Vessels heard over AIS: their static data (merged from types 5, 19 and 24), every position, and the latest
/// position per vessel.
///
/// Positions are written in batches (one transaction per batch, see `VesselIngest` in the server): an AIS feed has
/// no acknowledgement, so batching costs no promise, and it is what makes 100k positions/s reachable.
public struct VesselStore: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// One position report, in degrees, knots and degrees from north.
    public struct Position: Sendable, Hashable, Codable {
        public var mmsi: Int
        /// The time of the fix: the receiver's tag-block time when present, else when the node read it (UTC).
        public var time: Date
        public var longitude: Double
        public var latitude: Double
        public var speedKnots: Double?
        public var courseDegrees: Double?
        public var heading: Int?
        /// ITU-R M.1371 navigational status (0 under way using engine … 15 undefined); nil for class B.
        public var navigationStatus: Int?
        public var messageType: Int
        /// The feed it came from (`tcp-client:host:port`).
        public var feed: String

        public init(
            mmsi: Int, time: Date, longitude: Double, latitude: Double, speedKnots: Double?, courseDegrees: Double?, heading: Int?,
            navigationStatus: Int?, messageType: Int, feed: String
        ) {
            self.mmsi = mmsi
            self.time = time
            self.longitude = longitude
            self.latitude = latitude
            self.speedKnots = speedKnots
            self.courseDegrees = courseDegrees
            self.heading = heading
            self.navigationStatus = navigationStatus
            self.messageType = messageType
            self.feed = feed
        }
    }

    /// Static and voyage data: any field may be absent (a type 24 part A carries only the name); absent fields
    /// keep what was known.
    public struct StaticReport: Sendable, Hashable, Codable {
        public var mmsi: Int
        public var name: String?
        public var callSign: String?
        public var imo: Int?
        public var shipType: Int?
        /// Metres from the reference point to bow, stern, port and starboard.
        public var toBow: Int?
        public var toStern: Int?
        public var toPort: Int?
        public var toStarboard: Int?
        public var draughtMetres: Double?
        public var destination: String?

        public init(
            mmsi: Int, name: String? = nil, callSign: String? = nil, imo: Int? = nil, shipType: Int? = nil, toBow: Int? = nil, toStern: Int? = nil,
            toPort: Int? = nil, toStarboard: Int? = nil, draughtMetres: Double? = nil, destination: String? = nil
        ) {
            self.mmsi = mmsi
            self.name = name
            self.callSign = callSign
            self.imo = imo
            self.shipType = shipType
            self.toBow = toBow
            self.toStern = toStern
            self.toPort = toPort
            self.toStarboard = toStarboard
            self.draughtMetres = draughtMetres
            self.destination = destination
        }

        /// Overall length in metres, when both ends are known.
        public var lengthMetres: Int? { toBow.flatMap { bow in toStern.map { bow + $0 } } }
        /// Beam in metres, when both sides are known.
        public var beamMetres: Int? { toPort.flatMap { port in toStarboard.map { port + $0 } } }
    }

    /// Writes a batch in one transaction: every position, the latest per vessel (only when newer), the static data
    /// merged field by field.
    public func write(positions: [Position], statics: [StaticReport], at date: Date) throws {
        guard !positions.isEmpty || !statics.isEmpty else { return }
        try database.writer.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO vessel_position (mmsi, time, lon, lat, sog_knots, cog_degrees, heading, nav_status, message_type, feed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let latest = try db.cachedStatement(sql: """
                INSERT INTO vessel_latest (mmsi, time, lon, lat, sog_knots, cog_degrees, heading, nav_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(mmsi) DO UPDATE SET time = excluded.time, lon = excluded.lon, lat = excluded.lat, sog_knots = excluded.sog_knots,
                    cog_degrees = excluded.cog_degrees, heading = excluded.heading, nav_status = excluded.nav_status
                WHERE excluded.time >= vessel_latest.time
                """)
            for position in positions {
                let time = Timestamp.format(position.time)
                try insert.execute(arguments: [
                    position.mmsi, time, position.longitude, position.latitude, position.speedKnots, position.courseDegrees, position.heading,
                    position.navigationStatus, position.messageType, position.feed,
                ])
                try latest.execute(arguments: [
                    position.mmsi, time, position.longitude, position.latitude, position.speedKnots, position.courseDegrees, position.heading,
                    position.navigationStatus,
                ])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO vessel (mmsi, name, call_sign, imo, ship_type, to_bow, to_stern, to_port, to_starboard, draught_m, destination, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(mmsi) DO UPDATE SET name = coalesce(excluded.name, name), call_sign = coalesce(excluded.call_sign, call_sign),
                    imo = coalesce(excluded.imo, imo), ship_type = coalesce(excluded.ship_type, ship_type), to_bow = coalesce(excluded.to_bow, to_bow),
                    to_stern = coalesce(excluded.to_stern, to_stern), to_port = coalesce(excluded.to_port, to_port),
                    to_starboard = coalesce(excluded.to_starboard, to_starboard), draught_m = coalesce(excluded.draught_m, draught_m),
                    destination = coalesce(excluded.destination, destination), updated_at = excluded.updated_at
                """)
            let now = Timestamp.format(date)
            for report in statics {
                try upsert.execute(arguments: [
                    report.mmsi, report.name, report.callSign, report.imo, report.shipType, report.toBow, report.toStern, report.toPort,
                    report.toStarboard, report.draughtMetres, report.destination, now,
                ])
            }
        }
    }

    /// A vessel as the node knows it: static data and the latest position (either may be missing).
    public struct Vessel: Sendable, Codable {
        public var mmsi: Int
        public var staticData: StaticReport?
        public var latest: Position?
        public var updatedAt: Date?
    }

    /// One vessel, or nil when never heard.
    public func vessel(mmsi: Int) throws -> Vessel? {
        try database.writer.read { db in
            let statics = try Row.fetchOne(db, sql: "SELECT * FROM vessel WHERE mmsi = ?", arguments: [mmsi])
            let latest = try Row.fetchOne(db, sql: "SELECT * FROM vessel_latest WHERE mmsi = ?", arguments: [mmsi])
            guard statics != nil || latest != nil else { return nil }
            return Vessel(mmsi: mmsi, staticData: statics.map(Self.staticReport), latest: latest.map { Self.position($0, messageType: 0, feed: "") },
                          updatedAt: statics.flatMap { Timestamp.parse($0["updated_at"] as String) })
        }
    }

    /// Vessels with a latest position, most recently heard first; with their static data when known.
    public func latest(since: Date?, limit: Int) throws -> [Vessel] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, v.mmsi AS v_mmsi, v.name, v.call_sign, v.imo, v.ship_type, v.to_bow, v.to_stern, v.to_port, v.to_starboard, v.draught_m,
                    v.destination, v.updated_at
                FROM vessel_latest l LEFT JOIN vessel v ON v.mmsi = l.mmsi
                WHERE l.time >= ? ORDER BY l.time DESC LIMIT ?
                """, arguments: [Timestamp.format(since ?? .distantPast), limit]
            ).map { row in
                Vessel(mmsi: row["mmsi"], staticData: (row["v_mmsi"] as Int?) == nil ? nil : Self.staticReport(row),
                       latest: Self.position(row, messageType: 0, feed: ""), updatedAt: (row["updated_at"] as String?).flatMap(Timestamp.parse))
            }
        }
    }

    /// A vessel's positions between two instants, oldest first, at most `limit`.
    public func track(mmsi: Int, from: Date, to: Date, limit: Int) throws -> [Position] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM vessel_position WHERE mmsi = ? AND time BETWEEN ? AND ? ORDER BY time LIMIT ?",
                arguments: [mmsi, Timestamp.format(from), Timestamp.format(to), limit]
            ).map { Self.position($0, messageType: $0["message_type"], feed: $0["feed"]) }
        }
    }

    /// How many positions are stored (for the benchmark and the console's figures).
    public func positionCount() throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vessel_position") ?? 0 }
    }

    static func position(_ row: Row, messageType: Int, feed: String) -> Position {
        Position(
            mmsi: row["mmsi"], time: Timestamp.parse(row["time"] as String) ?? .distantPast, longitude: row["lon"], latitude: row["lat"],
            speedKnots: row["sog_knots"], courseDegrees: row["cog_degrees"], heading: row["heading"], navigationStatus: row["nav_status"],
            messageType: messageType, feed: feed)
    }

    static func staticReport(_ row: Row) -> StaticReport {
        StaticReport(
            mmsi: row["mmsi"], name: row["name"], callSign: row["call_sign"], imo: row["imo"], shipType: row["ship_type"], toBow: row["to_bow"],
            toStern: row["to_stern"], toPort: row["to_port"], toStarboard: row["to_starboard"], draughtMetres: row["draught_m"],
            destination: row["destination"])
    }
}
