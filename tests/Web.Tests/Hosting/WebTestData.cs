using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Web.Auth;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>The users every web test signs in as, with their passwords and API tokens.</summary>
public sealed record TestUser(string Name, string Role, string Password, string Token, long TokenId);

/// <summary>
/// A small organisation for the web tests: three clients (C1 enterprise and C2 business of success manager "sam", C3
/// starter of "riley"), October 2026 tickets, surveys, an incident and checks; refreshed like `supportlens refresh`; one
/// user per role (riley also sees C1 by name), each with a password and an API token.
/// </summary>
internal static class WebTestData
{
    internal const string Password = "correct horse battery";

    internal static IReadOnlyDictionary<string, TestUser> Seed(string dataDirectory)
    {
        var options = new SupportLensOptions(dataDirectory, null);
        using var services = new ServiceCollection().AddSupportLens(options, TimeProvider.System).BuildServiceProvider();
        var warehouse = services.GetRequiredService<Warehouse>();
        using (var connection = warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 'seed.csv', 'x', '2026-11-01T00:00:00Z', 'loaded');
                INSERT INTO clients (client_id, source, name, tier, success_manager) VALUES
                    ('C1', 'generic', 'Acme Corp', 'enterprise', 'sam'),
                    ('C2', 'generic', 'Bolt Ltd', 'business', 'sam'),
                    ('C3', 'generic', 'Cog & Co', 'starter', 'riley');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                    ('generic', 'T1', 'C1', '2026-10-05T14:00:00Z', 'email', 'normal', 'solved', '2026-10-05T14:30:00Z', '2026-10-05T16:00:00Z', 1, 0, false),
                    ('generic', 'T2', 'C1', '2026-10-06T14:00:00Z', 'chat', 'high', 'solved', '2026-10-06T14:05:00Z', '2026-10-06T15:00:00Z', 2, 0, true),
                    ('generic', 'T3', 'C2', '2026-10-07T10:00:00Z', 'phone', 'normal', 'solved', '2026-10-07T13:00:00Z', '2026-10-08T10:00:00Z', 1, 1, false),
                    ('generic', 'T4', 'C2', '2026-10-20T10:00:00Z', 'email', 'normal', 'solved', '2026-10-20T10:20:00Z', '2026-10-20T12:00:00Z', 1, 0, false),
                    ('generic', 'T5', 'C3', '2026-10-21T15:00:00Z', 'web', 'low', 'solved', '2026-10-21T16:00:00Z', '2026-10-22T15:00:00Z', 1, 0, false),
                    ('generic', 'T6', 'C3', '2026-10-31T20:00:00Z', 'email', 'normal', 'open', NULL, NULL, 0, 0, false),
                    ('generic', 'T7', 'C1', '2026-10-31T21:00:00Z', 'chat', 'urgent', 'open', NULL, NULL, 0, 0, false),
                    ('generic', 'T8', 'C2', '2026-10-31T22:30:00Z', 'email', 'normal', 'solved', '2026-10-31T22:40:00Z', '2026-10-31T23:00:00Z', 1, 0, false);
                INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                    ('generic', 'S1', 'T1', 'C1', '2026-10-06T10:00:00Z', 5, true),
                    ('generic', 'S2', 'T2', 'C1', '2026-10-07T10:00:00Z', 2, false),
                    ('generic', 'S3', 'T3', 'C2', '2026-10-09T10:00:00Z', 4, true),
                    ('generic', 'S4', 'T5', 'C3', '2026-10-23T10:00:00Z', 5, true);
                INSERT INTO nps_responses (source, response_id, client_id, responded_at, score) VALUES
                    ('generic', 'N1', 'C1', '2026-10-10T10:00:00Z', 10),
                    ('generic', 'N2', 'C2', '2026-10-11T10:00:00Z', 6),
                    ('generic', 'N3', 'C3', '2026-10-12T10:00:00Z', 9);
                INSERT INTO incidents (source, incident_id, severity, title, component, started_at, acknowledged_at, first_update_at, resolved_at, affects_all) VALUES
                    ('generic', 'INC-1', 2, 'Slow dashboard', 'dashboard', '2026-10-15T12:00:00Z', '2026-10-15T12:20:00Z', '2026-10-15T13:00:00Z', '2026-10-15T18:00:00Z', true);
                INSERT INTO checks (source, component, checked_at, ok, latency_ms) VALUES
                    ('generic', 'dashboard', '2026-10-15T11:00:00Z', true, 120),
                    ('generic', 'dashboard', '2026-10-15T12:00:00Z', false, 900),
                    ('generic', 'dashboard', '2026-10-15T13:00:00Z', true, 150),
                    ('generic', 'dashboard', '2026-10-31T23:00:00Z', true, 110);
                """);
        }
        services.GetRequiredService<RefreshService>().Run();

        var directory = services.GetRequiredService<UserDirectory>();
        var users = new Dictionary<string, TestUser>(StringComparer.Ordinal);
        foreach (var (name, role, clients) in new (string, string, string[])[]
                 {
                     ("admin", UserRoles.Admin, []), ("exec", UserRoles.Executive, []), ("planner", UserRoles.Planner, []),
                     ("sam", UserRoles.SuccessManager, []), ("riley", UserRoles.SuccessManager, ["C1"]),
                 })
        {
            directory.Add(name, role, null, Password, clients);
            var token = directory.CreateToken(name);
            users[name] = new TestUser(name, role, Password, token.Token, token.TokenId);
        }
        return users;
    }
}
