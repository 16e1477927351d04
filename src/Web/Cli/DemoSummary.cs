using System.Globalization;

namespace SupportLens.Web.Cli;

/// <summary>What the demo prints once everything is in place: where to look and how to sign in.</summary>
internal sealed record DemoSummary(string Month, DemoReportsDone Reports, string Mail, DemoSignIn SignIn)
{
    internal void Print(TextWriter output, string? url)
    {
        if (url is not null)
        {
            output.WriteLine($"[4/4] Dashboards: {url}   (Ctrl+C stops them)");
        }

        output.WriteLine(SignIn.Password is { } password
            ? $"  Sign in as admin with password {password} ({SignIn.Note}); {DemoUsers.Executive} (executive) and the success managers{(SignIn.SuccessManager is { } manager ? $" (e.g. \"{manager}\", who sees only their clients)" : "")} share it."
            : $"  Sign in: {SignIn.Note}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PDFs of {Month}: {Reports.Pdfs} files in {Reports.Directory}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Mail: {(Reports.Rendered ? $"{Reports.Delivered} messages this run" : "nothing new this run")}, in {Mail}"));
        output.Flush();
    }
}
