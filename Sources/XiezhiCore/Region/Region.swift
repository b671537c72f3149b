import Foundation

/// 区域 — the jurisdictions of neighbouring agencies, their cross-provincial borders, and the places and lines
/// enforcement works with (sites, roads, waterways).
///
/// Built from GeoJSON bytes and the joint-zone rule bytes (``init(geoJSON:jointZoneRule:)``), validated on load.
/// Joint zones (毗邻联合执法区域) are computed from the borders and the rule's width, never drawn.
public struct Region: Equatable, Sendable {
    /// Sorted by code.
    public let jurisdictions: [Jurisdiction]
    /// In file order.
    public let borders: [Border]
    public let sites: [Site]
    public let roads: [Road]
    public let waterways: [Waterway]
    /// The joint-zone width and its source.
    public let jointZoneRule: JointZoneRule

    /// The box around each jurisdiction, same order as ``jurisdictions`` (a fast pre-test for ``locate(_:)``).
    private let jurisdictionBounds: [GeoBoundingBox?]
    /// The box around each border grown by the zone width, same order as ``borders``.
    private let zoneBounds: [GeoBoundingBox?]

    /// Assembles a region from parts already checked by the GeoJSON decoder (see `Region+GeoJSON.swift`).
    init(jurisdictions: [Jurisdiction], borders: [Border], sites: [Site], roads: [Road], waterways: [Waterway],
         jointZoneRule: JointZoneRule) {
        self.jurisdictions = jurisdictions.sorted { $0.code < $1.code }
        self.borders = borders
        self.sites = sites
        self.roads = roads
        self.waterways = waterways
        self.jointZoneRule = jointZoneRule
        self.jurisdictionBounds = self.jurisdictions.map(\.area.bounds)
        self.zoneBounds = borders.map { $0.line.bounds?.expanded(byMeters: jointZoneRule.width) }
    }

    /// The jurisdiction with `code`, if it is part of the region.
    public func jurisdiction(_ code: JurisdictionCode) -> Jurisdiction? {
        jurisdictions.first { $0.code == code }
    }

    /// The site with `id`.
    public func site(_ id: String) -> Site? {
        sites.first { $0.id == id }
    }

    /// The border with `id`.
    public func border(_ id: String) -> Border? {
        borders.first { $0.id == id }
    }

    /// The road with `id`.
    public func road(_ id: String) -> Road? {
        roads.first { $0.id == id }
    }

    /// The waterway with `id`.
    public func waterway(_ id: String) -> Waterway? {
        waterways.first { $0.id == id }
    }

    /// The jurisdictions sharing a border segment with `code`, sorted.
    ///
    /// Only the cross-provincial ``borders`` count: two districts of the same province that touch are not
    /// neighbours in this sense (no joint zone is defined between them).
    public func neighbours(of code: JurisdictionCode) -> [JurisdictionCode] {
        Set(borders.compactMap { $0.other(than: code) }).sorted()
    }

    /// The jurisdiction containing `point` and every joint zone it is in.
    ///
    /// A point is in a border's joint zone when it is within ``JointZoneRule/width`` of the border line and in one
    /// of the border's two jurisdictions (the zone "on that side"). Near a border's end, ground of a third
    /// jurisdiction within the width is not in that border's zone: the arrangement is between the two sides.
    /// Outside the region the jurisdiction is `nil` and there are no zones.
    public func locate(_ point: GeoPoint) -> Location {
        var found: JurisdictionCode?
        for (index, jurisdiction) in jurisdictions.enumerated() {
            guard jurisdictionBounds[index]?.contains(point) == true else { continue }
            if jurisdiction.contains(point) {
                found = jurisdiction.code
                break
            }
        }
        guard let code = found else { return Location(point: point, jurisdiction: nil, jointZones: []) }
        var zones: [JointZoneMembership] = []
        for (index, border) in borders.enumerated() where border.between.contains(code) {
            guard zoneBounds[index]?.contains(point) == true else { continue }
            let distance = border.line.distance(from: point)
            if distance <= jointZoneRule.width {
                zones.append(JointZoneMembership(border: border.id, between: border.between, side: code,
                                                 distance: distance))
            }
        }
        zones.sort { ($0.distance, $0.border) < ($1.distance, $1.border) }
        return Location(point: point, jurisdiction: code, jointZones: zones)
    }

    /// The outline of `border`'s joint zone: the area within the rule's width of its line, both sides, round
    /// ends, edges within 0.2 % of the width of the true outline (for drawing; ``locate(_:)`` decides membership
    /// exactly, and also requires the point to be in one of the two jurisdictions).
    public func jointZoneOutline(of border: Border) -> GeoMultiPolygon {
        border.line.buffer(width: jointZoneRule.width)
    }
}
