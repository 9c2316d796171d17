-- Fact tables (data-model §16, in §7 order), simulator state (§17) and the streaming outbox
-- (streaming §3). Column order is the append order of FactAppenders; business_date and local_hour
-- (§2.3, node-local) follow event_ts. Money: X DECIMAL(18,2) =
-- X_cents / 100 exactly (§4). No PRIMARY KEY / FOREIGN KEY constraints or indexes (see 001).

CREATE TABLE fact_receipts (
    receipt_id_ext VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    visit_id VARCHAR,
    receipt_type VARCHAR NOT NULL,
    item_count INTEGER NOT NULL,
    gross_subtotal DECIMAL(18,2) NOT NULL,
    gross_subtotal_cents BIGINT NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL,
    subtotal DECIMAL(18,2) NOT NULL,
    subtotal_cents BIGINT NOT NULL,
    tax_amount DECIMAL(18,2) NOT NULL,
    tax_cents BIGINT NOT NULL,
    total_amount DECIMAL(18,2) NOT NULL,
    total_cents BIGINT NOT NULL,
    tender_type VARCHAR NOT NULL,
    campaign_id VARCHAR,
    impression_id_ext VARCHAR,
    correlation_id VARCHAR,
    return_for_receipt_id_ext VARCHAR,
    return_for_order_id_ext VARCHAR
);

CREATE TABLE fact_receipt_lines (
    receipt_id_ext VARCHAR NOT NULL,
    line_num INTEGER NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price DECIMAL(18,2) NOT NULL,
    unit_cents BIGINT NOT NULL,
    gross_amount DECIMAL(18,2) NOT NULL,
    gross_cents BIGINT NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL,
    ext_price DECIMAL(18,2) NOT NULL,
    ext_cents BIGINT NOT NULL,
    tax_amount DECIMAL(18,2) NOT NULL,
    tax_cents BIGINT NOT NULL,
    promo_code VARCHAR
);

CREATE TABLE fact_payments (
    transaction_id VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    receipt_id_ext VARCHAR,
    order_id_ext VARCHAR,
    store_id BIGINT,
    customer_id BIGINT NOT NULL,
    attempt_num INTEGER NOT NULL,
    payment_method VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    decline_reason VARCHAR,
    amount DECIMAL(18,2) NOT NULL,
    amount_cents BIGINT NOT NULL,
    processing_time_ms INTEGER NOT NULL,
    correlation_id VARCHAR
);

CREATE TABLE fact_store_inventory_txn (
    store_id BIGINT NOT NULL,
    txn_seq BIGINT NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    reason VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    balance BIGINT NOT NULL
);

CREATE TABLE fact_dc_inventory_txn (
    dc_id BIGINT NOT NULL,
    txn_seq BIGINT NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    reason VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    balance BIGINT NOT NULL
);

CREATE TABLE fact_stockouts (
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT,
    dc_id BIGINT,
    product_id BIGINT NOT NULL,
    last_known_quantity INTEGER NOT NULL,
    depleting_txn_seq BIGINT NOT NULL,
    detection_time TIMESTAMP NOT NULL
);

CREATE TABLE fact_reorders (
    reorder_id VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT,
    dc_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    current_quantity INTEGER NOT NULL,
    inventory_position INTEGER NOT NULL,
    reorder_point INTEGER NOT NULL,
    reorder_quantity INTEGER NOT NULL,
    priority VARCHAR NOT NULL,
    po_id VARCHAR
);

CREATE TABLE fact_truck_moves (
    shipment_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    truck_id BIGINT NOT NULL,
    dc_id BIGINT NOT NULL,
    store_id BIGINT NOT NULL,
    trip_id VARCHAR NOT NULL,
    stop_seq SMALLINT NOT NULL,
    formed_ts TIMESTAMP NOT NULL,
    temperature_class VARCHAR NOT NULL,
    priority VARCHAR NOT NULL,
    units INTEGER NOT NULL,
    dc_departure_ts TIMESTAMP,
    eta TIMESTAMP NOT NULL,
    etd TIMESTAMP NOT NULL,
    estimated_unload_minutes INTEGER NOT NULL,
    actual_unload_minutes INTEGER
);

CREATE TABLE fact_truck_inventory (
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    shipment_id VARCHAR NOT NULL,
    truck_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    location_type VARCHAR NOT NULL,
    location_id BIGINT NOT NULL
);

CREATE TABLE fact_foot_traffic (
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    window_start_ts TIMESTAMP NOT NULL,
    store_id BIGINT NOT NULL,
    zone VARCHAR NOT NULL,
    sensor_id VARCHAR NOT NULL,
    customer_count INTEGER NOT NULL,
    dwell_seconds INTEGER NOT NULL
);

