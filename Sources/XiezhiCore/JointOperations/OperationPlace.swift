import Foundation

/// Where a joint operation takes place: a name, and a point (with a radius, making it an area), a site of the
/// region (a checkpoint, a joint enforcement station), or a border whose joint zone (毗邻联合执法区域) is the area.
public struct OperationPlace: Codable, Hashable, Sendable {
    /// What the agencies call the place, e.g. G320 沪浙界（新仓—金山卫）.
    public var name: String
    public var point: GeoPoint?
    /// With ``point``: the area's radius in metres.
    public var radiusM: Double?
    /// A ``Site/id`` of the region.
    public var site: String?
    /// A ``Border/id`` of the region: the operation covers that border's joint zone.
    public var border: String?

    public init(name: String, point: GeoPoint? = nil, radiusM: Double? = nil, site: String? = nil, border: String? = nil) {
        self.name = name
        self.point = point
        self.radiusM = radiusM
        self.site = site
        self.border = border
    }

    /// Checks the place against the region: a point inside it, a known site or border, a positive radius only with a
    /// point.
    public func validate(in region: Region) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(code: "missing_place", reason: "name the place of the operation ('place.name')")
        }
        if let point {
            guard point.isValid, region.locate(point).jurisdiction != nil else {
                throw DomainError(code: "invalid_place", reason: "the point \(point) is not inside the region")
            }
        }
        if let radiusM {
            guard point != nil, radiusM > 0, radiusM.isFinite else {
                throw DomainError(code: "invalid_place", reason: "'radius_m' is a positive number of metres around 'point'")
            }
        }
        if let site, region.site(site) == nil {
            throw DomainError(code: "invalid_place", reason: "no site '\(site)' in the region")
        }
        if let border, region.border(border) == nil {
            throw DomainError(code: "invalid_place", reason: "no border '\(border)' in the region")
        }
    }
}
