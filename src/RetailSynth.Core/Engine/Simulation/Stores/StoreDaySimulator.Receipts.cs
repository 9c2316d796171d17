using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>At the receipt time: sensors, the stock bound, promotion, tax, payment and the return decision (§10.2–§10.6, §11).</summary>
internal sealed partial class StoreDaySimulator
{
    private void ApplyVisit(PlannedVisit visit, FactBatch output)
    {
        var seq = ++_visitSeq;
        var visitId = $"VIS-{_dayKey}-{StoreId:000}-{seq:000000}";
        var customer = _world.Customers.RowOf(visit.Customer);
        WriteSensors(visit, visitId, seq, customer, output);

        var lines = BoundByStock(visit, visit.BusinessDate);
        if (lines.Count == 0)
        {
            return; // every line was a lost sale: no receipt, the sequence number is not reused
        }

        var receiptId = $"RCP-{_dayKey}-{StoreId:000}-{seq:000000}";
        var receiptTs = visit.ReceiptTs;
        var promo = DrawPromotion(visit.Segment, visit.BusinessDate.Month, lines);

        var lineMoney = new LineMoney[lines.Count];
        var promoLines = new List<PromoLineFact>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (product, quantity) = lines[i];
            var unit = _world.Products.SaleCents[product];
            var gross = unit * quantity;
            var group = _world.Products.Group[product];
            var discount = promo is null || !StorePromotions.LineEligible(promo, group, quantity) ? 0
                : promo.Bogo ? Rounding.Divide(unit * (quantity / 2) * 50, 100)
                : Rounding.Divide(gross * promo.Percent, 100);
            var net = gross - discount;
            var tax = Rounding.Divide(net * _store.Store.TaxRateE5 * _world.Products.TaxMultiplier[product], 10_000_000);
            lineMoney[i] = new LineMoney(gross, discount, net, tax);
            var lineTs = receiptTs.AddMilliseconds(i + 1);
            var code = discount > 0 ? promo!.Name : null;
            output.ReceiptLines.Add(new ReceiptLineFact(receiptId, i + 1, lineTs, StoreId, product + 1L, quantity, unit, lineMoney[i], code) { VisitId = visitId });
            if (code is not null)
            {
                promoLines.Add(new PromoLineFact(receiptId, i + 1, code, lineTs, product + 1L, quantity, discount) { StoreId = StoreId });
            }

            _stock.Move(lineTs, product, -quantity, InventoryReasons.Sale, receiptId, output);
        }

        var money = Money.Sum(lineMoney);
        var tender = Tenders.StoreTenders[_stream.Categorical(Tenders.StoreWeights)];
        var conversion = visit.Conversion;
        var correlation = conversion?.JourneyId;
        output.Receipts.Add(new ReceiptFact(
            receiptId, receiptTs, StoreId, customer.CustomerId, visitId, "SALE", lines.Sum(l => l.Quantity), money, tender,
            conversion?.CampaignId, conversion?.ImpressionIdExt, correlation, null));
        if (promoLines.Count > 0)
        {
            output.Promotions.Add(new PromotionFact(
                receiptId, promo!.Name, receiptTs.AddMilliseconds(100), StoreId, customer.CustomerId, promo.Bogo ? DiscountTypes.Bogo : DiscountTypes.Percent,
                money.DiscountCents, promoLines.Count, [.. promoLines.Select(l => l.ProductId).Order()], correlation)
            {
                VisitId = visitId,
            });
            output.PromoLines.AddRange(promoLines);
        }

