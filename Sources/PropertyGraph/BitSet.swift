/// A growable set of small non-negative integers stored as 64-bit words.
///
/// Used for node and relationship liveness, per-label membership and property null masks.
/// Words past the highest set bit may be zero; serialization writes an exact word count so
/// two equal sets always encode to the same bytes.
@usableFromInline
struct BitSet: Sendable, Equatable {
    @usableFromInline var words: [UInt64] = []

    init() {}

    init(words: [UInt64]) { self.words = words }

    @inlinable @inline(__always)
    func contains(_ member: Int) -> Bool {
        let word = member &>> 6
        // The unsigned comparison also rejects negative members.
        return UInt(bitPattern: word) < UInt(words.count) && words[word] & (1 &<< UInt64(member & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ member: Int) {
        let word = member &>> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 &<< UInt64(member & 63)
    }

    @inline(__always)
    mutating func remove(_ member: Int) {
        let word = member &>> 6
        guard UInt(bitPattern: word) < UInt(words.count) else { return }
        words[word] &= ~(1 &<< UInt64(member & 63))
    }

    /// Clears every member at or above `limit` and drops the words past it.
    mutating func truncate(to limit: Int) {
        let wordCount = (limit + 63) / 64
        if words.count > wordCount { words.removeLast(words.count - wordCount) }
        if limit & 63 != 0, wordCount > 0, wordCount <= words.count {
            words[wordCount - 1] &= (1 &<< UInt64(limit & 63)) &- 1
        }
    }

    /// The number of members.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The words covering `0..<limit`, zero-padded or cut, for canonical serialization.
    func words(covering limit: Int) -> [UInt64] {
        let wordCount = (limit + 63) / 64
        var result = Array(words.prefix(wordCount))
        if result.count < wordCount { result.append(contentsOf: repeatElement(0, count: wordCount - result.count)) }
        if limit & 63 != 0, wordCount > 0 { result[wordCount - 1] &= (1 &<< UInt64(limit & 63)) &- 1 }
        return result
    }

    /// Calls `body` with every member in increasing order.
    @inline(__always)
    func forEach(_ body: (Int) throws -> Void) rethrows {
        for index in words.indices {
            var word = words[index]
            while word != 0 {
                let bit = word.trailingZeroBitCount
                try body(index &* 64 &+ bit)
                word &= word &- 1
            }
        }
    }
}
