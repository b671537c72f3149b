import Foundation
import Testing
@testable import XiezhiCore

@Suite("PlateColor and VehicleKey — 车牌颜色, 车辆标识")
struct PlateColorTests {
    @Test("JT/T 808 codes and Chinese names", arguments: [
        (PlateColor.blue, 1, "蓝色"), (.yellow, 2, "黄色"), (.black, 3, "黑色"), (.white, 4, "白色"),
        (.green, 5, "绿色"), (.other, 9, "其他"),
    ])
    func codes(color: PlateColor, code: Int, name: String) throws {
        #expect(color.jt808Code == code)
        #expect(color.chineseName == name)
        #expect(PlateColor(jt808Code: code) == color)
        #expect(try PlateColor(String(code)) == color)
        #expect(try PlateColor(name) == color)
        #expect(try PlateColor(color.rawValue) == color)
    }

    @Test("0 (unplated) and unknown codes are not colours", arguments: [0, 6, 93, 94, -1])
    func unknownCodes(code: Int) {
        #expect(PlateColor(jt808Code: code) == nil)
        let error = #expect(throws: DomainError.self) { try PlateColor(String(code)) }
        #expect(error?.code == "invalid_plate_color")
    }

    @Test("code 0 says it means unplated")
    func unplated() {
        let error = #expect(throws: DomainError.self) { try PlateColor("0") }
        #expect(error?.reason.contains("not yet plated") == true)
    }

    @Test("spellings of colours", arguments: [
        ("黄", PlateColor.yellow), ("黄牌", .yellow), ("YELLOW", .yellow), (" 蓝 ", .blue), ("２", .yellow),
        ("渐变绿", .green), ("渐变绿色", .green), ("黄绿", .green), ("黄绿色", .green), ("黄绿双拼色", .green),
        ("绿牌", .green), ("白", .white), ("黑色", .black),
    ])
    func spellings(text: String, color: PlateColor) throws {
        #expect(try PlateColor(text) == color)
    }

    @Test("unknown colour names are refused", arguments: ["红", "purple", "", "色"])
    func unknownNames(text: String) {
        let error = #expect(throws: DomainError.self) { try PlateColor(text) }
        #expect(error?.code == "invalid_plate_color")
    }

    @Test("the same number in two colours is two vehicles")
    func twoColours() throws {
        let car = try VehicleKey(plate: "浙F12345", color: .blue)
        let truck = try VehicleKey(plate: "浙F·12345", color: .yellow)
        #expect(car != truck)
        #expect(car.plate == truck.plate)
        #expect(Set([car, truck, try VehicleKey(plate: "浙f12345", color: .yellow)]).count == 2)
        #expect(car < truck)
    }

    @Test("string form round-trips")
    func stringForm() throws {
        let key = try VehicleKey(plate: " 浙F-12345 ", color: .yellow)
        #expect(key.stringValue == "浙F12345:yellow")
        #expect(key.description == "浙F12345:yellow")
        #expect(key.chineseLabel == "浙F12345（黄色）")
        #expect(try VehicleKey(key.stringValue) == key)
        #expect(try VehicleKey("浙F1234挂:yellow").plate.isTrailer)
    }

    @Test("bad string forms", arguments: [
        ("浙F12345", "invalid_vehicle_key"), ("浙F12345:pink", "invalid_plate_color"), ("浙F12345:黄色", "invalid_plate_color"),
        ("浙I12345:blue", "invalid_plate"), (":blue", "invalid_plate"),
    ])
    func badStringForms(text: String, code: String) {
        let error = #expect(throws: DomainError.self) { try VehicleKey(text) }
        #expect(error?.code == code)
    }

    @Test("JSON is {plate, color} and validates both")
    func codable() throws {
        let key = try VehicleKey(plate: "浙F12345", color: .yellow)
        let decoded = try JSONDecoder().decode(VehicleKey.self, from: Data(#"{"plate":"浙F·12345","color":"yellow"}"#.utf8))
        #expect(decoded == key)
        #expect(try JSONDecoder().decode(VehicleKey.self, from: JSONEncoder().encode(key)) == key)
        let badColor = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(VehicleKey.self, from: Data(#"{"plate":"浙F12345","color":"黄"}"#.utf8))
        }
        #expect(badColor?.code == "invalid_plate_color")
        let badPlate = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(VehicleKey.self, from: Data(#"{"plate":"浙F1234","color":"yellow"}"#.utf8))
        }
        #expect(badPlate?.code == "invalid_plate")
    }
}
