using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>A data table, the text alternative next to each chart; every cell is encoded.</summary>
internal sealed class HtmlTable(string caption, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row: the first cell heads the row, the others are figures (right-aligned).</summary>
    public HtmlTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder($"<table class=\"data\"><caption>{Encode(caption)}</caption><thead><tr>");
        foreach (var header in headers) html.Append($"<th scope=\"col\">{Encode(header)}</th>");
        html.Append("</tr></thead><tbody>");
        if (_rows.Count == 0) html.Append($"<tr><td colspan=\"{headers.Length}\">No data in this period</td></tr>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
                html.Append(i == 0 ? $"<th scope=\"row\">{Encode(row[i])}</th>" : $"<td class=\"num\">{Encode(row[i])}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
