namespace SupportLens.Reports.Pdf;

/// <summary>What a report is, for its page header and its PDF metadata.</summary>
/// <param name="Title">Report title, e.g. "Executive pack"; the PDF title and every page's header.</param>
/// <param name="Subject">PDF subject, e.g. "Support performance, November 2026".</param>
/// <param name="Period">The period as printed, e.g. "November 2026".</param>
/// <param name="Zone">The reporting time zone the period is cut in and times are printed in.</param>
/// <param name="Author">PDF author.</param>
internal sealed record DocumentInfo(string Title, string Subject, string Period, ReportingZone Zone, string Author = "SupportLens");
