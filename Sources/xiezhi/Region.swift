import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiData

/// `xiezhi region locate --lon LON --lat LAT`: which jurisdiction and joint zones a point is in.
struct Region: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The region and its joint zones.", subcommands: [Locate.self])

    struct Locate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Locate a WGS84 point in the bundled demo region.")
        @Option var lon: Double
        @Option var lat: Double

        func run() throws {
            let region = try XiezhiCore.Region(
                geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
            let location = region.locate(GeoPoint(longitude: lon, latitude: lat))
            let place = location.jurisdiction.flatMap(region.jurisdiction).map { "\($0.name) \($0.code)" } ?? "outside the region"
            print(place)
            for zone in location.jointZones {
                print("  joint zone \(zone.border): \(String(format: "%.0f", zone.distance)) m from the border, on the \(zone.side) side")
            }
        }
    }
}
