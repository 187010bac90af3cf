import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

@Suite struct TemporalFunctionTests {
    static let values: [ExpressionCase] = [
        ExpressionCase("toString(date({year: 1984, week: 10, dayOfWeek: 3}))", "1984-03-07"),
        ExpressionCase("toString(localtime({hour: 12, minute: 31, second: 14, millisecond: 645}))", "12:31:14.645"),
        ExpressionCase("toString(time({hour: 12, timezone: '+01:00'}))", "12:00+01:00"),
        ExpressionCase("toString(datetime({epochSeconds: 416779, nanosecond: 999999999}))", "1970-01-05T19:46:19.999999999Z"),
        ExpressionCase("toString(duration({years: 12.5, days: 1}))", "P12Y6M1D"),
        ExpressionCase("toString(date('2015-07-21') + duration({months: 1, days: 2}))", "2015-08-23"),
        ExpressionCase("toString(duration({days: 1}) * 1.5)", "P1DT12H"),
        ExpressionCase("toString(duration({hours: 3}) / 2)", "PT1H30M"),
        ExpressionCase("toString(date.truncate('week', date('2015-07-23'), {dayOfWeek: 2}))", "2015-07-21"),
        ExpressionCase("toString(datetime({datetime: datetime('2015-07-21T12:00+01:00'), timezone: '+05:00'}))",
                       "2015-07-21T16:00+05:00"),
        ExpressionCase("toString(duration.inDays(date('2015-01-01'), date('2016-01-01')))", "P365D"),
        ExpressionCase("date('2015-07-21') < date('2015-07-22')", true),
        ExpressionCase("date('2015-07-21') < localdatetime('2015-07-22T00:00')", nil),
        ExpressionCase("date('2015-07-21').quarter", 3),
        ExpressionCase("date(null)", nil),
    ]

    @Test("temporal expressions evaluate", arguments: values)
    func evaluates(_ c: ExpressionCase) throws {
        let result = try CypherEngine.execute("RETURN \(c.expression) AS v", on: GraphStore())
        #expect(result.rows == [[c.expected]])
    }

    @Test("bad temporal input is an error with a code", arguments: [
        FailureCase("date('2015-02-30')", "InvalidArgumentValue"),
        FailureCase("date({year: 2015, month: 13})", "InvalidArgumentValue"),
        FailureCase("date(1)", "InvalidArgumentType"),
        FailureCase("date('2015-07-21').hour", "InvalidArgumentType"),
        FailureCase("date.truncate('fortnight', date('2015-07-21'))", "InvalidArgumentValue"),
        FailureCase("datetime({year: 2015, timezone: 'Mars/Olympus'})", "InvalidArgumentValue"),
    ])
    func fails(_ c: FailureCase) {
        #expect(throws: QueryError.self) { try CypherEngine.execute("RETURN \(c.expression) AS v", on: GraphStore()) }
        do {
            _ = try CypherEngine.execute("RETURN \(c.expression) AS v", on: GraphStore())
        } catch {
            #expect(error.code == c.code)
        }
    }

    @Test("every clock read of one query sees the same statement time")
    func statementTime() throws {
        let result = try CypherEngine.execute(
            "UNWIND range(1, 200) AS i RETURN collect(DISTINCT datetime()) AS a, datetime.statement() = datetime.transaction() AS b",
            on: GraphStore())
        guard case .list(let instants) = result.rows[0][0] else { Issue.record("not a list"); return }
        #expect(instants.count == 1)
        #expect(result.rows[0][1] == true)
    }

    @Test("temporal properties survive a snapshot and come back as the same values")
    func snapshotRoundTrip() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            CREATE (:T {d: date('2015-07-21'), t: time('21:40+01:00'), l: [localtime('10:00'), localtime('11:00')],
                        z: datetime('2017-10-29T04:00[Europe/Stockholm]'), p: duration('P1Y2M3DT4.5S')})
            """, on: graph)
        let loaded = try GraphStore(snapshot: graph.snapshotBytes())
        let query = "MATCH (n:T) RETURN n.d, n.t, n.l, n.z, n.p, n.d.year"
        #expect(try CypherEngine.execute(query, on: loaded).rows == CypherEngine.execute(query, on: graph).rows)
        let row = try CypherEngine.execute(query, on: loaded).rows[0]
        #expect(row.map(\.description) == ["2015-07-21", "21:40+01:00", "[10:00, 11:00]", "2017-10-29T04:00+01:00[Europe/Stockholm]", "P1Y2M3DT4.5S", "2015"])
    }

    @Test("JSON output tags temporal values and reads them back")
    func jsonRoundTrip() throws {
        let value = Value.temporal(try TemporalValue.parse("2015-07-21T21:40:32.142+01:00", as: .dateTime))
        #expect(ValueJSON.encode(value) == #"{"$datetime":"2015-07-21T21:40:32.142+01:00"}"#)
        #expect(try ValueJSON.decode(ValueJSON.encode(value)) == value)
    }
}
