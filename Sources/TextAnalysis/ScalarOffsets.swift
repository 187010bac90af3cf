/// Converts UTF-8 offsets into Unicode scalar offsets of one text, and back.
///
/// Quiver works on UTF-8 offsets inside (cheap slicing of the bytes); what it shows users — JSON
/// output, the properties of a saved graph — are Unicode scalar offsets, which Python's `str`, Swift's
/// `unicodeScalars` and Rust's `chars()` index the same way ("é" and "中" count as one).
///
/// ```swift
/// let offsets = ScalarOffsets("Café Zürich")
/// offsets.scalarOffset(utf8: 6)    // 5: "Café " is 6 bytes, 5 scalars
/// offsets.utf8Offset(scalar: 5)    // 6
/// ```
public struct ScalarOffsets: Sendable {
    /// UTF-8 offset at which each scalar starts, plus the text's byte count at the end.
    private let starts: [Int32]
    /// Whether every scalar is one byte (then both offsets are equal).
    private let isASCII: Bool

    /// The offsets of a text.
    public init(_ text: String) {
        var starts: [Int32] = []
        var ascii = true
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            starts.append(offset)
            let width = Int32(scalar.utf8.count)
            if width > 1 { ascii = false }
            offset += width
        }
        starts.append(offset)
        self.starts = ascii ? [offset] : starts
        self.isASCII = ascii
    }

    /// The scalar offset of a UTF-8 offset (an offset inside a scalar counts as that scalar's start).
    public func scalarOffset(utf8 offset: Int) -> Int {
        if isASCII { return max(0, min(offset, Int(starts[0]))) }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(starts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The UTF-8 offset at which a scalar offset starts (clamped to the text).
    public func utf8Offset(scalar offset: Int) -> Int {
        if isASCII { return max(0, min(offset, Int(starts[0]))) }
        return Int(starts[max(0, min(offset, starts.count - 1))])
    }
}
