namespace SupportLens.Ingest.Tests.Validation;

/// <summary>
/// CSAT as survey tools export it: stars 1-5 (sometimes written 4.0), good/bad (Zendesk adds "_with_comment"), thumbs
/// as words or emoji. A 1-10 score has no agreed good/bad line, so it is refused with the way to map it.
/// </summary>
public sealed class CsatScaleTests
{
    [Fact]
    public void Stars_good_bad_and_thumbs_load_and_a_ten_point_score_is_refused_with_the_way_to_map_it()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = """
            response_id,client_id,responded_at,score
            R1,C1,2026-11-02T09:00:00Z,5
            R2,C1,2026-11-02T09:00:00Z,4.0
            R3,C1,2026-11-02T09:00:00Z,Good
            R4,C1,2026-11-02T09:00:00Z,bad_with_comment
            R5,C1,2026-11-02T09:00:00Z,👍
            R6,C1,2026-11-02T09:00:00Z,👎🏽
            R7,C1,2026-11-02T09:00:00Z,thumbs_up
            R8,C1,2026-11-02T09:00:00Z,Thumbs down
            R9,C1,2026-11-02T09:00:00Z,9
            R10,C1,2026-11-02T09:00:00Z,"4,5"
            R11,C1,2026-11-02T09:00:00Z,meh
            """;
        var report = f.Ingest(IngestKind.Csat, f.Write("c.csv", csv));
        Assert.Equal((8L, 3L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal("R1:5:true R2:4:true R3:-:true R4:-:false R5:-:true R6:-:false R7:-:true R8:-:false",
            f.Scalar("SELECT string_agg(response_id || ':' || coalesce(score::VARCHAR, '-') || ':' || good, ' ' ORDER BY length(response_id), response_id) FROM csat_responses"));
        Assert.Equal([(10L, "9"), (11L, "4,5"), (12L, "meh")], report.Errors.Select(e => (e.Line, e.Value!)));
        Assert.Equal("score must be 1..5, good|bad or thumbs up|down: 9 looks like a 1-10 (or 0-10) scale, which has no agreed line " +
                     "between good and bad; map it to 1..5 or good|bad with a mapping file's \"values\"", report.Errors[0].Reason);
        Assert.Equal("score must be 1..5, good|bad or thumbs up|down", report.Errors[2].Reason);
    }
}
