import Foundation
import Hummingbird
import NIOCore
import XiezhiCore
import XiezhiStore

/// The federation endpoints: the inbox partners post signed envelopes to (authenticated by the signature, not by a
/// session), the node's identity, and the delivery and request views for the agency's staff.
struct FederationController: APIController {
    let node: Node

    struct Identity: ResponseEncodable {
        var `protocol`: String
        var publicKey: String
        var inbox: String
    }

    struct ProofRequest: Decodable {
        var method: String
        var servedAt: Date
        var receipt: String?
        var note: String?
    }

    static let staff: Set<Role> = [.partnerLiaison, .agencyHead, .auditor, .admin]

    func register(on api: APIRouter) {
        let receiver = FederationReceiver(
            database: node.database, key: node.key, window: ReplayWindow(seconds: node.configuration.federation.replayWindow))
        let limit = node.configuration.federation.maximumEnvelopeBytes
        api.on(.post, "/federation/v1/inbox", access: .anonymous, summary: "Receive a signed message from a partner node") { request, context in
            var request = request
            let buffer = try await request.collectBody(upTo: limit)
            do {
                let receipt = try await receiver.receive(Data(buffer.readableBytesView), now: node.now())
                return receipt
            } catch let refusal as FederationRefusal {
                context.logger.notice("federation message refused", metadata: ["federation.code": "\(refusal.code.rawValue)", "federation.reason": "\(refusal.reason)"])
                throw Problem(status: HTTPResponse.Status(code: refusal.code.httpStatus), code: refusal.code.rawValue, detail: refusal.reason)
            }
        }
        api.on(.get, "/federation/v1/node", access: .anonymous, summary: "This node's federation identity (public key, protocol)") { _, _ in
            Identity(protocol: FederationEnvelope.protocolVersion, publicKey: node.key.publicKeyBase64, inbox: FederationDelivery.inboxPath)
        }
        api.on(.get, "/api/v1/federation/peers", access: .roles(Self.staff), summary: "Partner nodes and their agreements") { _, _ in
            let peers = try PeerStore(database: node.database, signingKey: nil).all()
            return Page(items: peers, total: peers.count, limit: peers.count, offset: 0)
        }
        api.on(.get, "/api/v1/federation/outbox", access: .roles(Self.staff), summary: "Messages to partners and their delivery state (queued, delivered, failed)") { request, _ in
            let query = request.uri.queryParameters
            let status = query.get("status")
            if let status, !["queued", "delivered", "failed"].contains(status) {
                throw Problem.badRequest("invalid_query", "'status' is queued, delivered or failed")
            }
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try FederationOutbox(database: node.database).list(status: status, limit: limit, offset: offset)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
        api.on(.get, "/api/v1/federation/inbox", access: .roles(Self.staff), summary: "Messages received from partners (each applied once)") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try await node.database.read { db in try FederationInbox.list(limit: limit, offset: offset, in: db) }
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
        let handlers: Set<Role> = [.partnerLiaison, .caseHandler, .agencyHead]
        api.on(.get, "/api/v1/federation/requests", access: .roles(handlers.union([.auditor])), summary: "Requests partners sent this agency (送达互助, 抄告车籍地)") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try ReceivedRequestStore(database: node.database, signingKey: nil).list(limit: limit, offset: offset)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
        api.on(.post, "/api/v1/federation/requests/{id}/proof", access: .roles(handlers), summary: "Record the proof of service of a partner's 送达互助 request; it goes back to the partner") { request, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: ProofRequest.self, context: context)
            guard let method = ServiceMethod(rawValue: body.method) else {
                throw Problem.badRequest("invalid_method", "'method' is one of \(ServiceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let saved = try ReceivedRequestStore(database: node.database, signingKey: node.key).recordProof(
                id: id, method: method, servedAt: body.servedAt, receipt: body.receipt, note: body.note, by: account.id, at: node.now())
            return saved
        }
    }
}

extension FederationReceiver.Receipt: ResponseEncodable {}
extension ReceivedRequestStore.Request: ResponseEncodable {}
