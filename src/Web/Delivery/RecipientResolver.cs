using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration.Jobs;

namespace SupportLens.Web.Delivery;

/// <summary>
/// Who receives which report: the executive pack goes to executives, a client's health PDF to that client's success
/// manager, the weekly quality reports to the QA list. Users with an email and the right role, plus the configured
/// lists; addresses are compared and keyed lower-cased, so one person never gets two copies.
/// </summary>
internal sealed class RecipientResolver(IUserContacts users, RecipientLists lists)
{
    public IReadOnlyList<string> Executives() =>
        Distinct(lists.Executives.Concat(Users().Where(u => Is(u.Role, UserRoles.Executive)).Select(u => u.Email)));

    public IReadOnlyList<string> QualityTeam() => Distinct(lists.Qa);

    /// <summary>
    /// The success manager of a client: the configured address for the name the clients export gives, and the
    /// success-manager users whose book holds the client (the same book the dashboards scope them to: clients whose
    /// success_manager is the user's name, and the clients given to them).
    /// </summary>
    public IReadOnlyList<string> SuccessManager(ClientInfo client)
    {
        var name = client.SuccessManager?.Trim();
        var addresses = new List<string>();
        if (name is { Length: > 0 } && lists.SuccessManagers.TryGetValue(name, out var configured))
        {
            addresses.Add(configured);
        }

        addresses.AddRange(Users()
            .Where(u => Is(u.Role, UserRoles.SuccessManager)
                        && ((name is { Length: > 0 } && Is(u.Name.Trim(), name)) || u.ClientIds.Contains(client.ClientId, StringComparer.Ordinal)))
            .Select(u => u.Email));
        return Distinct(addresses);
    }

    // Read per call: users are added while the server runs.
    private IReadOnlyList<UserContact> Users() => users.UsersWithEmail().Where(u => u.Email.Contains('@')).ToList();

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Distinct(IEnumerable<string> addresses) =>
        addresses.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
}
