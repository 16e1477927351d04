using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SupportLens.Reports.Tests.Pdf;

/// <summary>A word pdftotext found, with its box in points from the page's top-left corner.</summary>
internal sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax, double PageWidth, double PageHeight);

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), as a reader's viewer would see them.</summary>
internal static partial class PdfTools
{
    /// <summary>Writes a PDF for the tools under a name unique to its test; the next run overwrites it.</summary>
    public static string WriteTemp(byte[] pdf, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "supportlens-tests", "reports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>The text of each page, in reading order with the layout kept (pdftotext -layout).</summary>
    public static IReadOnlyList<string> PageTexts(string pdf) =>
        Run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").Split('\f').SkipLast(1).ToList();

    public static IReadOnlyList<PdfWord> Words(string pdf)
    {
        var html = Run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-");
        // pdftotext's bbox output is XHTML; its DOCTYPE and entities are not needed to read the boxes.
        html = DoctypePattern().Replace(html, "");
        var doc = XDocument.Parse(html);
        var ns = doc.Root!.Name.Namespace;
        var words = new List<PdfWord>();
        var number = 0;
        foreach (var page in doc.Descendants(ns + "page"))
        {
            number++;
            var width = Number(page, "width");
            var height = Number(page, "height");
            words.AddRange(page.Descendants(ns + "word").Select(w => new PdfWord(
                number, w.Value, Number(w, "xMin"), Number(w, "yMin"), Number(w, "xMax"), Number(w, "yMax"), width, height)));
        }

        return words;
    }

    public static IReadOnlyDictionary<string, string> Info(string pdf)
    {
        var info = new Dictionary<string, string>();
        foreach (var line in Run("pdfinfo", "-isodates", pdf).Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                info[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return info;
    }

    /// <summary>Each page's size in points, as pdfinfo reports it.</summary>
    public static IReadOnlyList<(double Width, double Height)> PageSizes(string pdf)
    {
        var text = Run("pdfinfo", "-f", "1", "-l", "100000", pdf);
        return PageSizePattern().Matches(text)
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static string Fonts(string pdf) => Run("pdffonts", pdf);

    /// <summary>The raster images in the file (pdfimages -list), one line each.</summary>
    public static IReadOnlyList<string> Images(string pdf) =>
        Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();

    /// <summary>Renders every page to PNG (prefix-1.png, prefix-2.png, ...) and returns their paths.</summary>
    public static IReadOnlyList<string> RenderPng(string pdf, string prefix, int dpi = 80)
    {
        foreach (var old in Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png"))
        {
            File.Delete(old);
        }

        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, prefix);
        return Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToList();
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // pdfinfo prints dates in the process's zone: pin it so the check does not depend on the machine.
        start.Environment["TZ"] = "UTC";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install -y poppler-utils (.ci/run does)", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
            }

            return output;
        }
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<!DOCTYPE[^>]*>")]
    private static partial Regex DoctypePattern();

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSizePattern();
}
