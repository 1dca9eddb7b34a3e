using System.Globalization;
using System.Security.Cryptography;
using Scriban;
using Scriban.Syntax;

namespace ExportKit.Formats.Html;

/// <summary>
/// A parsed Scriban page template. <see cref="Render"/> renders the page of a bundle with each section's
/// <c>rows</c> as a marker that holds a random nonce, so no data can imitate it, and returns the page cut at
/// those markers. The page without rows is small (it grows with sections, not items), so it is rendered to a
/// string; the rows are written by <see cref="HtmlExportFormatter"/> as the items stream.
/// </summary>
internal sealed class HtmlTemplate
{
    private const string DefaultResource = "ExportKit.Formats.Html.default-report.sbn-html";
    private const string MarkerPrefix = "exportkit-rows-";

    private readonly Template template;

    private HtmlTemplate(Template template) => this.template = template;

    /// <summary>Parses a host's template, or the embedded default when <paramref name="text"/> is null.</summary>
    /// <param name="text">The template text, or <see langword="null"/>.</param>
    /// <param name="errors">When the template does not parse: every error with its line and column, one a line.</param>
    /// <returns>The template, or <see langword="null"/> when it does not parse.</returns>
    public static HtmlTemplate? TryParse(string? text, out string errors)
    {
        var source = (text ?? LoadDefault()).ReplaceLineEndings("\n");
        var parsed = Template.Parse(source, text is null ? "default-report.sbn-html" : "template");
        errors = string.Join("\n", parsed.Messages.Select(m => string.Create(
            CultureInfo.InvariantCulture, $"  {Position(m.Span.Start)}: {m.Message}")));
        return parsed.HasErrors ? null : new HtmlTemplate(parsed);
    }

    /// <summary>Renders the page and cuts it where each section's rows go.</summary>
    /// <exception cref="InvalidOperationException">The template fails, or does not place every section's rows once and in order.</exception>
    public IReadOnlyList<HtmlPagePart> Render(ExportBundle bundle)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var prefix = MarkerPrefix + nonce + "-";
        var context = new TemplateContext
        {
            LoopLimit = 0,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(HtmlPageModel.Create(bundle, i => prefix + i.ToString(CultureInfo.InvariantCulture) + "."));
        string page;
        try
        {
            page = template.Render(context);
        }
        catch (ScriptRuntimeException error)
        {
            throw new InvalidOperationException(
                $"The HTML template failed at {Position(error.Span.Start)}: {error.OriginalMessage}. Fix the template; its variables are listed on HtmlExportOptions.Template.",
                error);
        }

        return Cut(page, prefix, bundle.Sections);
    }

    private static List<HtmlPagePart> Cut(string page, string prefix, IReadOnlyList<ExportSection> sections)
    {
        var parts = new List<HtmlPagePart>(sections.Count + 1);
        var position = 0;
        var next = 0;
        int found;
        while ((found = page.IndexOf(prefix, position, StringComparison.Ordinal)) >= 0)
        {
            var digits = found + prefix.Length;
            var end = page.IndexOf('.', digits);
            if (end < 0 || !int.TryParse(page.AsSpan(digits, end - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sections.Count)
            {
                throw new InvalidOperationException("The HTML template changed a section's rows marker: write {{ section.rows }} as it is, without filters.");
            }

            if (index < next)
            {
                throw new InvalidOperationException(
                    $"The HTML template writes the rows of section '{sections[index].SectionId}' twice or out of order: write {{{{ section.rows }}}} once inside the loop over bundle.sections.");
            }

            ThrowIfSkipped(sections, next, index);
            parts.Add(new HtmlPagePart(page.AsMemory(position, found - position), index));
            position = end + 1;
            next = index + 1;
        }

        ThrowIfSkipped(sections, next, sections.Count);
        parts.Add(new HtmlPagePart(page.AsMemory(position), -1));
        return parts;
    }

    private static void ThrowIfSkipped(IReadOnlyList<ExportSection> sections, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (sections[i].ItemCount > 0)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The HTML template does not write the rows of section '{sections[i].SectionId}', which has {sections[i].ItemCount} items: write {{{{ section.rows }}}} inside the loop over bundle.sections for every section that has items."));
            }
        }
    }

    private static string Position(Scriban.Parsing.TextPosition position) =>
        string.Create(CultureInfo.InvariantCulture, $"line {position.Line + 1}, column {position.Column + 1}");

    private static string LoadDefault()
    {
        using var stream = typeof(HtmlTemplate).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResource}' is missing from ExportKit.Formats.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
