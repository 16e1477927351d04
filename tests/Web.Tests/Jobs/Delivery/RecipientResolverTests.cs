using System.Collections.Immutable;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration.Jobs;
using SupportLens.Web.Delivery;

namespace SupportLens.Web.Tests.Jobs.Delivery;

public class RecipientResolverTests
{
    private static readonly RecipientLists Lists = new(
        ["ceo@example.com"], ["qa@example.com", "QA-Lead@example.com"],
        ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, [KeyValuePair.Create("Sofia Marquez", "sofia@example.com")]));

    private static readonly UserContacts Users = new(
    [
        new UserContact("Ana", "CEO@Example.com", "executive", []),
        new UserContact("Ben", "ben@example.com", "executive", []),
        new UserContact("Sofia Marquez", "sofia.m@example.com", "success-manager", []),
        new UserContact("Raj", "raj@example.com", "success-manager", ["C-001"]),
        new UserContact("Pat", "pat@example.com", "planner", ["C-001"]),
        new UserContact("Nobody", "not-an-address", "executive", []),
    ]);

    private readonly RecipientResolver _resolver = new(Users, Lists);

    [Fact]
    public void Executives_are_the_configured_list_and_executive_users_each_once_lower_cased() =>
        Assert.Equal(["ben@example.com", "ceo@example.com"], _resolver.Executives());

    [Fact]
    public void The_quality_team_is_the_configured_list() => Assert.Equal(["qa-lead@example.com", "qa@example.com"], _resolver.QualityTeam());

    [Fact]
    public void A_clients_success_manager_is_found_by_the_name_the_export_gives_and_by_assignment()
    {
        var client = new RosterClient("C-001", "Shamrock Homes", "starter", " sofia marquez ");
        // The configured address for the name, the user of that name, and the success manager given the client; not the planner.
        Assert.Equal(["raj@example.com", "sofia.m@example.com", "sofia@example.com"], _resolver.SuccessManager(client));
        Assert.Empty(_resolver.SuccessManager(new RosterClient("C-002", "Silver Birch Realty", "starter", null)));
    }

    private sealed class UserContacts(IReadOnlyList<UserContact> users) : IUserContacts
    {
        public IReadOnlyList<UserContact> UsersWithEmail() => users;
    }
}
