import Foundation

/// Google-BLEU (GLEU, Wu et al. 2016) on query text, as Hugging Face `evaluate`'s `google_bleu`
/// computes it (`nltk.translate.gleu_score`, 13a tokenizer, n-grams of orders 1…4).
///
/// For one pair: `matches` = Σₙ |ngramsₙ(pred) ∩ ngramsₙ(ref)| with clipped counts,
/// `P = matches / #pred n-grams`, `R = matches / #ref n-grams`, GLEU = min(P, R)
/// = matches / max(#pred, #ref n-grams). Corpus level: Σ matches / Σ max(#pred, #ref).
///
/// ```swift
/// GoogleBLEU.sentence(prediction: "MATCH (n) RETURN n", reference: "MATCH (n) RETURN n")   // 1
/// ```
public enum GoogleBLEU {
    /// The matched and total n-gram counts of one pair; sum them for the corpus score.
    public struct Counts: Sendable, Hashable {
        public var matches: Int
        public var total: Int

        public init(matches: Int = 0, total: Int = 0) {
            self.matches = matches
            self.total = total
        }

        /// matches / total, 0 when there are no n-grams.
        public var score: Double { total == 0 ? 0 : Double(matches) / Double(total) }

        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(matches: a.matches + b.matches, total: a.total + b.total)
        }
    }

    /// The GLEU of one prediction against one reference.
    public static func sentence(prediction: String, reference: String, maxOrder: Int = 4) -> Double {
        counts(prediction: prediction, reference: reference, maxOrder: maxOrder).score
    }

    /// Corpus GLEU: summed matches over summed totals.
    public static func corpus(_ pairs: [(prediction: String, reference: String)], maxOrder: Int = 4) -> Double {
        pairs.reduce(Counts()) { $0 + counts(prediction: $1.prediction, reference: $1.reference, maxOrder: maxOrder) }.score
    }

    /// The counts of one pair.
    public static func counts(prediction: String, reference: String, maxOrder: Int = 4) -> Counts {
        let hyp = tokenize13a(prediction), ref = tokenize13a(reference)
        var matches = 0, hypTotal = 0, refTotal = 0
        for n in 1...max(1, maxOrder) {
            let h = ngrams(hyp, n), r = ngrams(ref, n)
            hypTotal += max(0, hyp.count - n + 1)
            refTotal += max(0, ref.count - n + 1)
            for (gram, count) in h { matches += min(count, r[gram] ?? 0) }
        }
        return Counts(matches: matches, total: max(hypTotal, refTotal))
    }

    static func ngrams(_ tokens: [String], _ n: Int) -> [ArraySlice<String>: Int] {
        var counts: [ArraySlice<String>: Int] = [:]
        guard tokens.count >= n else { return counts }
        for start in 0...(tokens.count - n) { counts[tokens[start..<(start + n)], default: 0] += 1 }
        return counts
    }

    /// sacrebleu's `13a` tokenizer (the WMT `mteval-v13a` rules): unescape a few entities, split
    /// off every punctuation character, periods and commas unless between digits, and a dash after
    /// a digit.
    public static func tokenize13a(_ text: String) -> [String] {
        var line = text.replacingOccurrences(of: "<skipped>", with: "")
            .replacingOccurrences(of: "-\n", with: "")
            .replacingOccurrences(of: "\n", with: " ")
        if line.contains("&") {
            line = line.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
        let chars = Array(" " + line + " ")
        var out: [Character] = []
        out.reserveCapacity(chars.count * 2)
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        for (i, c) in chars.enumerated() {
            if isSplitPunctuation(c) {
                out.append(" "); out.append(c); out.append(" ")
            } else if c == "." || c == "," {
                // Kept attached only when both neighbours are digits (1,000 and 3.14).
                let before = i > 0 ? chars[i - 1] : " ", after = i + 1 < chars.count ? chars[i + 1] : " "
                if isDigit(before) && isDigit(after) { out.append(c) } else { out.append(" "); out.append(c); out.append(" ") }
            } else if c == "-" && i > 0 && isDigit(chars[i - 1]) {
                out.append(" "); out.append(c); out.append(" ")
            } else {
                out.append(c)
            }
        }
        return String(out).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
    }

    /// The class `[\{-\~\[-\` -\&\(-\+\:-\@\/]` of 13a: ASCII punctuation except `'`, `,`, `-`, `.`.
    private static func isSplitPunctuation(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        switch a {
        case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F: return a != 0x20
        default: return false
        }
    }
}
