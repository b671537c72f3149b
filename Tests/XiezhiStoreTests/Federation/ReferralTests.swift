import Foundation
import GRDB
import Testing
import XiezhiCore
@testable import XiezhiStore

/// 移交违法线索 between two in-memory nodes: the outbox of one is signed and handed to the inbox of the other.
@Suite struct ReferralTests {
    struct Side {
        let key = NodeKey.generate()
        let database: NodeDatabase
        var referrals: ReferralStore { ReferralStore(database: database, signingKey: key) }

        init() throws { database = try NodeDatabase.inMemory() }

        func register(_ other: Side, name: String, code: String) throws {
            try PeerStore(database: database, signingKey: nil).save(
                PeerStore.Peer(name: name, url: "http://127.0.0.1:9", publicKey: other.key.publicKeyBase64, jurisdictions: [JurisdictionCode(rawValue: code)!],
                               agreement: .standard(personal: ["subject"]), at: Date()),
                by: "test")
        }

        /// Hands every queued message to `receiver`'s inbox and records the outcome, as the delivery service would.
        func deliver(to receiver: Side, at now: Date) async throws -> [String] {
            let outbox = FederationOutbox(database: database)
            let inbox = FederationReceiver(database: receiver.database, key: receiver.key, window: ReplayWindow(seconds: 300))
            var statuses: [String] = []
            for message in try await outbox.due(at: now, limit: 100, probeOnly: [], skip: []) {
                let envelope = try FederationSigning.sign(
                    FederationEnvelope(messageId: message.messageId, sender: key.publicKeyBase64, recipient: receiver.key.publicKeyBase64, kind: message.kind,
                                       sentAt: Timestamp.format(now), body: message.body),
                    with: key)
                statuses.append(try await inbox.receive(try JSONEncoder().encode(envelope), now: now).status)
                try await outbox.record([(message.messageId, .delivered)], at: now)
            }
            return statuses
        }
    }

    let now = Date(timeIntervalSince1970: 1_795_000_000)  // a Thursday

    @Test func referralRoundTripKeepsOneTimelineOnBothSides() async throws {
        let pinghu = try Side(), jinshan = try Side()
        try pinghu.register(jinshan, name: "jinshan", code: "310116")
        try jinshan.register(pinghu, name: "pinghu", code: "330482")
        let photo = Data("照片字节 JPEG".utf8)
        let sent = try pinghu.referrals.refer(
            to: "jinshan", subject: "vehicle:沪D12345:yellow", violationKind: "overload", summary: "金山段卸货点疑似超限车辆", place: "G228金山段",
            occurredAt: now.addingTimeInterval(-3600), caseID: nil, files: [.init(name: "photo.jpg", mediaType: "image/jpeg", content: photo)], by: "officer", at: now, calendar: .weekendsOnly)
        #expect(sent.status == .referred)
        #expect(sent.evidence.map(\.sha256) == [SHA256Hex.of(photo)])
        // Thursday + 3 working days = the next Tuesday, end of day China time.
        #expect(sent.acceptBy > now.addingTimeInterval(4 * 86400) && sent.acceptBy < now.addingTimeInterval(6 * 86400))
        #expect(try await pinghu.deliver(to: jinshan, at: now) == ["accepted"])

        let received = try #require(try jinshan.referrals.referral(id: sent.id, now: now))
        #expect(received.direction == "incoming")
        #expect(received.acceptBy == sent.acceptBy)
        #expect(try jinshan.referrals.evidenceFile(sha256: SHA256Hex.of(photo))?.content == photo)
        #expect(try jinshan.referrals.list(now: sent.acceptBy.addingTimeInterval(1), overdueOnly: true).map(\.id) == [sent.id])
        #expect(try pinghu.referrals.list(now: sent.acceptBy.addingTimeInterval(1), overdueOnly: true).map(\.id) == [sent.id])

        _ = try jinshan.referrals.respond(id: sent.id, accept: true, reason: nil, by: "head", at: now.addingTimeInterval(60))
        _ = try jinshan.referrals.reportResult(id: sent.id, result: "已立案并作出处罚决定", caseNumber: "金交执罚决字〔2026〕第0009号", by: "head", at: now.addingTimeInterval(120))
        #expect(try await jinshan.deliver(to: pinghu, at: now.addingTimeInterval(130)) == ["accepted", "accepted"])
        let there = try #require(try jinshan.referrals.referral(id: sent.id, now: now))
        let here = try #require(try pinghu.referrals.referral(id: sent.id, now: now))
        #expect(here.status == .concluded)
        #expect(here.events == there.events)
        #expect(here.events.map(\.kind) == ["referred", "accepted", "concluded"])
        #expect(here.result == "已立案并作出处罚决定（金交执罚决字〔2026〕第0009号）")
        #expect(!here.overdue)
    }

