import Foundation
import GRDB
import Testing
import XiezhiCore
@testable import XiezhiStore

/// The inbox over a real (in-memory) database: signatures, senders, agreements, replays, exactly-once effects.
@Suite struct FederationReceiverTests {
    let jinshanKey = NodeKey.generate()
    let pinghuKey = NodeKey.generate()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Pinghu's database with Jinshan registered as a peer taking penalty records with plates.
    func pinghu(agreement: PeerAgreement = .standard(personal: ["subject"])) throws -> (NodeDatabase, FederationReceiver) {
        let database = try NodeDatabase.inMemory()
        try PeerStore(database: database, signingKey: pinghuKey).save(
            PeerStore.Peer(name: "jinshan", url: "http://127.0.0.1:9", publicKey: jinshanKey.publicKeyBase64,
                           jurisdictions: [JurisdictionCode(rawValue: "310116")!, JurisdictionCode(rawValue: "310100")!], agreement: agreement, at: now),
            by: "test")
        return (database, FederationReceiver(database: database, key: pinghuKey, window: ReplayWindow(seconds: 300)))
    }

    var penalty: PenaltyRecordBody {
        PenaltyRecordBody(
            PriorPenalty(subject: "vehicle:沪D12345:yellow", violationKind: "overload", actAt: now.addingTimeInterval(-7200), decisionNumber: "金交执罚决字〔2026〕第0007号",
                         agency: "上海市金山区交通行政执法大队", jurisdiction: JurisdictionCode(rawValue: "310116")!, decidedAt: now.addingTimeInterval(-600), source: .local),
            amountFen: 1_550_000)
    }

    func envelope(id: String = "m-1", kind: String = "penalty_record", body: String, sentAt: Date? = nil, key: NodeKey? = nil) throws -> FederationEnvelope {
        try FederationSigning.sign(
            FederationEnvelope(messageId: id, sender: (key ?? jinshanKey).publicKeyBase64, recipient: pinghuKey.publicKeyBase64, kind: kind,
                               sentAt: Timestamp.format(sentAt ?? now), body: body),
            with: key ?? jinshanKey)
    }

    func data(_ envelope: FederationEnvelope) throws -> Data { try JSONEncoder().encode(envelope) }

    func refusal(_ receiver: FederationReceiver, _ envelope: FederationEnvelope) async -> FederationRefusal.Code? {
        do {
            _ = try await receiver.receive(try data(envelope), now: now)
            return nil
        } catch {
            return (error as? FederationRefusal)?.code
        }
    }

