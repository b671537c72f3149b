import Foundation
import GRDB
import Logging
import ServiceLifecycle
import XiezhiCore
import XiezhiStore

/// Sends the outbox to the partners (the federation's delivery service). Woken by every commit that touches the
/// outbox; otherwise sleeps until the next retry is due. A partner that cannot be reached is backed off as a whole
/// (exponential, capped): while it is down one message probes it at each retry time, and when the probe gets
/// through, everything waiting for it goes at once. A 4xx refusal marks the message failed with the partner's
/// reason; network errors and 5xx are retried. Ends promptly on graceful shutdown (in-flight posts are cancelled;
/// they are retried after a restart, and the partner's inbox acknowledges a message it already applied).
struct FederationDelivery: Service {
    let node: Node
    let options: FederationOptions

    init(node: Node) {
        self.node = node
        self.options = node.configuration.federation
    }

    /// A partner's recent failures.
    struct PeerState {
        var failures = 0
        var retryAt = Date.distantPast
    }

    func run() async throws {
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let observation = DatabaseRegionObservation(tracking: Table("federation_outbox"))
        let cancellable = observation.start(in: node.database.writer) { _ in } onChange: { _ in wake.yield() }
        defer { cancellable.cancel(); wake.finish() }
        let outbox = FederationOutbox(database: node.database)
        let client = FederationHTTPClient(timeout: .milliseconds(Int64(options.requestTimeout * 1000)))
        var peers: [String: PeerState] = [:]
        while !Task.isCancelledOrShuttingDownGracefully {
            do {
                // In-flight posts are cancelled on shutdown; their messages stay queued for the next start.
                peers = try await cancelWhenGracefulShutdown { [peers] in try await deliverDue(outbox: outbox, client: client, peers: peers) }
            } catch is CancellationError {
                break
            } catch {
                node.logger.error("federation delivery pass failed", metadata: ["error": "\(error)"])
            }
            // Sleep until woken by a commit, or until the next retry (peer or message) is due, at most a minute.
            let now = node.now()
            var wakeAt = now.addingTimeInterval(60)
            if let due = try? await outbox.nextDue() { wakeAt = min(wakeAt, due) }
            for state in peers.values where state.failures > 0 { wakeAt = min(wakeAt, state.retryAt) }
            let pause = max(0, wakeAt.timeIntervalSince(now))
            guard pause > 0 else { continue }
            do {
                try await cancelWhenGracefulShutdown {
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { for await _ in wakeups { return } }
                        group.addTask { try? await Task.sleep(for: .milliseconds(Int64(pause * 1000))) }
                        _ = await group.next()
                        group.cancelAll()
                    }
                    try Task.checkCancellation()
                }
            } catch {
                break
            }
        }
    }

    /// One pass: every due message of every partner not backing off (one probe for a partner whose retry time came).
    func deliverDue(outbox: FederationOutbox, client: FederationHTTPClient, peers: [String: PeerState]) async throws -> [String: PeerState] {
        var peers = peers
        let now = node.now()
        let waiting = Set(peers.filter { $0.value.failures > 0 && $0.value.retryAt > now }.keys)
        let probing = Set(peers.filter { $0.value.failures > 0 && $0.value.retryAt <= now }.keys)
        let messages = try await outbox.due(at: now, limit: options.batchSize, probeOnly: probing, skip: waiting)
        guard !messages.isEmpty else { return peers }
        let directory = try await node.database.read { db in
            Dictionary(uniqueKeysWithValues: try PeerStore.all(in: db).map { ($0.name, $0) })
        }
        let byPeer = Dictionary(grouping: messages, by: \.peer)
        let results = await withTaskGroup(of: (String, [(String, Attempt)]).self) { group in
            for (name, batch) in byPeer {
                guard let peer = directory[name] else { continue }
                group.addTask { (name, await send(batch, to: peer, client: client)) }
            }
            var all: [(String, [(String, Attempt)])] = []
            for await result in group { all.append(result) }
            return all
        }
        try Task.checkCancellation()
        let finished = node.now()
        var outcomes: [(messageId: String, outcome: FederationOutbox.Outcome)] = []
        for (name, attempts) in results {
            var state = peers[name] ?? PeerState()
            let unreachable = attempts.contains { if case .unreachable = $0.1 { true } else { false } }
            let wasDown = state.failures > 0
            if unreachable {
                state.failures += 1
                state.retryAt = finished.addingTimeInterval(options.backoff.delay(afterFailures: state.failures))
            } else {
                state = PeerState()
            }
            peers[name] = state
            for (id, attempt) in attempts {
                switch attempt {
                case .delivered: outcomes.append((id, .delivered))
                case .refused(let reason): outcomes.append((id, .refused(reason)))
                case .unreachable(let reason): outcomes.append((id, .retry(reason, retryAt: state.retryAt)))
                }
            }
            if wasDown && !unreachable {
                node.logger.info("federation peer reachable again", metadata: ["peer": "\(name)"])
                try await outbox.release(peer: name, at: finished)
            } else if unreachable && state.failures == 1 {
                node.logger.warning("federation peer unreachable", metadata: ["peer": "\(name)"])
            }
        }
        try await outbox.record(outcomes, at: finished)
        return peers
    }

    enum Attempt: Sendable {
        case delivered
        case refused(String)
        case unreachable(String)
    }

    /// Sends a partner's batch in windows of up to `options.concurrency` messages posted at once. A window never holds
    /// two messages about the same record (a referral's acceptance and its result), so those arrive in the order
    /// they were written.
    func send(_ batch: [FederationOutbox.Message], to peer: PeerStore.Peer, client: FederationHTTPClient) async -> [(String, Attempt)] {
        var results: [(String, Attempt)] = []
        var index = 0
        while index < batch.count, !Task.isCancelled {
            var window: [FederationOutbox.Message] = []
            var related = Set<String>()
            while index < batch.count, window.count < options.concurrency {
                let message = batch[index]
                if let type = message.relatedType, let id = message.relatedId, !related.insert(type + "/" + id).inserted { break }
                window.append(message)
                index += 1
            }
            let attempts = await withTaskGroup(of: (String, Attempt).self) { group in
                for message in window { group.addTask { (message.messageId, await attempt(message, to: peer, client: client)) } }
                var done: [(String, Attempt)] = []
                for await result in group { done.append(result) }
                return done
            }
            results += attempts
            // A partner that is down: stop sending the rest of the batch now.
            if attempts.contains(where: { if case .unreachable = $0.1 { true } else { false } }) { break }
        }
        return results
    }

    func attempt(_ message: FederationOutbox.Message, to peer: PeerStore.Peer, client: FederationHTTPClient) async -> Attempt {
        do {
            let envelope = try FederationSigning.sign(
                FederationEnvelope(
                    messageId: message.messageId, sender: node.key.publicKeyBase64, recipient: peer.publicKey, kind: message.kind,
                    sentAt: Timestamp.format(node.now()), body: message.body),
                with: node.key)
            guard let url = URL(string: peer.url.hasSuffix("/") ? String(peer.url.dropLast()) + Self.inboxPath : peer.url + Self.inboxPath) else {
                return .refused("invalid peer URL \(peer.url)")
            }
            let reply = try await client.post(url, body: try JSONEncoder().encode(envelope))
            switch reply.status {
            case 200..<300: return .delivered
            case 400..<500:
                let problem = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any]
                let code = problem?["code"] as? String ?? "http_\(reply.status)"
                return .refused("\(code): \(problem?["detail"] as? String ?? String(decoding: reply.body.prefix(300), as: UTF8.self))")
            default:
                return .unreachable("HTTP \(reply.status) from \(peer.name)")
            }
        } catch {
            return .unreachable("\(error)")
        }
    }

    static let inboxPath = "/federation/v1/inbox"
}
