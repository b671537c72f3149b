import Foundation
import Logging
import XiezhiCore

/// Everything a node needs to start, filled once at the entry point (flags > `XIEZHI_*` environment > defaults).
public struct NodeConfiguration: Sendable {
    /// The data directory: `node.sqlite` (+ WAL files), `node-key.ed25519`. Default `./xiezhi-data`.
    public var dataDirectory: URL
    /// HTTP listen address. Default `127.0.0.1`.
    public var httpHost: String
    /// HTTP listen port. Default 8080; 0 picks a free port (tests).
    public var httpPort: Int
    /// How long a login session lasts. Default 12 hours (one duty shift).
    public var sessionLifetime: TimeInterval
    /// bcrypt cost for password hashes. Default 12; tests use 4 (the minimum) to stay fast.
    public var passwordHashCost: UInt8
    /// A region GeoJSON to use instead of the bundled demo region.
    public var regionFile: URL?
    /// Log level. Default `info`.
    public var logLevel: Logger.Level
    /// The JT/T 808 gateway's listen address (`HOST:PORT`); nil: no gateway. Flag `--jt808`, env `XIEZHI_JT808`.
    public var jt808Address: (host: String, port: Int)?
    /// Enrol unknown JT/T 808 terminals to the plate they register with (the demo). Default off: an unknown terminal
    /// gets 0x8100 result 4 (数据库中无该终端) as the standard defines.
    public var openRegistration: Bool = false
    /// AIS feeds: TCP clients to receivers or aggregators (`--ais-feed`), TCP listeners receivers push to
    /// (`--ais-tcp-listen`), UDP listeners (`--ais-udp-listen`). Each repeatable; default none.
    public var aisFeeds: [AISFeedConfiguration] = []
    /// Limits and timers of the AIS feeds.
    public var aisFeedOptions = AISFeedOptions()
    /// Feed simulated weigh-in-motion traffic through the real ingest (the demo only). Default off.
    public var simulateWeighTraffic: Bool = false
    /// How often the dispatch rules run (routine alerts dispatched, orders not accepted in time escalated); nil: not
    /// at all (in-memory test nodes, whose tests run the sweep by hand so that it cannot race them).
    public var dispatchSweepInterval: Duration? = .seconds(15)
    /// The demo's simulated waterway traffic, sent to the first AIS TCP listener (`--ais-tcp-listen`).
    public var simulateWaterwayTraffic: Bool = false
    /// Federation timers and limits (replay window, retry backoff).
    public var federation = FederationOptions()
    /// Simulated JT/T 808 terminals the node drives against its own gateway (the demo only). Default 0.
    public var simulatedTerminals: Int = 0
    /// `json` (one object per line, for log collectors) or `text`. Default `text` on a terminal, else `json`.
    public var logFormat: LogFormat

    public enum LogFormat: String, Sendable, CaseIterable {
        case json, text
    }

    public init(
        dataDirectory: URL = URL(fileURLWithPath: "xiezhi-data"),
        httpHost: String = "127.0.0.1",
        httpPort: Int = 8080,
        sessionLifetime: TimeInterval = 12 * 3600,
        passwordHashCost: UInt8 = 12,
        regionFile: URL? = nil,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .text
    ) {
        self.dataDirectory = dataDirectory
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.sessionLifetime = sessionLifetime
        self.passwordHashCost = passwordHashCost
        self.regionFile = regionFile
        self.logLevel = logLevel
        self.logFormat = logFormat
    }
}