    @Test func aRejectionNeedsAReasonAndTravelsBack() async throws {
        let pinghu = try Side(), jinshan = try Side()
        try pinghu.register(jinshan, name: "jinshan", code: "310116")
        try jinshan.register(pinghu, name: "pinghu", code: "330482")
        let sent = try pinghu.referrals.refer(
            to: "jinshan", subject: "vehicle:沪D12345:yellow", violationKind: "overload", summary: "线索", place: nil, occurredAt: nil, caseID: nil, files: [], by: "o", at: now, calendar: .weekendsOnly)
        _ = try await pinghu.deliver(to: jinshan, at: now)
        #expect { try jinshan.referrals.respond(id: sent.id, accept: false, reason: nil, by: "head", at: now) } throws: { ($0 as? DomainError)?.code == "missing_reason" }
        #expect { try pinghu.referrals.respond(id: sent.id, accept: true, reason: nil, by: "head", at: now) } throws: { ($0 as? DomainError)?.code == "referral_not_found" }
        _ = try jinshan.referrals.respond(id: sent.id, accept: false, reason: "地点位于平湖辖区", by: "head", at: now)
        _ = try await jinshan.deliver(to: pinghu, at: now)
        let here = try #require(try pinghu.referrals.referral(id: sent.id, now: now))
        #expect(here.status == .rejected)
        #expect(here.reason == "地点位于平湖辖区")
        #expect { try jinshan.referrals.reportResult(id: sent.id, result: "x", caseNumber: nil, by: "head", at: now) } throws: {
            ($0 as? DomainError)?.code == "referral_transition_not_allowed"
        }
    }

    @Test func evidenceWhoseBytesDoNotMatchItsHashIsRefused() async throws {
        let pinghu = try Side(), jinshan = try Side()
        try jinshan.register(pinghu, name: "pinghu", code: "330482")
        let body = ReferralBody(
            referralId: "r-1", subject: "vehicle:沪D12345:yellow", violationKind: "overload", summary: "线索", referredAt: now, acceptBy: now.addingTimeInterval(86400),
            evidence: [EvidenceFileBody(name: "a.jpg", mediaType: "image/jpeg", sha256: SHA256Hex.of("original"), contentBase64: Data("altered".utf8).base64EncodedString())],
            caseId: nil, place: nil, occurredAt: nil)
        let envelope = try FederationSigning.sign(
            FederationEnvelope(messageId: "m-1", sender: pinghu.key.publicKeyBase64, recipient: jinshan.key.publicKeyBase64, kind: "referral",
                               sentAt: Timestamp.format(now), body: try FederationJSON.encode(body)),
            with: pinghu.key)
        let inbox = FederationReceiver(database: jinshan.database, key: jinshan.key, window: ReplayWindow(seconds: 300))
        await #expect { _ = try await inbox.receive(try JSONEncoder().encode(envelope), now: now) } throws: {
            ($0 as? FederationRefusal)?.code == .invalidBody && ($0 as? FederationRefusal)?.reason.contains("SHA-256") == true
        }
        #expect(try jinshan.referrals.list(now: now, overdueOnly: false).isEmpty)
    }
}
