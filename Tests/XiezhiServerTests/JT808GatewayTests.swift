import Foundation
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import Testing
import XiezhiCore
import XiezhiStore
import XiezhiWire
@testable import XiezhiServer

/// A real terminal conversation over loopback TCP: register → authentication code → authenticate → a position report
/// split across two writes and a heartbeat stuck to the next report; each 0x8001 arrives only after the position is
/// in the database; an unknown terminal gets result 4.
@Suite struct JT808GatewayTests {
    static let phone = "13912345678"

    /// A connected terminal: writes raw bytes, reads frames.
    final class Terminal: Sendable {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        init(port: Int) async throws {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        }
    }

    static func frame(_ message: JT808Message, serial: UInt16, phone: String = phone) throws -> ByteBuffer {
        try JT808Frame(message: message, terminalPhone: phone, serialNumber: serial, version: .v2013).encoded()
    }

    static func report(minute: Int) -> JT808Message {
        var report = JT808LocationReport(latitude: 0, longitude: 0, speed: 623, direction: 90, time: JT808BCDTime(year: 2026, month: 1, day: 5, hour: 9, minute: minute, second: 0)!)
        report.setPosition(latitudeDegrees: 30.7, longitudeDegrees: 121.0 + Double(minute) / 1000)
        return .locationReport(report)
    }

    @Test func registerAuthenticateReport() async throws {
        let test = try TestNode()
        let terminals = TerminalStore(database: test.node.database, signingKey: test.node.key)
        let vehicle = try VehicleKey(plate: "浙F12345", color: .yellow)
        try terminals.register(
            TerminalRegistration(phone: Self.phone, vehicle: vehicle, kind: .hazmat, carrier: nil, authenticationCode: "C0FFEE01"),
            jurisdiction: TestNode.pinghu, by: "test", at: Date())
        try await withJT808Gateway(test.node) { port in
            let terminal = try await Terminal(port: port)
            try await terminal.channel.executeThenClose { inbound, outbound in
                var frames = JT808FrameSplitter()
                var iterator = inbound.makeAsyncIterator()
                func nextFrame() async throws -> JT808Frame {
                    while true {
                        if let frame = try frames.next() { return frame }
                        guard let buffer = try await iterator.next() else { throw CancellationError() }
                        frames.append(buffer)
                    }
                }
                // 0x0100 → 0x8100 with the provisioned code.
                let registration = JT808Registration(
                    provinceID: 33, cityID: 482, manufacturerID: "XZ001", terminalModel: "T808", terminalID: "A0001", plateColor: .yellow, plate: "浙F12345")
                try await outbound.write(try Self.frame(.registration(registration), serial: 1))
                let answer = try await nextFrame()
                guard case .registrationResponse(let response) = try JT808Message(frame: answer, version: .v2013) else {
                    Issue.record("expected 0x8100, got \(answer.header.messageID)")
                    return
                }
                #expect(response.result.rawValue == 0)
                #expect(response.authenticationCode == "C0FFEE01")
                // 0x0102 → 0x8001 success.
                try await outbound.write(try Self.frame(.authentication(JT808Authentication(authenticationCode: "C0FFEE01")), serial: 2))
                guard case .platformGeneralResponse(let authenticated) = try JT808Message(frame: try await nextFrame(), version: .v2013) else {
                    Issue.record("expected 0x8001")
                    return
                }
                #expect(authenticated.responseMessageID == 0x0102)
                #expect(authenticated.result.rawValue == 0)
                // A report in two halves (half packet), then a heartbeat and a second report in one write (sticky).
                var first = try Self.frame(Self.report(minute: 1), serial: 3)
                let half = first.readSlice(length: first.readableBytes / 2)!
                try await outbound.write(half)
                try await Task.sleep(for: .milliseconds(50))
                try await outbound.write(first)
                var sticky = try Self.frame(.heartbeat, serial: 4)
                var second = try Self.frame(Self.report(minute: 2), serial: 5)
                sticky.writeBuffer(&second)
                try await outbound.write(sticky)
                var answered: [UInt16: UInt16] = [:]
                for _ in 0..<3 {
                    guard case .platformGeneralResponse(let ack) = try JT808Message(frame: try await nextFrame(), version: .v2013) else {
                        Issue.record("expected 0x8001")
                        return
                    }
                    answered[ack.responseSerialNumber] = ack.responseMessageID
                    #expect(ack.result.rawValue == 0)
                    if ack.responseMessageID == 0x0200 {
                        // The answer comes only after the position is durable.
                        let stored = try terminals.track(subject: SubjectKey.vehicle(vehicle).stringValue, from: .distantPast, to: .distantFuture, limit: 10)
                        #expect(stored.contains { $0.time == Date(timeIntervalSince1970: 1_767_574_860 + Double(ack.responseSerialNumber == 3 ? 0 : 60)) })
                    }
                }
                #expect(answered == [3: 0x0200, 4: 0x0002, 5: 0x0200])
            }
            // An unknown terminal: 0x8100 result 4 (no such terminal).
            let stranger = try await Terminal(port: port)
            try await stranger.channel.executeThenClose { inbound, outbound in
                let registration = JT808Registration(
                    provinceID: 33, cityID: 482, manufacturerID: "XZ001", terminalModel: "T808", terminalID: "B0002", plateColor: .yellow, plate: "浙F54321")
                try await outbound.write(try Self.frame(.registration(registration), serial: 1, phone: "13900000000"))
                var frames = JT808FrameSplitter()
                for try await buffer in inbound {
                    frames.append(buffer)
                    if let frame = try frames.next() {
                        guard case .registrationResponse(let response) = try JT808Message(frame: frame, version: .v2013) else {
                            Issue.record("expected 0x8100")
                            return
                        }
                        #expect(response.result.rawValue == 4)
                        return
                    }
                }
            }
        }
        let positions = try TerminalStore(database: test.node.database, signingKey: nil).track(
            subject: SubjectKey.vehicle(vehicle).stringValue, from: .distantPast, to: .distantFuture, limit: 10)
        #expect(positions.count == 2)
        #expect(positions.first?.speedKmh == 62.3)
        #expect(abs((positions.first?.longitude ?? 0) - 121.001) < 0.000_001)
    }
}
