using SkiaSharp;

namespace SupportLens.Reports.Pdf;

internal enum FontFace
{
    Regular,
    Bold,
}

internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A text style of the theme: size in points, face, colour, and line height as a multiple of the size.</summary>
internal sealed record TextStyle(float Size, FontFace Face, SKColor Color, float LineHeight = 1.3f)
{
    public float LineAdvance => Size * LineHeight;

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public TextStyle WithFace(FontFace face) => this with { Face = face };
}
