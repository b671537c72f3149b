import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Dangerous-goods electronic waybills (电子运单) and approved passenger routes (班线): the records the
/// vehicle-monitoring rules check moving vehicles against.
struct WaybillController: APIController {
    let node: Node
    var store: WaybillStore { WaybillStore(database: node.database, signingKey: node.key) }

    /// Who files waybills: the agency's staff, or the administrator's integration with the waybill system.
    static let filers: Set<Role> = [.admin, .officer, .caseHandler]

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/waybills", access: .roles(Self.filers), summary: "File a dangerous-goods electronic waybill (电子运单)") { request, context in
            let account = try context.requireAccount()
            let waybill = try await request.decode(as: ElectronicWaybill.self, context: context)
            try store.file(waybill, by: account.id, at: node.now())
            return EditedResponse(status: .created, response: waybill)
        }
        api.on(.get, "/api/v1/waybills", access: .roles(.caseReaders), summary: "Waybills: a vehicle's still valid (plate, plate_color) or the latest filed") { request, _ in
            let query = request.uri.queryParameters
            if let plate = query.get("plate") {
                let vehicle = try VehicleKey(plate: plate, color: try PlateColor(query.get("plate_color") ?? "yellow"))
                let items = try store.waybills(vehicle: vehicle, endingAfter: node.now())
                return Page(items: items, total: items.count, limit: items.count, offset: 0)
            }
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try store.recent(limit: limit, offset: offset)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
        api.on(.put, "/api/v1/routes/{id}", access: .roles([.admin]), summary: "File or replace an approved passenger route (班线): vehicles, line, corridor") { request, context in
            let account = try context.requireAccount()
            let route = try await request.decode(as: ApprovedRoute.self, context: context)
            guard route.id == (try context.parameters.require("id")) else { throw Problem.badRequest("id_mismatch", "the body's id differs from the path's") }
            try store.file(route, jurisdiction: account.jurisdiction, by: account.id, at: node.now())
            return route
        }
        api.on(.get, "/api/v1/routes", access: .roles(.caseReaders), summary: "Approved passenger routes") { _, _ in
            let items = try store.routes()
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
    }
}

extension ElectronicWaybill: ResponseEncodable {}
extension ApprovedRoute: ResponseEncodable {}