        var approvedTender = WritePayments(receiptId, visitId, receiptTs, customer.CustomerId, tender, money.TotalCents, correlation, output);
        if (DrawReturnDecision(receiptId, customer.CustomerId, visit.BusinessDate, lines))
        {
            _todaysSales[receiptId] = new SaleForReturn(
                receiptId, approvedTender, [.. lines.Select((l, i) => new SoldLine(i + 1, l.Product + 1L, l.Quantity, _world.Products.SaleCents[l.Product], lineMoney[i]))]);
        }
    }

    /// <summary>quantity = min(wanted, sellable); an empty shelf redraws within the department (≤ 2 tries) or drops the line (§10.2).</summary>
    private List<(int Product, int Quantity)> BoundByStock(PlannedVisit visit, DateOnly date)
    {
        var catalog = _catalogs.For(date);
        var result = new List<(int Product, int Quantity)>(visit.Lines.Count);
        foreach (var (wantedProduct, wanted) in visit.Lines)
        {
            var product = wantedProduct;
            for (var attempt = 0; _stock.Sellable(product) <= 0 && attempt < 2; attempt++)
            {
                var candidate = catalog.Pick(_stream, _world.Products.Department[wantedProduct], visit.Segment);
                product = candidate >= 0 && !BasketDraw.Contains(result, candidate) && !BasketDraw.Contains(visit.Lines, candidate)
                    ? candidate
                    : product;
            }

            var sellable = _stock.Sellable(product);
            if (sellable > 0)
            {
                result.Add((product, (int)Math.Min(wanted, sellable)));
            }
        }

        return result;
    }

    /// <summary>Promotion (§10.3): p = base × month × mean group factor (≤ 0.60), one code weighted by its percentage.</summary>
    private StorePromotions.Code? DrawPromotion(int segment, int month, List<(int Product, int Quantity)> lines)
    {
        var probability = BasketRules.PromoProbability(segment, month, lines.Select(l => _world.Products.Group[l.Product]));
        if (!_stream.Bernoulli(probability))
        {
            return null;
        }

        var gross = lines.Sum(l => _world.Products.SaleCents[l.Product] * l.Quantity);
        var eligible = StorePromotions.All
            .Where(c => StorePromotions.ValidInMonth(c, month) && gross >= c.MinGrossCents
                && lines.Exists(l => StorePromotions.LineEligible(c, _world.Products.Group[l.Product], l.Quantity)))
            .ToArray();
        if (eligible.Length == 0)
        {
            return null;
        }

        return eligible[_stream.Categorical(eligible.Select(c => (double)c.Percent).ToArray())];
    }

    /// <summary>Attempt 1 at t_r with the tender; a decline is followed by an approved CASH attempt U(5,20) s later (§10.6). Returns the approved tender.</summary>
    private string WritePayments(string receiptId, string visitId, DateTime receiptTs, long customerId, string tender, long totalCents, string? correlation, FactBatch output)
    {
        var declined = _stream.Bernoulli(Tenders.DeclineProbability(tender));
        var reason = declined ? Tenders.DeclineReasons[_stream.UniformInt(0, Tenders.DeclineReasons.Count - 1)] : null;
        var ms = Tenders.ProcessingMs(_stream, tender);
        var firstEnd = receiptTs.AddMilliseconds(ms);
        output.Payments.Add(new PaymentFact(
            $"TXN-{receiptId}-1", firstEnd, receiptId, null, StoreId, customerId, 1, tender,
            declined ? Tenders.Declined : Tenders.Approved, reason, totalCents, ms, correlation)
        {
            VisitId = visitId,
        });
        if (!declined)
        {
            return tender;
        }

        var secondStart = firstEnd.AddSeconds(_stream.UniformInt(5, 20));
        var cashMs = Tenders.ProcessingMs(_stream, Tenders.Cash);
        output.Payments.Add(new PaymentFact(
            $"TXN-{receiptId}-2", secondStart.AddMilliseconds(cashMs), receiptId, null, StoreId, customerId, 2, Tenders.Cash,
            Tenders.Approved, null, totalCents, cashMs, correlation)
        {
            VisitId = visitId,
        });
        return Tenders.Cash;
    }

    /// <summary>
    /// Return decision at sale time (§11), after the payments: each line in line_num order with its p_line (× 1.5 off
    /// Grocery in the gift season); if any is chosen, one return of those lines, on a date drawn next from the same stream.
    /// </summary>
    private bool DrawReturnDecision(string receiptId, long customerId, DateOnly saleDate, List<(int Product, int Quantity)> lines)
    {
        List<int>? chosen = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (_stream.Bernoulli(_world.ReturnRates.StoreLine(lines[i].Product, saleDate)))
            {
                (chosen ??= []).Add(i + 1);
            }
        }

        if (chosen is null)
        {
            return false;
        }

        var giftYear = SeasonalWindows.GiftSeason(saleDate) ? saleDate.Year : (int?)null;
        var scheduled = new ScheduledReturn(receiptId, StoreId, customerId, ReturnDates.Draw(_stream, saleDate, giftYear), chosen);
        _newReturns.Add(scheduled);
        _knownReturns.Add(scheduled);
        return true;
    }

    /// <summary>BLE pings and zone changes of a detected visit (§10.4), written whether or not it ends in a sale.</summary>
    private void WriteSensors(PlannedVisit visit, string visitId, int seq, Customer customer, FactBatch output)
    {
        if (visit.Detection == 0)
        {
            return;
        }

        var known = visit.Detection == 1;
        var bleId = known ? customer.BleId : $"ANON-{_dayKey}-{StoreId:000}-{seq:000000}";
        long? customerId = known ? customer.CustomerId : null;
        for (var k = 0; k < visit.Pings.Count; k++)
        {
            var (zone, ts, rssi) = visit.Pings[k];
            output.BlePings.Add(new BlePingFact(
                visitId, k + 1, ts, StoreId, _beacons[zone], StoreZones.Names[zone], bleId, customerId, rssi));
        }

        for (var i = 1; i < visit.Path.Length; i++)
        {
            output.ZoneChanges.Add(new ZoneChangeFact(
                visitId, i, visit.ZoneStart(i), StoreId, bleId, customerId, StoreZones.Names[visit.Path[i - 1]], StoreZones.Names[visit.Path[i]]));
        }
    }
}
