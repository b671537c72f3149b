extension VehiclePosition {
    /// The fix as a ``GeoPoint``.
    var geoPoint: GeoPoint { GeoPoint(longitude: longitude, latitude: latitude) }
}
