using ScottPlot;
using SkiaSharp;

namespace SupportLens.Reports.Pdf;

/// <summary>The one font family of every report, loaded from this assembly's resources.</summary>
/// <remarks>
/// Skia would otherwise ask the machine (fontconfig) for a default face, and two machines with different
/// fonts would lay out different PDFs. The native Skia package we ship has no fontconfig at all.
/// </remarks>
internal static class ReportFonts
{
    public const string Family = "Liberation Sans";

    private static readonly SKTypeface RegularFace = Load("LiberationSans-Regular.ttf");
    private static readonly SKTypeface BoldFace = Load("LiberationSans-Bold.ttf");

    static ReportFonts()
    {
        // ScottPlot resolves font names through a process-wide list; ours answers first for our family only.
        lock (Fonts.FontResolvers)
        {
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        }
    }

    public static SKTypeface Typeface(FontFace face) => face switch
    {
        FontFace.Bold => BoldFace,
        _ => RegularFace,
    };

    /// <summary>Makes sure the chart library knows the family before a plot asks for it.</summary>
    public static void EnsureChartFonts() => _ = RegularFace;

    private static SKTypeface Load(string file)
    {
        var name = "SupportLens.Reports.Fonts." + file;
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded font {name} is missing from SupportLens.Reports");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"embedded font {name} is not a font Skia can read");
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        // No italic face is shipped (each face used adds ~210 KB to every PDF): italic requests get upright.
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? BoldFace : RegularFace) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
