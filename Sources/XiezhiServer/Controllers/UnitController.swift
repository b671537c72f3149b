import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Enforcement units (执法单元) and duty shifts (勤务): the commander registers units and plans shifts; an officer sets
/// the status of a unit they belong to and reports its position from the phone view.
struct UnitController: APIController {
    let node: Node
    var store: UnitStore { UnitStore(database: node.database, signingKey: node.key) }
    static let commanders: Set<Role> = [.commander, .agencyHead]

    struct UnitRequest: Decodable {
        var id: String
        var name: String
        var kind: UnitKind
        var status: UnitStatus?
        var members: [String]?
        var post: String?
        var position: GeoPoint?
        var terminalPhone: String?
    }

    struct StatusRequest: Decodable { var status: UnitStatus }
    struct PositionRequest: Decodable { var longitude: Double; var latitude: Double }
    struct ShiftRequest: Decodable { var unitId: String; var post: String; var startsAt: Date; var endsAt: Date }

    /// A unit with its Chinese labels and the accounts' usernames.
    struct UnitView: ResponseEncodable, Sendable {
        var unit: EnforcementUnit
        var kindName: String
        var statusName: String
        var memberNames: [String]

        init(_ unit: EnforcementUnit, names: [String: String]) {
            self.unit = unit
            kindName = unit.kind.chineseName
            statusName = unit.status.chineseName
            memberNames = unit.members.map { names[$0] ?? $0 }
        }
    }

    struct ShiftView: Encodable, Sendable {
        var shift: DutyShift
        var unitName: String
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/units", access: .authenticated, summary: "Every unit the node knows (own and partners'), with status and last position") { _, context in
            _ = try context.requireAccount()
            let names = try memberNames()
            return Listing(items: try store.all().map { UnitView($0, names: names) })
        }
        api.on(.post, "/api/v1/units", access: .roles(Self.commanders), summary: "Register or update one of the agency's units (team, patrol car, patrol boat, unmanned boat)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: UnitRequest.self, context: context)
            guard !body.id.isEmpty, !body.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem.badRequest("invalid_unit", "a unit needs an id and a name") }
            if let existing = try store.unit(id: body.id), existing.jurisdiction != account.jurisdiction {
                throw Problem.forbidden("wrong_jurisdiction", "unit \(body.id) belongs to \(existing.jurisdiction)")
            }
            if let position = body.position, !position.isValid { throw Problem.badRequest("invalid_position", "position must be [longitude, latitude] in degrees") }
            let members = body.members ?? []
            let accounts = try node.accounts.accounts(jurisdiction: nil)
            for member in members {
                guard let found = accounts.first(where: { $0.id == member || $0.username == member }), found.jurisdiction == account.jurisdiction else {
                    throw Problem.badRequest("invalid_member", "\(member) is not an account of agency \(account.jurisdiction)")
                }
            }
            let ids = members.map { member in accounts.first { $0.id == member || $0.username == member }!.id }
            let unit = EnforcementUnit(
                id: body.id, jurisdiction: account.jurisdiction, name: body.name, kind: body.kind, status: body.status ?? .onDuty, members: ids, post: body.post,
                position: body.position, positionAt: body.position == nil ? nil : node.now(), terminalPhone: body.terminalPhone)
            try store.save(unit, by: account.id, at: node.now())
            return EditedResponse(status: .created, response: UnitView(unit, names: try memberNames()))
        }
        api.on(.put, "/api/v1/units/{id}/status", access: .roles([.officer, .commander, .agencyHead]), summary: "Set a unit's status (on duty, busy, off): its members or the agency's commander") { request, context in
            let account = try context.requireAccount()
            let unit = try ownUnit(context, account: account)
            let body = try await request.decode(as: StatusRequest.self, context: context)
            let key = node.key
            try await node.database.writer.write { db in
                try UnitStore.setStatus(unit.id, to: body.status, by: account.id, at: node.now(), in: db, key: key)
            }
            return UnitView(try store.unit(id: unit.id) ?? unit, names: try memberNames())
        }
        api.on(.post, "/api/v1/units/{id}/position", access: .roles([.officer, .commander, .agencyHead]), summary: "Report a unit's position (the officer's phone view)") { request, context in
            let account = try context.requireAccount()
            let unit = try ownUnit(context, account: account)
            let body = try await request.decode(as: PositionRequest.self, context: context)
            let point = GeoPoint(longitude: body.longitude, latitude: body.latitude)
            guard point.isValid else { throw Problem.badRequest("invalid_position", "longitude and latitude must be degrees") }
            let moved = try store.move(unit.id, to: point, at: node.now()) ?? unit
            return UnitView(moved, names: try memberNames())
        }
        api.on(.get, "/api/v1/duty", access: .authenticated, summary: "Duty shifts (勤务) overlapping a day (day=yyyy-MM-dd, China time; default today)") { request, context in
            _ = try context.requireAccount()
            let day = try QueryDate.day(request.uri.queryParameters, "day", default: CalendarDate(chinaDateOf: node.now()))
            let units = Dictionary(uniqueKeysWithValues: try store.all().map { ($0.id, $0.name) })
            return Listing(items: try store.shifts(from: day.startInChina, to: day.adding(days: 1).startInChina).map { ShiftView(shift: $0, unitName: units[$0.unitID] ?? $0.unitID) })
        }
        api.on(.post, "/api/v1/duty", access: .roles(Self.commanders), summary: "Plan a duty shift for one of the agency's units") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: ShiftRequest.self, context: context)
            guard let unit = try store.unit(id: body.unitId), unit.jurisdiction == account.jurisdiction else {
                throw Problem.notFound("no unit \(body.unitId) in agency \(account.jurisdiction)")
            }
            let shift = DutyShift(unitID: unit.id, post: body.post, startsAt: body.startsAt, endsAt: body.endsAt)
            try store.addShift(shift, by: account.id, at: node.now())
            return EditedResponse(status: .created, response: Listing(items: [ShiftView(shift: shift, unitName: unit.name)]))
        }
    }

    /// The unit in the path, if the account may act for it: a member, or a commander of its agency.
    func ownUnit(_ context: XiezhiRequestContext, account: Account) throws -> EnforcementUnit {
        let id = try context.parameters.require("id")
        guard let unit = try store.unit(id: id), unit.jurisdiction == account.jurisdiction else {
            throw Problem.notFound("no unit \(id) in agency \(account.jurisdiction)")
        }
        guard unit.members.contains(account.id) || Self.commanders.contains(account.role) else {
            throw Problem.forbidden("not_unit_member", "only a member of unit \(id) or a commander can do this")
        }
        return unit
    }

    func memberNames() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try node.accounts.accounts(jurisdiction: nil).map { ($0.id, $0.displayName) })
    }
}

/// A plain list response.
struct Listing<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
}
