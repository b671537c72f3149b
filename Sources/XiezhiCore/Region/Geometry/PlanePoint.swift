/// A point of a ``LocalPlane``, in metres east (`x`) and north (`y`) of the plane's origin.
public struct PlanePoint: Hashable, Sendable {
    /// Metres east of the origin.
    public var x: Double
    /// Metres north of the origin.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Distance from the origin, metres.
    public var length: Double { (x * x + y * y).squareRoot() }

    /// Vector sum.
    public static func + (lhs: PlanePoint, rhs: PlanePoint) -> PlanePoint { PlanePoint(x: lhs.x + rhs.x, y: lhs.y + rhs.y) }
    /// Vector difference.
    public static func - (lhs: PlanePoint, rhs: PlanePoint) -> PlanePoint { PlanePoint(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
    /// Scaled by a number.
    public static func * (lhs: PlanePoint, rhs: Double) -> PlanePoint { PlanePoint(x: lhs.x * rhs, y: lhs.y * rhs) }

    /// The dot product.
    public func dot(_ other: PlanePoint) -> Double { x * other.x + y * other.y }
    /// The z part of the cross product: positive when `other` is counter-clockwise (to the left) of `self`.
    public func cross(_ other: PlanePoint) -> Double { x * other.y - y * other.x }
}
