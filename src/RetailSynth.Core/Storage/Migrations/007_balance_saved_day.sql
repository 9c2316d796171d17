-- The day whose commit wrote a balance row: a day's save appends only the balances that changed and then deletes the
-- rows they supersede, so a key's rows are told apart by it (docs/decisions.md, "The state save in place").
ALTER TABLE sim_inventory_balances ADD COLUMN saved_day DATE;
