import Logging
import Testing
import XiezhiCore
@testable import XiezhiServer

@Suite("AIS feed configuration")
struct AISFeedConfigurationTests {
    @Test(arguments: [
        ("127.0.0.1:10110", "127.0.0.1", 10110),
        ("ais.example.org:5631", "ais.example.org", 5631),
        (" 0.0.0.0:4001 ", "0.0.0.0", 4001),
        ("[::1]:10110", "::1", 10110),
        ("[fe80::1%eth0]:1", "fe80::1%eth0", 1),
    ])
    func parsesHostAndPort(text: String, host: String, port: Int) throws {
        let parsed = try AISFeedConfiguration.parseAddress(text, flag: "--ais-feed", allowAnyPort: false)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
    }

    @Test(arguments: [
        ("10110", "there is no ':' before the port"),
        ("host:", "the port is not a number"),
        (":10110", "the host is empty"),
        ("host:port", "the port is not a number"),
        ("host:-1", "the port is not a number"),
        ("host:70000", "the port must be 1–65535"),
        ("host:0", "the port must be 1–65535"),
        ("::1:10110", "write an IPv6 address in brackets"),
        ("[::1:10110", "the IPv6 address has no closing ']'"),
        ("[::1]10110", "a ':' and the port must follow ']'"),
    ])
    func refusesBadAddresses(text: String, why: String) {
        #expect {
            try AISFeedConfiguration.tcpClient(parsing: text)
        } throws: { error in
            guard let error = error as? DomainError else { return false }
            return error.code == "invalid_feed_address" && error.reason.contains("--ais-feed") && error.reason.hasSuffix(why + ".")
        }
    }

    @Test("listeners accept port 0 (any free port); names are stable labels")
    func namesAndListeners() throws {
        #expect(try AISFeedConfiguration.tcpListen(parsing: "0.0.0.0:0") == .tcpListen(host: "0.0.0.0", port: 0))
        #expect(try AISFeedConfiguration.udpListen(parsing: "127.0.0.1:10110").name == "udp-listen:127.0.0.1:10110")
        #expect(try AISFeedConfiguration.tcpClient(parsing: "ais.example.org:5631").name == "tcp-client:ais.example.org:5631")
        #expect(AISFeedConfiguration.tcpListen(host: "::1", port: 4001).name == "tcp-listen:[::1]:4001")
        #expect(AISFeedConfiguration.tcpListen(host: "::1", port: 4001).port == 4001)
        #expect {
            try AISFeedConfiguration.udpListen(parsing: "h:65536")
        } throws: { error in
            (error as? DomainError)?.reason.contains("--ais-udp-listen") == true
        }
    }

    @Test("each kind makes its service, named after the configuration")
    func services() {
        let logger = Logger(label: "xiezhi.test.ais")
        let metrics = AISTestMetrics()
        let client = AISFeedConfiguration.tcpClient(host: "192.0.2.7", port: 5631).makeService(logger: logger, metricsFactory: metrics) { _ in }
        let tcp = AISFeedConfiguration.tcpListen(host: "0.0.0.0", port: 4001).makeService(logger: logger, metricsFactory: metrics) { _ in }
        let udp = AISFeedConfiguration.udpListen(host: "0.0.0.0", port: 4002).makeService(logger: logger, metricsFactory: metrics) { _ in }
        #expect((client as? AISTCPClientFeed)?.name == "tcp-client:192.0.2.7:5631")
        #expect((tcp as? AISTCPListenerFeed)?.name == "tcp-listen:0.0.0.0:4001")
        #expect((udp as? AISUDPListenerFeed)?.name == "udp-listen:0.0.0.0:4002")
        #expect(metrics.value("xiezhi_ais_connected", ["feed": "tcp-listen:0.0.0.0:4001"]) == 0)
    }
}
