namespace SupportLens.Ingest;

/// <summary>The request cannot be run as asked (unknown profile, a profile that does not read the kind, a bad mapping file or time zone).</summary>
public sealed class IngestUsageException(string message) : Exception(message);

/// <summary>A whole file is refused before anything of it loads (empty, header without a required field, unreadable).</summary>
internal sealed class FileRejectedException(string message) : Exception(message);
