namespace RetailSynth.Jobs.Validation;

/// <summary>
/// One check of data-model §19. <see cref="Sql"/> returns a single BIGINT: the number of violating
/// rows, or of entities (receipts, nodes, shipments) for checks stated per entity; 0 means the check passes.
/// </summary>
/// <param name="Id">Stable name, <c>{family}.{kind}.{subject}</c>, e.g. <c>2.fk.receipt_lines.product</c>.</param>
/// <param name="Family">The §19 invariant family (1–8).</param>
/// <param name="Description">What the check asserts, in words.</param>
/// <param name="Severity">Whether a violation fails validation or only warns.</param>
/// <param name="Sql">The query counting violations.</param>
public sealed record Invariant(string Id, int Family, string Description, InvariantSeverity Severity, string Sql);
