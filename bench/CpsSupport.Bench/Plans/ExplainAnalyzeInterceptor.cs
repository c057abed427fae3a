using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CpsSupport.Bench.Plans;

/// <summary>
/// While <see cref="Enabled"/>, runs <c>EXPLAIN (ANALYZE, BUFFERS)</c> on each statement EF is about to send, on the
/// same connection with the same parameter values (so the same custom plan), then lets the statement run.
/// </summary>
public sealed class ExplainAnalyzeInterceptor : DbCommandInterceptor
{
    private const string ExecutionTimePrefix = "Execution Time: ";

    public bool Enabled { get; set; }
    public List<CapturedPlan> Plans { get; } = [];

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Plans.Add(await ExplainAsync(command, cancellationToken));
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Plans.Add(await ExplainAsync(command, cancellationToken));
        return result;
    }

    private static async Task<CapturedPlan> ExplainAsync(DbCommand command, CancellationToken ct)
    {
        var source = (NpgsqlCommand)command;
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + source.CommandText, source.Connection, source.Transaction);
        var parameters = new StringBuilder();
        foreach (NpgsqlParameter parameter in source.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
            parameters.Append(CultureInfo.InvariantCulture, $"{parameter.ParameterName}={Format(parameter.Value)} ");
        }

        var plan = new StringBuilder();
        var executionMs = 0.0;
        await using (var reader = await explain.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var line = reader.GetString(0);
                plan.AppendLine(line);
                var at = line.IndexOf(ExecutionTimePrefix, StringComparison.Ordinal);
                if (at >= 0) executionMs = double.Parse(line[(at + ExecutionTimePrefix.Length)..].Replace(" ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
        }
        return new CapturedPlan(source.CommandText, parameters.ToString().TrimEnd(), plan.ToString(), executionMs);
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        System.Collections.IEnumerable items => "{" + string.Join(",", items.Cast<object?>().Select(Format)) + "}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
