import Foundation
import XiezhiCore

/// One AIS feed of the node: where its NMEA lines come from.
///
/// Receivers and aggregators serve AIS as raw NMEA 0183 lines (`!AIVDM…*hh`, optionally behind a tag block
/// `\c:…,s:…*hh\`) over TCP (we connect to them, or they connect to us and push) or UDP datagrams (one or
/// more lines each). The `name` is the feed's stable label in `/metrics` (dimension `feed`) and in logs.
public enum AISFeedConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// We connect to a receiver or aggregator that serves lines (`--ais-feed HOST:PORT`), reconnecting with backoff.
    case tcpClient(host: String, port: Int)
    /// Receivers connect to us and push lines (`--ais-tcp-listen HOST:PORT`); many at once.
    case tcpListen(host: String, port: Int)
    /// Receivers send datagrams of one or more lines (`--ais-udp-listen HOST:PORT`).
    case udpListen(host: String, port: Int)

    /// The stable label: `tcp-client:HOST:PORT`, `tcp-listen:HOST:PORT` or `udp-listen:HOST:PORT`.
    public var name: String {
        switch self {
        case .tcpClient(let host, let port): "tcp-client:\(Self.render(host: host, port: port))"
        case .tcpListen(let host, let port): "tcp-listen:\(Self.render(host: host, port: port))"
        case .udpListen(let host, let port): "udp-listen:\(Self.render(host: host, port: port))"
        }
    }

    /// The feed's name.
    public var description: String { name }

    /// The host to connect to or listen on.
    public var host: String {
        switch self {
        case .tcpClient(let host, _), .tcpListen(let host, _), .udpListen(let host, _): host
        }
    }

    /// The port to connect to or listen on (0 when listening: any free port).
    public var port: Int {
        switch self {
        case .tcpClient(_, let port), .tcpListen(_, let port), .udpListen(_, let port): port
        }
    }

    /// `--ais-feed HOST:PORT`: a TCP feed we connect to (port 1–65535).
    public static func tcpClient(parsing text: String) throws -> AISFeedConfiguration {
        let (host, port) = try parseAddress(text, flag: "--ais-feed", allowAnyPort: false)
        return .tcpClient(host: host, port: port)
    }

    /// `--ais-tcp-listen HOST:PORT`: a TCP port receivers push to (port 0–65535; 0 picks a free port).
    public static func tcpListen(parsing text: String) throws -> AISFeedConfiguration {
        let (host, port) = try parseAddress(text, flag: "--ais-tcp-listen", allowAnyPort: true)
        return .tcpListen(host: host, port: port)
    }

    /// `--ais-udp-listen HOST:PORT`: a UDP port receivers send datagrams to (port 0–65535; 0 picks a free port).
    public static func udpListen(parsing text: String) throws -> AISFeedConfiguration {
        let (host, port) = try parseAddress(text, flag: "--ais-udp-listen", allowAnyPort: true)
        return .udpListen(host: host, port: port)
    }

    /// Splits `HOST:PORT` (IPv6 as `[::1]:PORT`); throws `DomainError` `invalid_feed_address` saying what is wrong.
    ///
    /// `flag` names the option in the error; `allowAnyPort` admits port 0 (listeners).
    public static func parseAddress(_ text: String, flag: String, allowAnyPort: Bool) throws -> (host: String, port: Int) {
        func refuse(_ why: String) -> DomainError {
            DomainError(code: "invalid_feed_address", reason: "\(flag) must be HOST:PORT (IPv6 as [ADDRESS]:PORT), got '\(text)': \(why).")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let host: Substring
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { throw refuse("the IPv6 address has no closing ']'") }
            host = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.first == ":" else { throw refuse("a ':' and the port must follow ']'") }
            portText = rest.dropFirst()
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else { throw refuse("there is no ':' before the port") }
            host = trimmed[..<colon]
            portText = trimmed[trimmed.index(after: colon)...]
            if host.contains(":") { throw refuse("write an IPv6 address in brackets") }
        }
        guard !host.isEmpty else { throw refuse("the host is empty") }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCIIDigit), let port = Int(portText) else {
            throw refuse("the port is not a number")
        }
        let lowest = allowAnyPort ? 0 : 1
        guard (lowest...65535).contains(port) else { throw refuse("the port must be \(lowest)–65535") }
        return (String(host), port)
    }

    private static func render(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
