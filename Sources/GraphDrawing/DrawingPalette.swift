/// The colours of a ``Drawing``: one fill per node kind, picked by a stable hash of the kind's name
/// (so `Person` has the same colour in every picture and every renderer), and fixed colours for
/// what an edit script did.
///
/// ```swift
/// DrawingPalette.color(kind: "Person", change: nil)      // the same "#rrggbb" every run
/// DrawingPalette.color(kind: "Person", change: .deleted) // "#e57373"
/// ```
public enum DrawingPalette {
    /// Fills for node kinds: light enough for black text.
    public static let kindColors = [
        "#8ecae6", "#ffd166", "#b5e48c", "#f4a6c0", "#c3aed6", "#f9c74f", "#90e0ef", "#ffadad",
        "#caffbf", "#bdb2ff",
    ]

    /// The fill of a node of `kind`, or of the edit `change` when there is one.
    public static func color(kind: String, change: Drawing.Change?) -> String {
        switch change {
        case .kept?: "#cfd8dc"
        case .relabelled?: "#ffb74d"
        case .deleted?: "#e57373"
        case .inserted?: "#81c784"
        case nil: kindColors[Int(stableHash(kind) % UInt64(kindColors.count))]
        }
    }

    /// The line colour of an edge with this edit `change`; mappings (dashed) are pale.
    public static func edgeColor(change: Drawing.Change?, dashed: Bool) -> String {
        if dashed { return "#b0bec5" }
        switch change {
        case .kept?: return "#78909c"
        case .relabelled?: return "#fb8c00"
        case .deleted?: return "#d32f2f"
        case .inserted?: return "#388e3c"
        case nil: return "#546e7a"
        }
    }

    /// FNV-1a over the UTF-8 bytes: the same in every process (Swift's `hashValue` is seeded per run).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