CREATE TABLE fact_ble_pings (
    visit_id VARCHAR NOT NULL,
    ping_seq INTEGER NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT NOT NULL,
    beacon_id VARCHAR NOT NULL,
    zone VARCHAR NOT NULL,
    customer_ble_id VARCHAR NOT NULL,
    customer_id BIGINT,
    rssi INTEGER NOT NULL
);

CREATE TABLE fact_customer_zone_changes (
    visit_id VARCHAR NOT NULL,
    change_seq INTEGER NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT NOT NULL,
    customer_ble_id VARCHAR NOT NULL,
    customer_id BIGINT,
    from_zone VARCHAR NOT NULL,
    to_zone VARCHAR NOT NULL
);

CREATE TABLE fact_marketing (
    impression_id_ext VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    campaign_id VARCHAR NOT NULL,
    campaign_type VARCHAR NOT NULL,
    channel VARCHAR NOT NULL,
    creative_id VARCHAR NOT NULL,
    customer_ad_id VARCHAR NOT NULL,
    customer_id BIGINT,
    device_type VARCHAR NOT NULL,
    cost DECIMAL(18,2) NOT NULL,
    cost_cents BIGINT NOT NULL,
    correlation_id VARCHAR NOT NULL
);

CREATE TABLE fact_promotions (
    receipt_id_ext VARCHAR NOT NULL,
    promo_code VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    store_id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    discount_type VARCHAR NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL,
    product_count INTEGER NOT NULL,
    product_ids BIGINT[] NOT NULL,
    correlation_id VARCHAR
);

CREATE TABLE fact_promo_lines (
    receipt_id_ext VARCHAR NOT NULL,
    line_num INTEGER NOT NULL,
    promo_code VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL
);

CREATE TABLE fact_store_ops (
    store_id BIGINT NOT NULL,
    business_date DATE NOT NULL,
    operation_type VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    local_hour SMALLINT NOT NULL
);

CREATE TABLE fact_online_order_headers (
    order_id_ext VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    customer_id BIGINT NOT NULL,
    fulfillment_mode VARCHAR NOT NULL,
    node_type VARCHAR NOT NULL,
    node_id BIGINT NOT NULL,
    item_count INTEGER NOT NULL,
    line_count INTEGER NOT NULL,
    gross_subtotal DECIMAL(18,2) NOT NULL,
    gross_subtotal_cents BIGINT NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL,
    subtotal DECIMAL(18,2) NOT NULL,
    subtotal_cents BIGINT NOT NULL,
    tax_amount DECIMAL(18,2) NOT NULL,
    tax_cents BIGINT NOT NULL,
    total_amount DECIMAL(18,2) NOT NULL,
    total_cents BIGINT NOT NULL,
    tax_rate DECIMAL(7,5) NOT NULL,
    tender_type VARCHAR NOT NULL,
    campaign_id VARCHAR,
    impression_id_ext VARCHAR,
    correlation_id VARCHAR
);

-- Money pairs named as in fact_receipt_lines (§16.2), which §16.18 refers to.
CREATE TABLE fact_online_order_lines (
    order_id_ext VARCHAR NOT NULL,
    line_num INTEGER NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price DECIMAL(18,2) NOT NULL,
    unit_cents BIGINT NOT NULL,
    gross_amount DECIMAL(18,2) NOT NULL,
    gross_cents BIGINT NOT NULL,
    discount_amount DECIMAL(18,2) NOT NULL,
    discount_cents BIGINT NOT NULL,
    ext_price DECIMAL(18,2) NOT NULL,
    ext_cents BIGINT NOT NULL,
    tax_amount DECIMAL(18,2) NOT NULL,
    tax_cents BIGINT NOT NULL,
    promo_code VARCHAR
);

CREATE TABLE fact_online_order_status (
    order_id_ext VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    business_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    fulfillment_mode VARCHAR NOT NULL,
    node_type VARCHAR NOT NULL,
    node_id BIGINT NOT NULL
);

-- Simulator state (§17): key columns first, then the listed columns.

CREATE TABLE sim_inventory_balances (
    node_type VARCHAR NOT NULL,
    node_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    on_hand BIGINT NOT NULL,
    reserved BIGINT NOT NULL,
    on_order BIGINT NOT NULL,
    reorder_point INTEGER NOT NULL,
    order_up_to INTEGER NOT NULL,
    forecast_factor DOUBLE NOT NULL,
    stockout_open BOOLEAN NOT NULL
);

-- Customer lifecycles (§10.7), customers 1…N: status ACTIVE or DORMANT until next_transition.
CREATE TABLE sim_customers (
    customer_id BIGINT NOT NULL,
    activity DOUBLE NOT NULL,
    primary_share DOUBLE NOT NULL,
    status VARCHAR NOT NULL,
    next_transition DATE NOT NULL
);

CREATE TABLE sim_node_sequences (
    node_type VARCHAR NOT NULL,
    node_id BIGINT NOT NULL,
    next_txn_seq BIGINT NOT NULL
);

