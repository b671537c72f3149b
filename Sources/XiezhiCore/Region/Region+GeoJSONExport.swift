import Foundation

extension Region {
    /// The region as a GeoJSON FeatureCollection, in the same shape ``init(geoJSON:jointZoneRule:)`` reads.
    ///
    /// With `includeJointZones`, one computed `joint_zone` feature per border is added (Polygon or MultiPolygon:
    /// the area within the rule's width of the border line, both sides, round ends, within 0.2 % of the width;
    /// properties `id`, `name`, `border`, `between`, `width_m`), so a console can draw the zones.
    public func featureCollection(includeJointZones: Bool) -> GeoJSONFeatureCollection {
        var features: [GeoJSONFeature] = []
        for jurisdiction in jurisdictions {
            features.append(GeoJSONFeature(geometry: Self.geometry(jurisdiction.area), properties: [
                "kind": "jurisdiction", "code": .string(jurisdiction.code.rawValue), "name": .string(jurisdiction.name),
                "province": .string(jurisdiction.province), "agency": .string(jurisdiction.agency),
            ]))
        }
        for border in borders {
            features.append(GeoJSONFeature(geometry: .lineString(border.line), properties: [
                "kind": "border", "id": .string(border.id), "name": .string(border.name),
                "between": .array(border.between.map { .string($0.rawValue) }),
            ]))
        }
        for site in sites {
            var properties: [String: GeoJSONValue] = [
                "kind": "site", "id": .string(site.id), "name": .string(site.name),
                "site_type": .string(site.type.rawValue), "jurisdiction": .string(site.jurisdiction.rawValue),
            ]
            if let road = site.road { properties["road"] = .string(road) }
            if let stake = site.stake { properties["stake"] = .string(stake) }
            if let waterway = site.waterway { properties["waterway"] = .string(waterway) }
            if site.isIllustrative { properties["illustrative"] = .bool(true) }
            features.append(GeoJSONFeature(geometry: .point(site.location), properties: properties))
        }
        for road in roads {
            features.append(GeoJSONFeature(geometry: .lineString(road.line), properties: [
                "kind": "road", "id": .string(road.id), "name": .string(road.name), "ref": .string(road.ref),
            ]))
        }
        for waterway in waterways {
            features.append(GeoJSONFeature(geometry: .lineString(waterway.line), properties: [
                "kind": "waterway", "id": .string(waterway.id), "name": .string(waterway.name),
                "ref": .string(waterway.ref),
            ]))
        }
        if includeJointZones {
            for border in borders {
                features.append(GeoJSONFeature(geometry: Self.geometry(jointZoneOutline(of: border)), properties: [
                    "kind": "joint_zone", "id": .string("joint-zone-\(border.id)"),
                    "name": .string("\(border.name)毗邻联合执法区域"), "border": .string(border.id),
                    "between": .array(border.between.map { .string($0.rawValue) }),
                    "width_m": .number(jointZoneRule.width),
                ]))
            }
        }
        return GeoJSONFeatureCollection(features: features)
    }

    /// ``featureCollection(includeJointZones:)`` encoded as JSON (UTF-8, keys sorted so equal regions give equal bytes).
    public func geoJSON(includeJointZones: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values, strings and finite numbers cannot fail.
        return try! encoder.encode(featureCollection(includeJointZones: includeJointZones))
    }

    private static func geometry(_ area: GeoMultiPolygon) -> GeoJSONGeometry {
        area.polygons.count == 1 ? .polygon(area.polygons[0]) : .multiPolygon(area)
    }
}
