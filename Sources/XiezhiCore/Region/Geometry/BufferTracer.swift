/// Traces the outline of the area within `width` of a plane polyline by marching squares.
///
/// The grid covers the line's box grown by `width` plus two cells, so every outline is closed inside it. Rings
/// come out as plane points, grouped as polygons: an exterior (counter-clockwise) followed by its holes
/// (clockwise). Only ``GeoPolyline/buffer(width:tolerance:)`` uses it.
struct BufferTracer {
    let line: [PlanePoint]
    let width: Double

    func rings() -> [[[PlanePoint]]] {
        guard let first = line.first else { return [] }
        let cell = width / 20
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for point in line {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        let margin = width + 2 * cell
        let originX = minX - margin, originY = minY - margin
        let columns = Int(((maxX - minX + 2 * margin) / cell).rounded(.up)) + 1
        let rows = Int(((maxY - minY + 2 * margin) / cell).rounded(.up)) + 1

        // f = distance − width at each node (negative inside).
        var values = [Double](repeating: 0, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let node = PlanePoint(x: originX + Double(column) * cell, y: originY + Double(row) * cell)
                values[row * columns + column] = distance(from: node) - width
            }
        }
        func value(_ column: Int, _ row: Int) -> Double { values[row * columns + column] }
        func position(_ column: Int, _ row: Int) -> PlanePoint {
            PlanePoint(x: originX + Double(column) * cell, y: originY + Double(row) * cell)
        }

        // Edge keys: horizontal edge (column, row)→(column+1, row) is 2k, vertical (column, row)→(column, row+1) 2k+1.
        func horizontal(_ column: Int, _ row: Int) -> Int { 2 * (row * columns + column) }
        func vertical(_ column: Int, _ row: Int) -> Int { 2 * (row * columns + column) + 1 }
        func crossing(_ key: Int) -> PlanePoint {
            let node = key / 2
            let column = node % columns, row = node / columns
            let (c2, r2) = key % 2 == 0 ? (column + 1, row) : (column, row + 1)
            let f0 = value(column, row), f1 = value(c2, r2)
            let t = f0 / (f0 - f1)
            let a = position(column, row), b = position(c2, r2)
            return a + (b - a) * t
        }

        var neighbours: [Int: [Int]] = [:]
        func link(_ a: Int, _ b: Int) {
            neighbours[a, default: []].append(b)
            neighbours[b, default: []].append(a)
        }
        for row in 0..<(rows - 1) {
            for column in 0..<(columns - 1) {
                let corners = [value(column, row), value(column + 1, row), value(column + 1, row + 1), value(column, row + 1)]
                var index = 0
                for (bit, f) in corners.enumerated() where f < 0 { index |= 1 << bit }
                let bottom = horizontal(column, row), top = horizontal(column, row + 1)
                let left = vertical(column, row), right = vertical(column + 1, row)
                let centreInside = corners.reduce(0, +) / 4 < 0
                switch index {
                case 1, 14: link(left, bottom)
                case 2, 13: link(bottom, right)
                case 3, 12: link(left, right)
                case 4, 11: link(right, top)
                case 6, 9: link(bottom, top)
                case 7, 8: link(left, top)
                case 5:
                    if centreInside { link(bottom, right); link(top, left) } else { link(left, bottom); link(right, top) }
                case 10:
                    if centreInside { link(left, bottom); link(right, top) } else { link(bottom, right); link(top, left) }
                default: break
                }
            }
        }

        // Chain the segments into closed rings. Every crossed grid edge is shared by exactly two cells, so each
        // key has two neighbours; a key that does not (impossible with the margin above) ends its chain unused.
        var visited = Set<Int>()
        var rings: [[PlanePoint]] = []
        for start in neighbours.keys.sorted() where !visited.contains(start) {
            var ring: [Int] = [start]
            visited.insert(start)
            var previous = start
            var current = neighbours[start]?.first ?? start
            var closed = true
            while current != start {
                guard let next = neighbours[current], next.count == 2, !visited.contains(current) else {
                    closed = false
                    break
                }
                ring.append(current)
                visited.insert(current)
                let candidate = next[0] == previous ? next[1] : next[0]
                previous = current
                current = candidate
            }
            guard closed, ring.count >= 3 else { continue }
            var points = ring.map(crossing)
            points.append(points[0])
            rings.append(points)
        }
        return Self.group(rings)
    }

    /// The plane distance from `point` to the line.
    private func distance(from point: PlanePoint) -> Double {
        guard line.count > 1 else { return (line[0] - point).length }
        var best = Double.infinity
        for index in 0..<(line.count - 1) {
            best = min(best, GeoPolyline.closest(toOrigin: line[index] - point, line[index + 1] - point).distance)
        }
        return best
    }

    /// Orders rings by nesting depth: even depth is an exterior (made counter-clockwise), odd a hole (clockwise)
    /// of the innermost exterior around it.
    static func group(_ rings: [[PlanePoint]]) -> [[[PlanePoint]]] {
        func contains(_ ring: [PlanePoint], _ point: PlanePoint) -> Bool {
            var inside = false
            var previous = ring[ring.count - 1]
            for current in ring {
                if (current.y > point.y) != (previous.y > point.y),
                   point.x < previous.x + (current.x - previous.x) * (point.y - previous.y) / (current.y - previous.y) {
                    inside.toggle()
                }
                previous = current
            }
            return inside
        }
        func area(_ ring: [PlanePoint]) -> Double {
            zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.cross($1.1) } / 2
        }
        let depth = rings.indices.map { index in
            rings.indices.filter { $0 != index && contains(rings[$0], rings[index][0]) }.count
        }
        var polygons: [[[PlanePoint]]] = []
        var exteriorIndex: [Int: Int] = [:]
        for index in rings.indices where depth[index] % 2 == 0 {
            exteriorIndex[index] = polygons.count
            polygons.append([area(rings[index]) < 0 ? rings[index].reversed() : rings[index]])
        }
        for index in rings.indices where depth[index] % 2 == 1 {
            guard let parent = rings.indices.first(where: {
                depth[$0] == depth[index] - 1 && contains(rings[$0], rings[index][0])
            }), let polygon = exteriorIndex[parent] else { continue }
            polygons[polygon].append(area(rings[index]) > 0 ? rings[index].reversed() : rings[index])
        }
        return polygons
    }
}