-- location_dc_id: where the truck is, or will be when free; NULL for supplier trucks (descriptive only).
CREATE TABLE sim_trucks (
    truck_id BIGINT NOT NULL,
    available_at TIMESTAMP NOT NULL,
    location_dc_id BIGINT,
    trip_id VARCHAR
);

-- allocated and pooled_ts are NULL until the next hour start allocates the line into its route pool (§13.1).
CREATE TABLE sim_open_reorders (
    reorder_id VARCHAR NOT NULL,
    store_id BIGINT NOT NULL,
    dc_id BIGINT NOT NULL,
    route_id VARCHAR NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    allocated INTEGER,
    priority VARCHAR NOT NULL,
    reviewed_ts TIMESTAMP NOT NULL,
    pooled_ts TIMESTAMP
);

-- Trips until their truck is back at its DC (§13.2, §13.3).
CREATE TABLE sim_trips (
    trip_id VARCHAR NOT NULL,
    dc_id BIGINT NOT NULL,
    route_id VARCHAR NOT NULL,
    truck_id BIGINT,
    status VARCHAR NOT NULL,
    priority VARCHAR NOT NULL,
    formed_ts TIMESTAMP NOT NULL,
    scheduled_ts TIMESTAMP,
    units INTEGER NOT NULL,
    return_ts TIMESTAMP
);

-- A QUEUED shipment has no truck and therefore no lifecycle instants or plan yet (§13.1–13.3).
CREATE TABLE sim_pending_shipments (
    shipment_id VARCHAR NOT NULL,
    trip_id VARCHAR NOT NULL,
    stop_seq SMALLINT NOT NULL,
    dc_id BIGINT NOT NULL,
    store_id BIGINT NOT NULL,
    temperature_class VARCHAR NOT NULL,
    priority VARCHAR NOT NULL,
    units INTEGER NOT NULL,
    formed_ts TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    truck_id BIGINT,
    scheduled_ts TIMESTAMP,
    loading_ts TIMESTAMP,
    dc_departure_ts TIMESTAMP,
    arrived_ts TIMESTAMP,
    unloading_ts TIMESTAMP,
    completed_ts TIMESTAMP,
    eta TIMESTAMP,
    etd TIMESTAMP,
    estimated_unload_minutes INTEGER
);

CREATE TABLE sim_pending_shipment_lines (
    shipment_id VARCHAR NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL
);

CREATE TABLE sim_supplier_orders (
    po_id VARCHAR NOT NULL,
    product_id BIGINT NOT NULL,
    dc_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    arrival_ts TIMESTAMP NOT NULL
);

-- correlation_id is NULL for orders not born from a journey, as in fact_online_order_headers.
CREATE TABLE sim_open_orders (
    order_id_ext VARCHAR NOT NULL,
    fulfillment_mode VARCHAR NOT NULL,
    node_type VARCHAR NOT NULL,
    node_id BIGINT NOT NULL,
    correlation_id VARCHAR,
    picked_ts TIMESTAMP NOT NULL,
    shipped_ts TIMESTAMP,
    delivered_ts TIMESTAMP NOT NULL,
    cancel_ts TIMESTAMP,
    refund_ts TIMESTAMP,
    next_status VARCHAR NOT NULL
);

-- source_id_ext is the returned store sale (RCP-…) or online order (ONL-…); line_nums are its returned lines (§11).
CREATE TABLE sim_scheduled_returns (
    source_id_ext VARCHAR NOT NULL,
    store_id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    return_date DATE NOT NULL,
    line_nums INTEGER[] NOT NULL
);

CREATE TABLE sim_pending_conversions (
    journey_id VARCHAR NOT NULL,
    impression_id_ext VARCHAR NOT NULL,
    campaign_id VARCHAR NOT NULL,
    customer_id BIGINT NOT NULL,
    target VARCHAR NOT NULL,
    store_id BIGINT,
    due_ts TIMESTAMP NOT NULL,
    expires_ts TIMESTAMP NOT NULL
);

CREATE TABLE sim_campaigns (
    campaign_id VARCHAR NOT NULL,
    campaign_type VARCHAR NOT NULL,
    start_day DATE NOT NULL,
    end_day DATE NOT NULL,
    daily_impressions INTEGER NOT NULL,
    channels VARCHAR[] NOT NULL
);

-- One row per event (streaming §3). body is NULL in the rendered-body design.
CREATE TABLE streaming_outbox (
    outbox_id BIGINT NOT NULL,
    event_id VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    sim_day DATE NOT NULL,
    event_type VARCHAR NOT NULL,
    partition_key VARCHAR NOT NULL,
    body VARCHAR,
    status VARCHAR NOT NULL,
    attempts INTEGER NOT NULL,
    lease_expires_at TIMESTAMP,
    last_error VARCHAR,
    sent_at TIMESTAMP
);
