import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files a user named, refusing anything but a regular file: reading a FIFO blocks until
/// some writer comes, a device such as `/dev/zero` never ends, and a directory or a socket has no
/// contents to read. Symbolic links are followed.
///
/// The file is opened without blocking and checked on the open descriptor, so nothing can swap
/// it between the check and the read.
///
/// ```swift
/// let bytes = try RegularFile.read("nodes.csv")     // FileError for a FIFO, device, socket or folder
/// try RegularFile.check(databasePath)               // before handing a path to a C library
/// ```
public enum RegularFile {
    /// The bytes of the regular file at `path`.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(path, size: 1 << 20, sizeHint: { bytes.reserveCapacity($0) }) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Calls `body` with successive chunks of at most `size` bytes of the regular file at `path`, so
    /// a large file is read without holding it; `sizeHint` first gets the file's size.
    public static func forEachChunk(
        _ path: String, size: Int, sizeHint: (Int) -> Void = { _ in }, _ body: (ArraySlice<UInt8>) -> Void
    ) throws(FileError) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, message: "cannot be opened: \(reason()); check the path") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, message: "cannot be read: \(reason())") }
        try refuseUnlessRegular(info, path)
        // A regular file never blocks; clear the flag anyway so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        sizeHint(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: max(1, size))
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, message: "cannot be read: \(reason())")
            }
            if n == 0 { return }
            body(chunk[0..<n])
        }
    }

    /// The contents of the regular file at `path` as `Data`.
    public static func data(_ path: String) throws(FileError) -> Data {
        Data(try read(path))
    }

    /// The contents of the regular file at `path` as UTF-8 text.
    public static func text(_ path: String) throws(FileError) -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(path: path, message: "is not UTF-8 text; convert it to UTF-8")
        }
        return text
    }

    /// Throws unless `path` names a regular file, without opening it: for paths handed to a
    /// library that opens them itself (SQLite).
    public static func check(_ path: String) throws(FileError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path: path, message: "cannot be opened: \(reason()); check the path") }
        try refuseUnlessRegular(info, path)
    }

    private static func refuseUnlessRegular(_ info: stat, _ path: String) throws(FileError) {
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a directory"
        case S_IFIFO: kind = "a FIFO (named pipe); reading it would wait for a writer"
        case S_IFCHR, S_IFBLK: kind = "a device; reading it might never end"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw FileError(path: path, message: "is \(kind); give a regular file")
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `read`, under a name the static `read` above does not hide.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
