namespace ExportKit;

/// <summary>
/// Neutralises CSV cells that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe.
/// </summary>
public static class CsvFormulaGuard
{
    /// <summary>Tells whether a cell would be taken for a formula.</summary>
    /// <param name="cell">The cell's text.</param>
    /// <returns><see langword="true"/> when it starts with a formula trigger.</returns>
    public static bool IsDangerous(ReadOnlySpan<char> cell) =>
        !cell.IsEmpty && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Returns the cell with a leading apostrophe when it would be taken for a formula, otherwise unchanged.</summary>
    /// <param name="cell">The cell's text.</param>
    /// <returns>The safe text.</returns>
    public static string Neutralize(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return IsDangerous(cell) ? "'" + cell : cell;
    }
}
