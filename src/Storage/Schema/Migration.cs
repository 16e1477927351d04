namespace SupportLens.Storage.Schema;

/// <summary>One versioned step of the warehouse schema.</summary>
public sealed record Migration(int Version, string Name, string Sql);
