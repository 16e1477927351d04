namespace SupportLens.Reports.Pdf;

/// <summary>A section of a report (scorecard, SLA by tier, worst breaches…): composes its blocks into a column.</summary>
internal interface IReportSection
{
    void Compose(ColumnDescriptor column);
}

/// <summary>A report: one class per kind, composed of sections, rendered by <see cref="ReportDocument.Render"/>.</summary>
internal interface IReportDocument
{
    DocumentInfo Info { get; }

    void Compose(ReportDocument document);
}
