using SupportLens.Storage;

namespace SupportLens.Analytics.Refresh;

/// <summary>The <see cref="DataVersion"/> for readers that hold no connection: what they worked out stays valid until it moves.</summary>
public sealed class DataVersionReader(Warehouse warehouse)
{
    public string Read()
    {
        using var connection = warehouse.OpenConnection();
        return DataVersion.Read(connection);
    }
}
