import Foundation

extension Region {
    /// Decodes and validates a region from GeoJSON bytes and the joint-zone rule bytes.
    ///
    /// The GeoJSON is a FeatureCollection (WGS84 longitude/latitude) whose features carry `properties.kind`:
    /// `jurisdiction` (Polygon/MultiPolygon; `code`, `name`, `province`, `agency`), `border` (LineString; `id`,
    /// `name`, `between` = two codes), `site` (Point; `id`, `name`, `site_type`, `jurisdiction`, optional `road`,
    /// `stake`, `waterway`, `illustrative`), `road` and `waterway` (LineString; `id`, `name`, `ref`). Features of
    /// kind `joint_zone` (as written by ``geoJSON(includeJointZones:)``) are skipped: zones are always recomputed.
    ///
    /// Throws ``DomainError`` with code:
    /// - `malformed_region`: not JSON, not a FeatureCollection, or a geometry GeoJSON does not allow;
    /// - `invalid_joint_zone_rule`: the rule bytes are unusable;
    /// - `unknown_feature_kind`, `missing_property`, `invalid_geometry` (wrong geometry type for the kind, a
    ///   position out of range, an open or too short ring, a line with fewer than two positions),
    ///   `invalid_jurisdiction` (not a six-digit code), `unknown_site_type`;
    /// - `duplicate_id`: two jurisdictions with one code, or two borders, sites, roads or waterways with one id;
    /// - `invalid_border`: `between` is not two different codes; `unknown_jurisdiction`: a border or site names
    ///   a jurisdiction the region lacks; `border_not_shared`: a border edge is not an edge of both outlines;
    /// - `site_outside_jurisdiction`: a site is not inside its declared jurisdiction; `unknown_reference`: a site
    ///   names a road or waterway the region lacks.
    public init(geoJSON: Data, jointZoneRule: Data) throws {
        let rule = try JointZoneRule(data: jointZoneRule)
        let collection: GeoJSONFeatureCollection
        do {
            collection = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: geoJSON)
        } catch let error as DecodingError {
            throw DomainError(code: "malformed_region", reason: "The region is not a valid GeoJSON FeatureCollection: \(Self.explain(error))")
        } catch {
            throw DomainError(code: "malformed_region", reason: "The region could not be read as JSON: \(error)")
        }

        var jurisdictions: [Jurisdiction] = []
        var borders: [Border] = []
        var sites: [Site] = []
        var roads: [Road] = []
        var waterways: [Waterway] = []
        for (index, feature) in collection.features.enumerated() {
            let reader = FeatureReader(feature: feature, index: index)
            switch try reader.kind() {
            case "jurisdiction": jurisdictions.append(try reader.jurisdiction())
            case "border": borders.append(try reader.border())
            case "site": sites.append(try reader.site())
            case "road":
                let (id, name, ref, line) = try reader.route()
                roads.append(Road(id: id, name: name, ref: ref, line: line))
            case "waterway":
                let (id, name, ref, line) = try reader.route()
                waterways.append(Waterway(id: id, name: name, ref: ref, line: line))
            case "joint_zone": continue
            case let other:
                let known = "jurisdiction, border, site, road, waterway or joint_zone"
                throw DomainError(code: "unknown_feature_kind",
                                  reason: "Feature \(index) has kind '\(other)'; expected \(known)")
            }
        }

        try Self.requireUnique(jurisdictions.map(\.code.rawValue), what: "jurisdiction code")
        try Self.requireUnique(borders.map(\.id), what: "border id")
        try Self.requireUnique(sites.map(\.id), what: "site id")
        try Self.requireUnique(roads.map(\.id), what: "road id")
        try Self.requireUnique(waterways.map(\.id), what: "waterway id")

