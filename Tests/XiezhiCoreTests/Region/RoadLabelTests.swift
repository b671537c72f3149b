import Testing
import XiezhiCore

@Suite struct RoadLabelTests {
    @Test func theRouteNumberIsNamedOnce() {
        let line = GeoPolyline(points: [GeoPoint(longitude: 121, latitude: 30), GeoPoint(longitude: 121.1, latitude: 30)])
        #expect(Road(id: "G60", name: "沪昆高速", ref: "G60", line: line).label == "G60沪昆高速")
        #expect(Road(id: "G228", name: "228国道（丹东—东兴）", ref: "G228", line: line).label == "G228国道（丹东—东兴）")
        #expect(Road(id: "x", name: "乡道", ref: "", line: line).label == "乡道")
    }
}
