extension WeighRecord {
    /// The record as compact JSON with the same keys and values as its `Codable` form (what `POST
    /// /api/v1/wim/records` accepts), written without `JSONEncoder`: this is the `data` column of every stored pass.
    public var jsonText: String {
        var json = JSONText(capacity: 384 + axles.count * 96 + photos.count * 128)
        json.beginObject()
        json.key("station", first: true)
        json.string(station)
        json.key("record_id")
        json.string(recordID)
        json.key("time")
        json.string(WeighRecord.formatTime(time))
        json.key("lane")
        json.int(lane)
        json.key("plate")
        json.string(plate)
        json.key("plate_color")
        json.string(plateColor)
        json.key("vehicle")
        json.string(vehicle.rawValue)
        json.key("axles")
        json.beginArray()
        for (index, axle) in axles.enumerated() {
            if index > 0 { json.comma() }
            json.beginObject()
            json.key("weight_kg", first: true)
            json.int(axle.weightKg)
            json.key("group")
            json.int(axle.group)
            json.key("tyres")
            json.string(axle.tyres.rawValue)
            json.key("drive")
            json.bool(axle.drive)
            json.key("air_suspension")
            json.bool(axle.airSuspension)
            if let wide = axle.wideTyres {
                json.key("wide_tyres")
                json.bool(wide)
            }
            json.endObject()
        }
        json.endArray()
        json.key("gross_kg")
        json.int(grossKg)
        json.key("speed_kmh")
        json.double(speedKmh)
        for (key, value) in [("length_m", lengthM), ("width_m", widthM), ("height_m", heightM)] as [(StaticString, Double?)] {
            if let value {
                json.key(key)
                json.double(value)
            }
        }
        if let registeredMassKg {
            json.key("registered_mass_kg")
            json.int(registeredMassKg)
        }
        json.key("photos")
        json.beginArray()
        for (index, photo) in photos.enumerated() {
            if index > 0 { json.comma() }
            json.beginObject()
            json.key("kind", first: true)
            json.string(photo.kind)
            json.key("sha256")
            json.string(photo.sha256)
            json.key("uri")
            json.string(photo.uri)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.string
    }
}
