namespace RetailSynth.Domain.Facts;

/// <summary>
/// The five money columns of a header (receipt, online order), in cents:
/// gross − discount = subtotal (net); subtotal + tax = total (data-model P7).
/// </summary>
public readonly record struct Money(long GrossCents, long DiscountCents, long SubtotalCents, long TaxCents, long TotalCents)
{
    public static Money Sum(IEnumerable<LineMoney> lines)
    {
        long gross = 0, discount = 0, net = 0, tax = 0;
        foreach (var line in lines)
        {
            gross += line.GrossCents;
            discount += line.DiscountCents;
            net += line.NetCents;
            tax += line.TaxCents;
        }

        return new Money(gross, discount, net, tax, net + tax);
    }

    public Money Negate() => new(-GrossCents, -DiscountCents, -SubtotalCents, -TaxCents, -TotalCents);
}

/// <summary>A line's money in cents: gross − discount = net (ext_price); tax on net.</summary>
public readonly record struct LineMoney(long GrossCents, long DiscountCents, long NetCents, long TaxCents)
{
    public LineMoney Negate() => new(-GrossCents, -DiscountCents, -NetCents, -TaxCents);
}
