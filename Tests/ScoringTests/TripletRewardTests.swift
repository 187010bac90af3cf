import Foundation
import Testing
@testable import Scoring

@Suite("Triplet-set rewards")
struct TripletRewardTests {
    func sigmoidMinusHalf(_ x: Double) -> Double { 1 / (1 + exp(-x)) - 0.5 }

    @Test("R1-SGG: aligned entities score by similarity, edges need both ends and the relation")
    func sceneGraphExact() {
        // gold entities {cat, mat}, predicted {cat, rug}: cat↔cat (1), mat↔rug (0).
        let r = SceneGraphReward().score(prediction: [Triplet("cat", "on", "rug")], gold: [Triplet("cat", "on", "mat")])
        #expect(r.node == 0.5)
        #expect(r.edge == 0)
        #expect(r.edgeHard == 0)
        #expect(r.total == 1)
        #expect(r.alignment == [["cat", "cat"], ["mat", "rug"]])
    }

    @Test("R1-SGG with token overlap: partial entity credit multiplies into the edge")
    func sceneGraphTokens() {
        // red car↔car = 1/2, street↔street = 1; relation "parked_on" = "parked on" after normalising.
        let r = SceneGraphReward(similarity: .tokenOverlap)
            .score(prediction: [Triplet("car", "parked on", "street")], gold: [Triplet("red car", "parked_on", "street")])
        #expect(r.node == 0.75)
        #expect(r.edge == 0.5)
        #expect(r.edgeHard == 0)
        #expect(r.total == 2 * 0.75 + 5 * 0.5)
    }

    @Test("R1-SGG keeps one predicted relation per ordered pair, the later one")
    func laterRelationWins() {
        let prediction = [Triplet("a", "r1", "b"), Triplet("a", "r2", "b")]
        let soft = SceneGraphReward().score(prediction: prediction, gold: [Triplet("a", "r1", "b")])
        #expect(soft.edge == 0)
        #expect(soft.edgeHard == 1)
        #expect(SceneGraphReward().score(prediction: prediction, gold: [Triplet("a", "r2", "b")]).edge == 1)
    }

    @Test("R1-SGG with no gold: node reward 1 only for an empty prediction")
    func emptyGold() {
        #expect(SceneGraphReward().score(prediction: [], gold: []).node == 1)
        #expect(SceneGraphReward().score(prediction: [Triplet("a", "r", "b")], gold: []).node == 0)
    }

    @Test("CheXPO-v2: mean of entity and triplet Jaccard; the F1 variant")
    func chexpo() {
        let p = [Triplet("a", "r", "b")], g = [Triplet("a", "r", "c")]
        // entities {a,b} vs {a,c}: J = 1/3, F1 = 1/2; triplets: J = 0, F1 = 0.
        #expect(KnowledgeGraphJaccard.jaccard(prediction: p, gold: g) == 0.5 * (1.0 / 3))
        #expect(KnowledgeGraphJaccard.f1(prediction: p, gold: g) == 0.25)
        #expect(KnowledgeGraphJaccard.jaccard(prediction: [], gold: []) == 1)
        #expect(KnowledgeGraphJaccard.f1(prediction: [], gold: []) == 0)
        #expect(KnowledgeGraphJaccard.jaccard(prediction: g, gold: g) == 1)
    }

    @Test("SC-Captioner: removing a wrong object and adding a right one is rewarded")
    func revisionGood() {
        let r = RevisionReward().score(initial: RevisionItems(objects: ["dog", "cat"]), revised: RevisionItems(objects: ["dog", "bird"]),
                                       reference: RevisionItems(objects: ["dog", "bird"]))
        // removed cat (s = 0), added bird (s = 1): soft = 0.6 + 0.45, bonus = 0.25 + 0.25.
        #expect(abs(r.soft - 1.05) < 1e-12)
        #expect(r.bonus == 0.5)
        #expect(abs(r.reward - sigmoidMinusHalf(2 * 1.05 + 0.5)) < 1e-12)
    }

    @Test("SC-Captioner: no change costs −1")
    func revisionUnchanged() {
        let items = RevisionItems(objects: ["dog"])
        let r = RevisionReward().score(initial: items, revised: items, reference: RevisionItems(objects: ["cat"]))
        #expect(r.bonus == -1)
        #expect(abs(r.reward - sigmoidMinusHalf(-1)) < 1e-12)
    }

    @Test("SC-Captioner: attribute changes count 0.15 each on objects kept, for keys in the reference")
    func revisionAttributes() {
        let r = RevisionReward().score(
            initial: RevisionItems(objects: ["car"], attributes: ["car": ["red"]]),
            revised: RevisionItems(objects: ["car"], attributes: ["car": ["blue"]]),
            reference: RevisionItems(objects: ["car"], attributes: ["car": ["blue"]]))
        #expect(r.soft == 0)
        #expect(abs(r.bonus - 0.15) < 1e-12)
        #expect(abs(r.reward - sigmoidMinusHalf(0.15)) < 1e-12)
    }

    @Test("SC-Captioner: a removed/added pair more similar than 0.75 is a rephrasing and ignored")
    func rephrasing() {
        let r = RevisionReward(similarity: .tokenOverlap).score(
            initial: RevisionItems(objects: ["big_dog"]), revised: RevisionItems(objects: ["big dog"]),
            reference: RevisionItems(objects: ["cat"]))
        #expect(r.removed.isEmpty && r.added.isEmpty)
        #expect(r.reward == 0)
    }

    @Test("the scorer reads the JSONL line format and fills every reward")
    func scorerLine() throws {
        let line = #"{"id": 7, "gold": [["dog","near","cat"]], "prediction": [["dog","near","bird"]], "initial": [["dog","near","cat"],["cat","on","mat"]]}"#
        let example = try JSONDecoder().decode(TripletExample.self, from: Data(line.utf8))
        let scores = TripletScorer().score(example)
        #expect(scores.id == "7")
        // removed cat (s 1) and mat (s 0), added bird (s 0); dog lost "near cat" (in the reference).
        #expect(abs((scores.scCaptioner?.soft ?? 0) - (0.1 - 0.55)) < 1e-12)
        #expect(abs((scores.scCaptioner?.bonus ?? 0) - (0.25 - 0.25 - 0.25 - 0.15)) < 1e-12)
        #expect(scores.r1sgg.node == 0.5)
    }
}
