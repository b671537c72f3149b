import ArgumentParser
import Foundation
import Logging
import XiezhiCore
import XiezhiServer

/// `--data DIR` and `--http HOST:PORT`, shared by `serve` and `demo`; each falls back to its `XIEZHI_*`
/// environment variable, then to the default.
struct NodeOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data directory (env XIEZHI_DATA; default ./xiezhi-data, ./demo-data for demo).")
    var data: String?

    @Option(name: .customLong("http"), help: "HTTP listen address HOST:PORT (env XIEZHI_HTTP; default 127.0.0.1:8080).")
    var http: String?

    @Option(name: .customLong("jt808"), help: "JT/T 808 gateway listen address HOST:PORT (env XIEZHI_JT808; default none, 127.0.0.1:7808 for demo).")
    var jt808: String?

    @Flag(name: .customLong("jt808-open-registration"), help: "Enrol unknown JT/T 808 terminals to the plate they register with (env XIEZHI_JT808_OPEN_REGISTRATION=1; on for demo).")
    var jt808OpenRegistration = false

    @Option(name: .customLong("ais-feed"), help: "An AIS feed to connect to, HOST:PORT (repeatable; reconnects with backoff).")
    var aisFeed: [String] = []

    @Option(name: .customLong("ais-tcp-listen"), help: "Listen for AIS receivers pushing NMEA over TCP, HOST:PORT (repeatable).")
    var aisTCPListen: [String] = []

    @Option(name: .customLong("ais-udp-listen"), help: "Listen for AIS NMEA datagrams, HOST:PORT (repeatable).")
    var aisUDPListen: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env XIEZHI_LOG_LEVEL; default info).")
    var logLevel: String?

    @Option(help: "Log format: json or text (env XIEZHI_LOG_FORMAT; default text on a terminal, json otherwise).")
    var logFormat: String?

    @Option(help: "Session lifetime in hours (env XIEZHI_SESSION_HOURS; default 12).")
    var sessionHours: Double?

    @Option(help: "A region GeoJSON file to use instead of the bundled demo region (env XIEZHI_REGION_FILE).")
    var regionFile: String?

    @Option(name: .customLong("federation-replay-window"), help: "Seconds a partner's message may be off this node's clock (env XIEZHI_FEDERATION_REPLAY_WINDOW; default 300).")
    var federationReplayWindow: Double?

    @Option(name: .customLong("federation-backoff-max"), help: "Longest retry delay in seconds for an unreachable partner (env XIEZHI_FEDERATION_BACKOFF_MAX; default 300).")
    var federationBackoffMax: Double?

    func configuration(defaultData: String, defaultJT808: String? = nil) throws -> NodeConfiguration {
        let environment = ProcessInfo.processInfo.environment
        var configuration = NodeConfiguration()
        configuration.dataDirectory = URL(fileURLWithPath: data ?? environment["XIEZHI_DATA"] ?? defaultData)
        (configuration.httpHost, configuration.httpPort) = try Self.address(http ?? environment["XIEZHI_HTTP"] ?? "127.0.0.1:8080", flag: "--http")
        if let gateway = jt808 ?? environment["XIEZHI_JT808"] ?? defaultJT808 {
            configuration.jt808Address = try Self.address(gateway, flag: "--jt808")
        }
        configuration.openRegistration = jt808OpenRegistration || environment["XIEZHI_JT808_OPEN_REGISTRATION"] == "1"
        do {
            let feeds = try aisFeed.map(AISFeedConfiguration.tcpClient(parsing:)) + aisTCPListen.map(AISFeedConfiguration.tcpListen(parsing:))
                + aisUDPListen.map(AISFeedConfiguration.udpListen(parsing:))
            // The same flag twice would share counters, and a second listener could not bind.
            configuration.aisFeeds = feeds.reduce(into: []) { unique, feed in if !unique.contains(feed) { unique.append(feed) } }
        } catch let error as DomainError {
            throw ValidationError(error.reason)
        }
        if let level = logLevel ?? environment["XIEZHI_LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: level) else { throw ValidationError("unknown log level '\(level)'") }
            configuration.logLevel = parsed
        }
        if let format = logFormat ?? environment["XIEZHI_LOG_FORMAT"] {
            guard let parsed = NodeConfiguration.LogFormat(rawValue: format) else { throw ValidationError("--log-format is json or text") }
            configuration.logFormat = parsed
        } else {
            configuration.logFormat = isatty(STDERR_FILENO) != 0 ? .text : .json
        }
        if let hours = sessionHours ?? environment["XIEZHI_SESSION_HOURS"].flatMap(Double.init) {
            guard hours > 0 else { throw ValidationError("the session lifetime must be positive") }
            configuration.sessionLifetime = hours * 3600
        }
        if let window = federationReplayWindow ?? environment["XIEZHI_FEDERATION_REPLAY_WINDOW"].flatMap(Double.init) {
            guard window > 0 else { throw ValidationError("the replay window must be positive") }
            configuration.federation.replayWindow = window
        }
        if let maximum = federationBackoffMax ?? environment["XIEZHI_FEDERATION_BACKOFF_MAX"].flatMap(Double.init) {
            guard maximum > 0 else { throw ValidationError("the backoff maximum must be positive") }
            configuration.federation.backoffMaximum = maximum
        }
        if let region = regionFile ?? environment["XIEZHI_REGION_FILE"] {
            configuration.regionFile = URL(fileURLWithPath: region)
        }
        return configuration
    }
}

/// `--data DIR` alone, for the offline commands (users, audit).
extension NodeOptions {
    /// Parses a listen address `HOST:PORT` given with `flag`.
    static func address(_ text: String, flag: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("\(flag) must be HOST:PORT, got '\(text)'")
        }
        return (String(text[..<colon]), port)
    }
}

struct DataOption: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data directory (env XIEZHI_DATA; default ./xiezhi-data).")
    var data: String?

    var directory: URL {
        URL(fileURLWithPath: data ?? ProcessInfo.processInfo.environment["XIEZHI_DATA"] ?? "xiezhi-data")
    }
}

/// Sets up swift-log once for the process with the configured format and level.
enum LoggingSetup {
    static func bootstrap(_ configuration: NodeConfiguration) -> Logger {
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        var logger = Logger(label: "xiezhi")
        logger.logLevel = level
        return logger
    }
}
