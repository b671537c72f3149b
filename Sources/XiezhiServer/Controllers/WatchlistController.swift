import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// 布控 (shared watchlists): flag a vehicle or ship, list the node's own and the partners' entries, withdraw one, see
/// where it was sighted.
struct WatchlistController: APIController {
    let node: Node
    var store: WatchlistStore { WatchlistStore(database: node.database, signingKey: node.key) }

    struct NewEntry: Decodable {
        var subjectKind: String
        var plate: String?
        var plateColour: String?
        var mmsi: String?
        var shipName: String?
        var reason: String
        var violationKind: String
        var validUntil: Date
    }

    struct Withdrawal: Decodable {
        var reason: String
    }

    static let readers: Set<Role> = [.officer, .caseHandler, .commander, .agencyHead, .partnerLiaison, .auditor]
    /// Commanders and case handlers flag and withdraw, as do agency heads.
    static let flaggers: Set<Role> = [.caseHandler, .commander, .agencyHead]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/watchlist", access: .roles(Self.readers), summary: "Watchlist entries (布控): own and received from partners, filtered") { request, _ in
            let query = request.uri.queryParameters
            let origin = query.get("origin")
            guard origin == nil || ["own", "received"].contains(origin!) else {
                throw Problem.badRequest("invalid_query", "'origin' is 'own' or 'received'")
            }
            let status = query.get("status")
            guard status == nil || ["active", "withdrawn", "lapsed"].contains(status!) else {
                throw Problem.badRequest("invalid_query", "'status' is 'active', 'withdrawn' or 'lapsed'")
            }
            let kind = query.get("subject_kind")
            guard kind == nil || ["vehicle", "ship"].contains(kind!) else {
                throw Problem.badRequest("invalid_query", "'subject_kind' is 'vehicle' or 'ship'")
            }
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let page = try await store.list(
                origin: origin, status: status, subjectKind: kind, query: query.get("q"), now: node.now(), limit: limit, offset: offset)
            return Page(items: page.items, total: page.total, limit: limit, offset: offset)
        }
        api.on(.post, "/api/v1/watchlist", access: .roles(Self.flaggers), summary: "Flag a vehicle or ship (布控); partners get it as their agreements allow") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: NewEntry.self, context: context)
            let subject = try WatchlistSubject(kind: body.subjectKind, plate: body.plate, plateColour: body.plateColour, mmsi: body.mmsi, shipName: body.shipName)
            let agency = node.rules.current.region.jurisdiction(account.jurisdiction)?.name ?? account.jurisdiction.rawValue
            let entry = try await store.flag(
                WatchlistStore.NewEntry(
                    subject: subject, reason: body.reason, violationKind: body.violationKind, validUntil: body.validUntil, agency: agency,
                    jurisdiction: account.jurisdiction),
                by: account.id, at: node.now())
            return EditedResponse(status: .created, response: entry)
        }
        api.on(.post, "/api/v1/watchlist/{id}/withdraw", access: .roles(Self.flaggers), summary: "Withdraw an entry this agency flagged (撤控), with a reason") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Withdrawal.self, context: context)
            return try await store.withdraw(
                id: try context.parameters.require("id"), reason: body.reason, jurisdiction: account.jurisdiction, by: account.id, at: node.now())
        }
        api.on(.get, "/api/v1/watchlist/{id}/sightings", access: .roles(Self.readers), summary: "Where an entry's subject was seen, by this node's sensors or a partner's") { request, context in
            let id = try context.parameters.require("id")
            let limit = try Pagination.limit(request.uri.queryParameters)
            let offset = try Pagination.offset(request.uri.queryParameters)
            guard let page = try await store.sightings(entryID: id, limit: limit, offset: offset) else { throw Problem.notFound("no watchlist entry \(id)") }
            return Page(items: page.items, total: page.total, limit: limit, offset: offset)
        }
    }
}

extension WatchlistStore.Entry: ResponseEncodable {}
