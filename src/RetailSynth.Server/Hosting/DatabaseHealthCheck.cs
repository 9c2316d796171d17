using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RetailSynth.Server.Hosting;

/// <summary>/health/ready: the database answers a query on a fresh connection.</summary>
internal sealed class DatabaseHealthCheck(ServerDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy("database answers"));
        }
        catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"database does not answer ({ex.GetType().Name})"));
        }
    }
}
