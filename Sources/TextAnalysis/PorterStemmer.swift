/// The Porter (1980) suffix-stripping stemmer for English, on lower-case ASCII words.
///
/// Words with non-ASCII letters or digits, and words of two letters or fewer, are returned unchanged.
///
/// ```swift
/// PorterStemmer().stem("connections")   // "connect"
/// PorterStemmer().stem("relational")    // "relat"
/// ```
public struct PorterStemmer: Sendable, Hashable {
    /// A stemmer.
    public init() {}

    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var buffer = Buffer(Array(word.utf8))
        buffer.step1ab()
        buffer.step1c()
        buffer.step2()
        buffer.step3()
        buffer.step4()
        buffer.step5()
        return String(decoding: buffer.bytes[0...buffer.k], as: UTF8.self)
    }
}

/// The working buffer of the algorithm: `bytes[0...k]` is the current word, `j` a suffix boundary.
private struct Buffer {
    var bytes: [UInt8]
    var k: Int
    var j = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.k = bytes.count - 1
    }

    func isConsonant(_ i: Int) -> Bool {
        switch bytes[i] {
        case 97, 101, 105, 111, 117: return false  // a e i o u
        case 121: return i == 0 ? true : !isConsonant(i - 1)  // y
        default: return true
        }
    }

    /// m(): the number of vowel-consonant sequences in bytes[0...j].
    func measure() -> Int {
        var n = 0
        var i = 0
        while true {
            if i > j { return n }
            if !isConsonant(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > j { return n }
                if isConsonant(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
        }
    }

    func vowelInStem() -> Bool {
        (0...max(j, 0)).contains { $0 <= j && !isConsonant($0) }
    }

    func doubleConsonant(_ i: Int) -> Bool {
        i >= 1 && bytes[i] == bytes[i - 1] && isConsonant(i)
    }

    /// cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y.
    func cvc(_ i: Int) -> Bool {
        if i < 2 || !isConsonant(i) || isConsonant(i - 1) || !isConsonant(i - 2) { return false }
        let c = bytes[i]
        return c != 119 && c != 120 && c != 121
    }

    mutating func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        if length > k + 1 { return false }
        let pointer = suffix.utf8Start
        for offset in 0..<length where bytes[k - length + 1 + offset] != pointer[offset] {
            return false
        }
        j = k - length
        return true
    }

    mutating func setTo(_ replacement: StaticString) {
        let length = replacement.utf8CodeUnitCount
        let pointer = replacement.utf8Start
        bytes.removeSubrange((j + 1)...)
        for offset in 0..<length { bytes.append(pointer[offset]) }
        k = j + length
    }

    mutating func replace(_ replacement: StaticString) {
        if measure() > 0 { setTo(replacement) }
    }

    mutating func step1ab() {
        if bytes[k] == 115 {  // s
            if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if k >= 1 && bytes[k - 1] != 115 { k -= 1 }
            bytes.removeSubrange((k + 1)...)
        }
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            bytes.removeSubrange((k + 1)...)
            if ends("at") { setTo("ate") } else if ends("bl") { setTo("ble") } else if ends("iz") { setTo("ize") }
            else if doubleConsonant(k) {
                let c = bytes[k]
                if c != 108 && c != 115 && c != 122 { k -= 1 }  // not l, s, z
            } else {
                j = k
                if measure() == 1 && cvc(k) { setTo("e") }
            }
        }
        bytes.removeSubrange((k + 1)...)
    }

    mutating func step1c() {
        if ends("y") && vowelInStem() { bytes[k] = 105 }  // y -> i
    }

    mutating func step2() {
        guard k >= 1 else { return }
        switch bytes[k - 1] {
        case 97: if ends("ational") { replace("ate") } else if ends("tional") { replace("tion") }
        case 99: if ends("enci") { replace("ence") } else if ends("anci") { replace("ance") }
        case 101: if ends("izer") { replace("ize") }
        case 108:
            if ends("bli") { replace("ble") } else if ends("alli") { replace("al") }
            else if ends("entli") { replace("ent") } else if ends("eli") { replace("e") }
            else if ends("ousli") { replace("ous") }
        case 111:
            if ends("ization") { replace("ize") } else if ends("ation") { replace("ate") }
            else if ends("ator") { replace("ate") }
        case 115:
            if ends("alism") { replace("al") } else if ends("iveness") { replace("ive") }
            else if ends("fulness") { replace("ful") } else if ends("ousness") { replace("ous") }
        case 116:
            if ends("aliti") { replace("al") } else if ends("iviti") { replace("ive") }
            else if ends("biliti") { replace("ble") }
        case 103: if ends("logi") { replace("log") }
        default: break
        }
    }

    mutating func step3() {
        switch bytes[k] {
        case 101:
            if ends("icate") { replace("ic") } else if ends("ative") { replace("") } else if ends("alize") { replace("al") }
        case 105: if ends("iciti") { replace("ic") }
        case 108: if ends("ical") { replace("ic") } else if ends("ful") { replace("") }
        case 115: if ends("ness") { replace("") }
        default: break
        }
    }

    mutating func step4() {
        guard k >= 1 else { return }
        var matched = false
        switch bytes[k - 1] {
        case 97: matched = ends("al")
        case 99: matched = ends("ance") || ends("ence")
        case 101: matched = ends("er")
        case 105: matched = ends("ic")
        case 108: matched = ends("able") || ends("ible")
        case 110: matched = ends("ant") || ends("ement") || ends("ment") || ends("ent")
        case 111:
            if ends("ion") {
                matched = j >= 0 && (bytes[j] == 115 || bytes[j] == 116)
            } else {
                matched = ends("ou")
            }
        case 115: matched = ends("ism")
        case 116: matched = ends("ate") || ends("iti")
        case 117: matched = ends("ous")
        case 118: matched = ends("ive")
        case 122: matched = ends("ize")
        default: matched = false
        }
        if matched && measure() > 1 {
            k = j
            bytes.removeSubrange((k + 1)...)
        }
    }

    mutating func step5() {
        j = k
        if bytes[k] == 101 {  // e
            let m = measure()
            if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
        }
        if bytes[k] == 108 && doubleConsonant(k) && measure() > 1 { k -= 1 }  // ll
        bytes.removeSubrange((k + 1)...)
    }
}
