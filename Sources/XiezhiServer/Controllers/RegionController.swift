import Foundation
import Hummingbird
import NIOCore
import XiezhiCore

/// The region: jurisdictions, borders, sites, roads, waterways and the computed joint zones, as GeoJSON; and
/// locating a point.
struct RegionController: APIController {
    let node: Node

    struct Located: ResponseEncodable {
        struct Place: Encodable {
            var code: JurisdictionCode
            var name: String
            var agency: String
        }

        struct Zone: Encodable {
            var border: String
            var name: String
            var between: [JurisdictionCode]
            var side: JurisdictionCode
            var distanceM: Double
        }

        var longitude: Double
        var latitude: Double
        var jurisdiction: Place?
        var jointZones: [Zone]
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/region", access: .authenticated, summary: "The region as GeoJSON, with computed joint zones") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/geo+json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: node.rules.current.regionGeoJSON)))
        }
        api.on(.get, "/api/v1/region/locate", access: .authenticated, summary: "The jurisdiction and joint zones of a point") { request, _ in
            let query = request.uri.queryParameters
            guard let lon = query.get("lon").flatMap(Double.init), let lat = query.get("lat").flatMap(Double.init),
                  (-180...180).contains(lon), (-90...90).contains(lat)
            else {
                throw Problem.badRequest("invalid_point", "'lon' (−180…180) and 'lat' (−90…90) are required decimal degrees (WGS84)")
            }
            let region = node.rules.current.region
            let location = region.locate(GeoPoint(longitude: lon, latitude: lat))
            let place = location.jurisdiction.flatMap(region.jurisdiction).map { Located.Place(code: $0.code, name: $0.name, agency: $0.agency) }
            let zones = location.jointZones.map { membership in
                Located.Zone(
                    border: membership.border, name: region.border(membership.border)?.name ?? membership.border, between: membership.between,
                    side: membership.side, distanceM: (membership.distance * 10).rounded() / 10)
            }
            return Located(longitude: lon, latitude: lat, jurisdiction: place, jointZones: zones)
        }
    }
}
