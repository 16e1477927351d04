using SupportLens.Analytics.Clients;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Clients;

public sealed class ClientDirectoryTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void A_book_is_the_managers_clients_plus_those_given_by_id()
    {
        using (var connection = _warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier, success_manager, renewal_date, mrr) VALUES
                    ('C1', 'g', 'Acme', 'starter', 'Sofia Marquez', '2027-02-01', 390.00),
                    ('C2', 'g', 'Bolt', 'business', 'sofia marquez', NULL, NULL),
                    ('C3', 'g', 'Cog', 'enterprise', 'Tom', NULL, NULL),
                    ('C4', 'g', 'Dyn', 'enterprise', NULL, NULL, NULL);
                """);
        }
        var directory = new ClientDirectory(_warehouse);
        Assert.Equal(["C1", "C2"], directory.BookOf("Sofia Marquez", []).Order(StringComparer.Ordinal));
        Assert.Equal(["C3", "C4"], directory.BookOf("Tom", ["C4"]).Order(StringComparer.Ordinal));
        Assert.Empty(directory.BookOf("Nobody", []));
        var acme = directory.Find("C1")!;
        Assert.Equal((new DateOnly(2027, 2, 1), 390.00m), (acme.RenewalDate!.Value, acme.Mrr!.Value));
        Assert.Equal(["C1", "C2", "C3", "C4"], directory.All().Select(c => c.ClientId));
    }
}