        let byCode = Dictionary(uniqueKeysWithValues: jurisdictions.map { ($0.code, $0) })
        let edges = byCode.mapValues(Self.edges)
        for border in borders {
            for code in border.between where byCode[code] == nil {
                throw DomainError(code: "unknown_jurisdiction",
                                  reason: "Border '\(border.id)' names jurisdiction \(code), which the region does not have")
            }
            for (a, b) in zip(border.line.points, border.line.points.dropFirst()) {
                let edge = Edge(a, b)
                for code in border.between where !edges[code]!.contains(edge) {
                    throw DomainError(code: "border_not_shared",
                                      reason: "Border '\(border.id)': the edge \(a)–\(b) is not an edge of \(code)'s outline; a border must follow both outlines vertex for vertex")
                }
            }
        }
        let roadIDs = Set(roads.map(\.id)), waterwayIDs = Set(waterways.map(\.id))
        for site in sites {
            guard let jurisdiction = byCode[site.jurisdiction] else {
                throw DomainError(code: "unknown_jurisdiction",
                                  reason: "Site '\(site.id)' names jurisdiction \(site.jurisdiction), which the region does not have")
            }
            guard jurisdiction.contains(site.location) else {
                throw DomainError(code: "site_outside_jurisdiction",
                                  reason: "Site '\(site.id)' at \(site.location) is not inside \(jurisdiction.name) (\(jurisdiction.code))")
            }
            if let road = site.road, !roadIDs.contains(road) {
                throw DomainError(code: "unknown_reference", reason: "Site '\(site.id)' names road '\(road)', which the region does not have")
            }
            if let waterway = site.waterway, !waterwayIDs.contains(waterway) {
                throw DomainError(code: "unknown_reference",
                                  reason: "Site '\(site.id)' names waterway '\(waterway)', which the region does not have")
            }
        }
        self.init(jurisdictions: jurisdictions, borders: borders, sites: sites, roads: roads, waterways: waterways,
                  jointZoneRule: rule)
    }

    private static func requireUnique(_ ids: [String], what: String) throws {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw DomainError(code: "duplicate_id", reason: "The \(what) '\(id)' appears more than once")
        }
    }

    /// An undirected edge between two exact positions.
    private struct Edge: Hashable {
        let a: GeoPoint
        let b: GeoPoint
        init(_ p: GeoPoint, _ q: GeoPoint) {
            if (p.longitude, p.latitude) <= (q.longitude, q.latitude) { (a, b) = (p, q) } else { (a, b) = (q, p) }
        }
    }

    private static func edges(of jurisdiction: Jurisdiction) -> Set<Edge> {
        var edges = Set<Edge>()
        for polygon in jurisdiction.area.polygons {
            for ring in polygon.rings {
                for (a, b) in zip(ring, ring.dropFirst()) { edges.insert(Edge(a, b)) }
            }
        }
        return edges
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Reads one feature's properties and geometry for ``Region/init(geoJSON:jointZoneRule:)``, with errors that
/// name the feature.
private struct FeatureReader {
    let feature: GeoJSONFeature
    let index: Int

    var label: String {
        let kind = feature[string: "kind"] ?? "feature"
        let id = feature[string: "id"] ?? feature[string: "code"]
        return id.map { "feature \(index) (\(kind) '\($0)')" } ?? "feature \(index) (\(kind))"
    }

    func kind() throws -> String {
        guard let kind = feature[string: "kind"] else {
            throw DomainError(code: "missing_property", reason: "Feature \(index) has no string property 'kind'")
        }
        return kind
    }

    func string(_ name: String) throws -> String {
        guard let value = feature[string: name], !value.isEmpty else {
            throw DomainError(code: "missing_property", reason: "\(label) has no non-empty string property '\(name)'")
        }
        return value
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = feature.properties?[name], value != .null else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw DomainError(code: "missing_property", reason: "\(label): property '\(name)' must be a non-empty string")
        }
        return text
    }

    func code(_ name: String) throws -> JurisdictionCode {
        try JurisdictionCode.parse(try string(name))
    }

    func jurisdiction() throws -> Jurisdiction {
        let area: GeoMultiPolygon
        switch feature.geometry {
        case .polygon(let polygon): area = GeoMultiPolygon(polygons: [polygon])
        case .multiPolygon(let polygons): area = polygons
        default: throw wrongGeometry("Polygon or MultiPolygon")
        }
        for polygon in area.polygons {
            guard !polygon.rings.isEmpty else { throw invalid("a polygon has no rings") }
            for ring in polygon.rings {
                guard ring.count >= 4 else { throw invalid("a ring has \(ring.count) positions; at least 4 are needed") }
                guard ring.first == ring.last else { throw invalid("a ring is not closed (its last position must repeat the first)") }
            }
        }
        try checkPositions()
        return Jurisdiction(code: try code("code"), name: try string("name"), province: try string("province"),
                            agency: try string("agency"), area: area)
    }

    func border() throws -> Border {
        let line = try lineString()
        let id = try string("id")
        guard let values = feature.properties?["between"]?.arrayValue else {
            throw DomainError(code: "missing_property", reason: "\(label) has no array property 'between'")
        }
        let codes = try values.map { value in
            guard let text = value.stringValue else {
                throw DomainError(code: "invalid_border", reason: "\(label): 'between' must hold two code strings")
            }
            return try JurisdictionCode.parse(text)
        }
        guard codes.count == 2, codes[0] != codes[1] else {
            throw DomainError(code: "invalid_border", reason: "\(label): 'between' must name exactly two different jurisdictions")
        }
        return Border(id: id, name: try string("name"), between: codes, line: line)
    }

    func site() throws -> Site {
        guard case .point(let point) = feature.geometry else { throw wrongGeometry("Point") }
        try checkPositions()
        let typeName = try string("site_type")
        guard let type = SiteType(rawValue: typeName) else {
            let known = SiteType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError(code: "unknown_site_type",
                              reason: "\(label) has site_type '\(typeName)'; expected one of \(known)")
        }
        let illustrative = feature.properties?["illustrative"]?.boolValue ?? false
        return Site(id: try string("id"), name: try string("name"), type: type, jurisdiction: try code("jurisdiction"),
                    location: point, road: try optionalString("road"), stake: try optionalString("stake"),
                    waterway: try optionalString("waterway"), isIllustrative: illustrative)
    }

    func route() throws -> (id: String, name: String, ref: String, line: GeoPolyline) {
        (try string("id"), try string("name"), try string("ref"), try lineString())
    }

    private func lineString() throws -> GeoPolyline {
        guard case .lineString(let line) = feature.geometry else { throw wrongGeometry("LineString") }
        guard line.points.count >= 2 else { throw invalid("a line needs at least two positions") }
        try checkPositions()
        return line
    }

    private func checkPositions() throws {
        for position in feature.geometry?.positions ?? [] where !position.isValid {
            throw invalid("position \(position) is outside longitude −180…180 / latitude −90…90")
        }
    }

    private func wrongGeometry(_ expected: String) -> DomainError {
        let found = feature.geometry?.typeName ?? "null"
        return DomainError(code: "invalid_geometry", reason: "\(label) must have a \(expected) geometry, not \(found)")
    }

    private func invalid(_ why: String) -> DomainError {
        DomainError(code: "invalid_geometry", reason: "\(label): \(why)")
    }
}
