#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if _endian(big)
#error("Quiver's index files are written on little-endian hosts only")
#endif

/// Little-endian binary output for Quiver's derived index files (the BM25 and retrieval index written
/// beside a graph): fixed-width integers, whole arrays at once, and length-prefixed UTF-8 strings.
///
/// ```swift
/// var writer = BinaryWriter()
/// writer.int(42)
/// writer.strings(["a", "b"])
/// let bytes = writer.bytes
/// ```
public struct BinaryWriter: Sendable {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends an integer as 8 bytes.
    public mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a double as its 8-byte bit pattern.
    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends an array of fixed-width integers or floats: its count, then its elements.
    public mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends strings: their count, their UTF-8 byte lengths, then all their bytes.
    public mutating func strings(_ values: [String]) {
        int(values.count)
        var lengths: [Int32] = []
        lengths.reserveCapacity(values.count)
        var blob: [UInt8] = []
        for value in values {
            var copy = value
            copy.withUTF8 { utf8 in
                lengths.append(Int32(utf8.count))
                blob.append(contentsOf: utf8)
            }
        }
        array(lengths)
        array(blob)
    }
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes left.
///
/// ```swift
/// var reader = BinaryReader(bytes)
/// let answer = try reader.int()
/// let names = try reader.strings()
/// ```
public struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    /// The read position.
    public private(set) var offset = 0

    /// A reader of `bytes`, from the start.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The whole content of a file, read straight into one array, or nil when it cannot be read.
    ///
    /// ```swift
    /// guard let bytes = BinaryReader.contents(ofFile: "kg.quiver.index") else { … }
    /// ```
    public static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0 else { return nil }
        let size = Int(information.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = systemRead(descriptor, base + count, size - count)
                if got <= 0 {
                    failed = got < 0
                    break
                }
                count += got
            }
        }
        return failed || bytes.count != size ? nil : bytes
    }

    /// Why the bytes could not be read.
    public struct Truncated: Error, Sendable, CustomStringConvertible {
        /// Where reading stopped.
        public var offset: Int
        /// What was expected there.
        public var expected: String
        /// One line.
        public var description: String { "index file truncated or corrupt at byte \(offset) (expected \(expected))" }

        /// A failure at `offset`.
        public init(offset: Int, expected: String) {
            self.offset = offset
            self.expected = expected
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// Reads an 8-byte integer.
    public mutating func int() throws(Truncated) -> Int {
        guard offset + 8 <= bytes.count else { throw Truncated(offset: offset, expected: "an integer") }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + 8)]))
            }
        }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    /// Reads a double.
    public mutating func double() throws(Truncated) -> Double {
        Double(bitPattern: UInt64(bitPattern: Int64(try int())))
    }

    /// Reads an array written by `BinaryWriter.array`.
    public mutating func array<T: BitwiseCopyable>(of type: T.Type = T.self) throws(Truncated) -> [T] {
        let count = try int()
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else {
            throw Truncated(offset: offset, expected: "\(count) elements of \(size) bytes")
        }
        let start = offset
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[start..<(start + count * size)]))
            }
            initialized = count
        }
    }

    /// Reads strings written by `BinaryWriter.strings`.
    public mutating func strings() throws(Truncated) -> [String] {
        let count = try int()
        let lengths: [Int32] = try array()
        let blob: [UInt8] = try array()
        guard lengths.count == count, lengths.reduce(0, { $0 + Int($1) }) == blob.count else {
            throw Truncated(offset: offset, expected: "\(count) strings")
        }
        var result: [String] = []
        result.reserveCapacity(count)
        var position = 0
        blob.withUnsafeBufferPointer { buffer in
            for length in lengths {
                let slice = UnsafeBufferPointer(rebasing: buffer[position..<(position + Int(length))])
                result.append(String(decoding: slice, as: UTF8.self))
                position += Int(length)
            }
        }
        return result
    }
}
