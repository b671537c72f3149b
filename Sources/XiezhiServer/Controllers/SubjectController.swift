import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The subject register: vehicles, carriers, drivers, vessels and owners. Identifiers are validated and
/// normalised by the domain (`浙F·12345` and `浙f12345` are one plate); a bad identifier is a 400 naming it.
struct SubjectController: APIController {
    let node: Node
    var store: SubjectStore { SubjectStore(database: node.database, signingKey: node.key) }

    static let writers: Set<Role> = [.officer, .caseHandler, .agencyHead]

    struct NewVehicle: Decodable {
        var plate: String
        var plateColor: String
        var kind: VehicleKind?
        var owner: Owner?
        var carrierCreditCode: String?
    }

    struct NewCarrier: Decodable {
        var name: String
        var creditCode: String
        var roadTransportPermitNumber: String?
    }

    struct NewDriver: Decodable {
        var name: String
        var idNumber: String
        var qualificationCertificateNumber: String?
    }

    struct NewVessel: Decodable {
        var name: String
        var mmsi: String?
        var registration: VesselRegistration?
        /// 依法应配备AIS (absent: no).
        var mustCarryAis: Bool?
        /// `general`, `muck` or `dangerous_goods` (absent: what the name implies).
        var cargoClass: CargoClass?
    }

    struct SubjectView: ResponseEncodable, Sendable {
        var key: String
        var kind: String
        var label: String
        var record: JSONValue
        var jurisdiction: JurisdictionCode
        var registeredBy: String
        var registeredAt: Date
        /// 一超四罚 for a vehicle, a driver (person) or a carrier (organisation), on the single-subject view.
        var repeatOffence: RepeatOffenceView?

        init(_ entry: SubjectStore.Entry) {
            key = entry.key
            kind = entry.kind
            label = entry.label
            record = JSONValue.parse(entry.data)
            jurisdiction = entry.jurisdiction
            registeredBy = entry.registeredBy
            registeredAt = entry.registeredAt
        }
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/subjects", access: .roles(.caseReaders), summary: "Search subjects by kind and label") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let kind = query.get("kind")
            if let kind, !["vehicle", "vessel", "organisation", "person"].contains(kind) {
                throw Problem.badRequest("invalid_query", "'kind' is one of vehicle, vessel, organisation, person")
            }
            let (items, total) = try store.search(kind: kind, text: query.get("q"), limit: limit, offset: offset)
            return Page(items: items.map(SubjectView.init), total: total, limit: limit, offset: offset)
        }
        api.on(.get, "/api/v1/subjects/{key}", access: .roles(.caseReaders), summary: "One subject by its key, e.g. vehicle:浙F12345:yellow") { _, context in
            let text = try context.parameters.require("key")
            let key = try SubjectKey(text.removingPercentEncoding ?? text)
            guard let entry = try store.entry(key: key.stringValue) else { throw Problem.notFound("subject \(key) is not registered") }
            var view = SubjectView(entry)
            let subject = key.stringValue
            switch key {
            case .vehicle:
                view.repeatOffence = try CaseService.repeatOffence(
                    vehicle: subject, driver: nil, carrier: try store.carrier(ofVehicle: subject), jurisdiction: entry.jurisdiction, node: node, now: node.now())
            case .person:
                view.repeatOffence = try CaseService.repeatOffence(vehicle: nil, driver: subject, carrier: nil, jurisdiction: entry.jurisdiction, node: node, now: node.now())
            case .organisation:
                view.repeatOffence = try CaseService.repeatOffence(vehicle: nil, driver: nil, carrier: subject, jurisdiction: entry.jurisdiction, node: node, now: node.now())
            default:
                break
            }
            return view
        }
        api.on(.post, "/api/v1/subjects/vehicles", access: .roles(Self.writers), summary: "Register a vehicle") { request, context in
            let body = try await request.decode(as: NewVehicle.self, context: context)
            let key = try VehicleKey(plate: body.plate, color: try PlateColor(body.plateColor))
            let vehicle = Vehicle(key: key, kind: body.kind, owner: body.owner, carrier: try body.carrierCreditCode.map { try UnifiedSocialCreditCode($0) })
            return try save(vehicle.subjectKey, label: key.chineseLabel, record: vehicle, context: context)
        }
        api.on(.post, "/api/v1/subjects/carriers", access: .roles(Self.writers), summary: "Register a carrier (transport company)") { request, context in
            let body = try await request.decode(as: NewCarrier.self, context: context)
            let carrier = try Carrier(name: body.name, creditCode: try UnifiedSocialCreditCode(body.creditCode), roadTransportPermitNumber: body.roadTransportPermitNumber)
            return try save(carrier.subjectKey, label: "\(carrier.name)（\(carrier.creditCode.value)）", record: carrier, context: context)
        }
        api.on(.post, "/api/v1/subjects/drivers", access: .roles(Self.writers), summary: "Register a driver") { request, context in
            let body = try await request.decode(as: NewDriver.self, context: context)
            let driver = try Driver(name: body.name, idNumber: try ResidentIDNumber(body.idNumber), qualificationCertificateNumber: body.qualificationCertificateNumber)
            return try save(driver.subjectKey, label: "\(driver.name)（\(driver.idNumber.masked)）", record: driver, context: context)
        }
        api.on(.post, "/api/v1/subjects/vessels", access: .roles(Self.writers), summary: "Register a vessel") { request, context in
            let body = try await request.decode(as: NewVessel.self, context: context)
            let vessel = Vessel(name: try VesselName(body.name), mmsi: try body.mmsi.map { try MMSI($0) }, registration: body.registration)
            let label = vessel.name.value + (vessel.mmsi.map { "（MMSI \($0.value)）" } ?? "")
            let record = RegisteredVessel(vessel: vessel, mustCarryAIS: body.mustCarryAis, cargoClass: body.cargoClass)
            return try save(vessel.subjectKey, label: label, record: record, context: context)
        }
        api.on(.post, "/api/v1/subjects/owners", access: .roles(Self.writers), summary: "Register an owner (person or organisation)") { request, context in
            let owner = try await request.decode(as: Owner.self, context: context)
            let label: String
            switch owner {
            case .person(let name, let idNumber): label = "\(name)（\(idNumber.masked)）"
            case .organisation(let name, let creditCode): label = "\(name)（\(creditCode.value)）"
            }
            return try save(owner.subjectKey, label: label, record: owner, context: context)
        }
    }

    private func save<Record: Encodable>(_ key: SubjectKey, label: String, record: Record, context: XiezhiRequestContext) throws -> EditedResponse<SubjectView> {
        let account = try context.requireAccount()
        let entry = SubjectStore.Entry(
            key: key.stringValue, kind: key.kind, label: label, data: try CanonicalJSON.string(record), jurisdiction: account.jurisdiction,
            registeredBy: account.id, registeredAt: node.now())
        try store.register(entry)
        return EditedResponse(status: .created, response: SubjectView(entry))
    }
}