    func penaltyCount(_ database: NodeDatabase) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM penalty_record WHERE source = 'partner'") ?? 0 }
    }

    @Test func aSignedPenaltyRecordIsAppliedOnceAndRetriesAreAcknowledged() async throws {
        let (database, receiver) = try pinghu()
        let body = try FederationJSON.encode(penalty)
        let first = try await receiver.receive(try data(try envelope(body: body)), now: now)
        #expect(first.status == "accepted")
        // The sender's retry (new sent_at, same id) is acknowledged without a second effect.
        let retry = try await receiver.receive(try data(try envelope(body: body, sentAt: now.addingTimeInterval(3))), now: now)
        #expect(retry.status == "duplicate")
        #expect(try penaltyCount(database) == 1)
        let priors = try CaseStore(database: database, signingKey: nil).priorPenalties(subject: "vehicle:沪D12345:yellow")
        #expect(priors.map(\.decisionNumber) == ["金交执罚决字〔2026〕第0007号"])
        #expect(priors.first?.source == .partner)
        let deliveries = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT deliveries FROM federation_inbox WHERE message_id = 'm-1'") }
        #expect(deliveries == 2)
    }

    @Test func refusals() async throws {
        let (database, receiver) = try pinghu()
        let body = try FederationJSON.encode(penalty)
        var tampered = try envelope(body: body)
        tampered.body = tampered.body.replacingOccurrences(of: "1550000", with: "1")
        #expect(await refusal(receiver, tampered) == .badSignature)
        #expect(await refusal(receiver, try envelope(body: body, key: NodeKey.generate())) == .unknownSender)
        #expect(await refusal(receiver, try envelope(kind: "shared_watchlist", body: "{}")) == .kindNotAgreed)
        let withPhone = String(body.dropLast()) + ",\"owner_phone\":\"13800000000\"}"
        #expect(await refusal(receiver, try envelope(body: withPhone)) == .fieldNotAgreed)
        #expect(await refusal(receiver, try envelope(body: body, sentAt: now.addingTimeInterval(-3600))) == .outsideWindow)
        var elsewhere = try envelope(body: body)
        elsewhere.recipient = NodeKey.generate().publicKeyBase64
        #expect(await refusal(receiver, try FederationSigning.sign(elsewhere, with: jinshanKey)) == .wrongRecipient)
        // The verbatim replay of an applied message.
        let original = try envelope(id: "m-2", body: body)
        _ = try await receiver.receive(try data(original), now: now)
        #expect(await refusal(receiver, original) == .replay)
        // The same id with another body.
        #expect(await refusal(receiver, try envelope(id: "m-2", body: "{}", sentAt: now.addingTimeInterval(1))) == .messageIdConflict)
        #expect(try penaltyCount(database) == 1)
    }

    @Test func aRecordForAJurisdictionThePeerDoesNotSpeakForIsRefusedAndLeavesNoTrace() async throws {
        let (database, receiver) = try pinghu()
        var body = penalty
        body.jurisdiction = "320509"
        #expect(await refusal(receiver, try envelope(body: try FederationJSON.encode(body))) == .jurisdictionNotAgreed)
        let inbox = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM federation_inbox") }
        #expect(inbox == 0)
        #expect(try penaltyCount(database) == 0)
    }

    @Test func outboxKeepsOnlyAgreedFieldsAndRollsBackWithItsTransaction() throws {
        let database = try NodeDatabase.inMemory()
        let store = PeerStore(database: database, signingKey: nil)
        try store.save(PeerStore.Peer(name: "with-plates", url: "http://a:1", publicKey: jinshanKey.publicKeyBase64, jurisdictions: [JurisdictionCode(rawValue: "310116")!],
                                      agreement: .standard(personal: ["subject"]), at: now), by: "test")
        try store.save(PeerStore.Peer(name: "no-plates", url: "http://b:1", publicKey: NodeKey.generate().publicKeyBase64, jurisdictions: [JurisdictionCode(rawValue: "320509")!],
                                      agreement: .standard(), at: now), by: "test")
        var withDriver = penalty
        withDriver.driver = "person:310101199001011234"
        _ = try database.writer.write { db in
            try FederationOutbox.enqueue(.penaltyRecord, body: withDriver, to: try FederationOutbox.peers(for: .penaltyRecord, in: db), related: nil, at: now, in: db)
        }
        let outbox = FederationOutbox(database: database)
        let messages = try outbox.list(status: nil, limit: 10, offset: 0).items
        let sent = try #require(messages.first { $0.peer == "with-plates" })
        #expect(sent.status == "queued")
        #expect(FederationJSON.fields(of: sent.body).contains("subject"))
        #expect(!FederationJSON.fields(of: sent.body).contains("driver"))
        let refused = try #require(messages.first { $0.peer == "no-plates" })
        #expect(refused.status == "failed")
        #expect(refused.lastError?.contains("subject") == true)
        // A change that rolls back takes its message with it.
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.writer.write { db -> Void in
                try FederationOutbox.enqueue(.penaltyRecord, body: withDriver, to: try FederationOutbox.peers(for: .penaltyRecord, in: db), related: nil, at: now, in: db)
                throw Abort()
            }
        }
        #expect(try outbox.list(status: nil, limit: 10, offset: 0).total == 2)
    }

    @Test func deliveryOutcomesMoveMessagesAndTheirRequests() async throws {
        let database = try NodeDatabase.inMemory()
        try PeerStore(database: database, signingKey: nil).save(
            PeerStore.Peer(name: "jinshan", url: "http://a:1", publicKey: jinshanKey.publicKeyBase64, jurisdictions: [JurisdictionCode(rawValue: "310116")!],
                           agreement: .standard(personal: ["subject"]), at: now), by: "test")
        let ids = try await database.writer.write { db in
            try FederationOutbox.enqueue(.penaltyRecord, body: penalty, to: try FederationOutbox.peers(for: .penaltyRecord, in: db), related: nil, at: now, in: db)
                + FederationOutbox.enqueue(.penaltyRecord, body: penalty, to: try FederationOutbox.peers(for: .penaltyRecord, in: db), related: nil, at: now, in: db)
                + FederationOutbox.enqueue(.penaltyRecord, body: penalty, to: try FederationOutbox.peers(for: .penaltyRecord, in: db), related: nil, at: now, in: db)
        }
        let outbox = FederationOutbox(database: database)
        #expect(try await outbox.due(at: now, limit: 10, probeOnly: [], skip: []).count == 3)
        #expect(try await outbox.due(at: now, limit: 10, probeOnly: ["jinshan"], skip: []).count == 1)
        #expect(try await outbox.due(at: now, limit: 10, probeOnly: [], skip: ["jinshan"]).isEmpty)
        try await outbox.record([(ids[0], .delivered), (ids[1], .refused("field_not_agreed: x")), (ids[2], .retry("refused connection", retryAt: now.addingTimeInterval(60)))], at: now)
        #expect(try outbox.counts() == ["delivered": 1, "failed": 1, "queued": 1])
        #expect(try await outbox.due(at: now, limit: 10, probeOnly: [], skip: []).isEmpty)
        #expect(try await outbox.nextDue() == now.addingTimeInterval(60))
        try await outbox.release(peer: "jinshan", at: now.addingTimeInterval(1))
        let due = try await outbox.due(at: now.addingTimeInterval(1), limit: 10, probeOnly: [], skip: [])
        #expect(due.map(\.messageId) == [ids[2]])
        #expect(due.first?.attempts == 1)
        #expect(due.first?.lastError == "refused connection")
    }
}
