/// Exact match and token F1 of a predicted answer, with SQuAD's normalisation (as HotpotQA and
/// MuSiQue score answers): lower case, punctuation and the articles a/an/the removed, white space folded.
///
/// ```swift
/// AnswerMetrics.exactMatch("The Caldmere Glassworks.", answers: ["Caldmere Glassworks"])   // 1
/// AnswerMetrics.f1("Caldmere glass", answers: ["Caldmere Glassworks"])                      // 0.5
/// ```
public enum AnswerMetrics {
    /// 1 when the normalised prediction equals any normalised gold answer, else 0.
    public static func exactMatch(_ prediction: String, answers: [String]) -> Double {
        let predicted = normalize(prediction)
        return answers.contains { normalize($0) == predicted } ? 1 : 0
    }

    /// The best token-overlap F1 of the prediction against any gold answer.
    public static func f1(_ prediction: String, answers: [String]) -> Double {
        let predicted = normalize(prediction).split(separator: " ")
        return answers.map { answer in
            let gold = normalize(answer).split(separator: " ")
            var remaining: [Substring: Int] = [:]
            for token in gold { remaining[token, default: 0] += 1 }
            var common = 0
            for token in predicted where (remaining[token] ?? 0) > 0 {
                remaining[token, default: 0] -= 1
                common += 1
            }
            guard common > 0 else { return 0 }
            let precision = Double(common) / Double(predicted.count)
            let recall = Double(common) / Double(gold.count)
            return 2 * precision * recall / (precision + recall)
        }.max() ?? 0
    }

    /// SQuAD's answer normalisation.
    public static func normalize(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.filter { !isPunctuation($0) }
        let words = String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace)
        return words.filter { !["a", "an", "the"].contains($0) }.joined(separator: " ")
    }

    /// Python's `string.punctuation` (which SQuAD strips) plus Unicode punctuation such as `’` and `–`.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return "$+<=>^`|~".unicodeScalars.contains(scalar)
        }
    }
}
